#include "schema/TablePage.h"

#include <QFontDatabase>
#include <QHeaderView>
#include <QLocale>

#include "common/SqlHighlighter.h"
#include "explain/PlanAdviceBook.h"
#include "health/TableHealthView.h"
#include "jobs/JobRunner.h"
#include "jobs/SchemaJob.h"
#include "schema/IndexMapView.h"
#include "schema/SchemaReader.h"
#include "ui_TablePage.h"

namespace strata {

namespace {

/// Digits grouped even under the C locale ("12,345,678"), which omits the separator by default.
QString grouped(qint64 value)
{
    QLocale locale;
    locale.setNumberOptions(locale.numberOptions() & ~QLocale::OmitGroupSeparator);
    return locale.toString(value);
}

QString bytes(qint64 value)
{
    return QLocale().formattedDataSize(value, 1, QLocale::DataSizeTraditionalFormat);
}

QString duration(qint64 ms)
{
    return ms < 1000 ? QStringLiteral("%1 ms").arg(ms) : QStringLiteral("%1 s").arg(ms / 1000.0, 0, 'f', 1);
}

void fillRow(QTableWidget* view, int row, const QStringList& cells)
{
    for (int c = 0; c < cells.size(); ++c)
        view->setItem(row, c, new QTableWidgetItem(cells[c]));
}

void setUpTable(QTableWidget* view, const QStringList& headers)
{
    view->setColumnCount(int(headers.size()));
    view->setHorizontalHeaderLabels(headers);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    view->setShowGrid(false);
}

} // namespace

TablePage::TablePage(QWidget* parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::TablePage>()), m_health(new TableHealthView)
{
    m_ui->setupUi(this);
    // The Health tab reads only when it is shown (TableHealthView's showEvent), like the Data tab.
    m_ui->tabs->insertTab(HealthTab, m_health, tr("Health"));
    QFont big = m_ui->title->font();
    big.setPointSizeF(big.pointSizeF() * 1.35);
    big.setBold(true);
    m_ui->title->setFont(big);
    m_ui->counting->hide();
    m_ui->ddl->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_highlighter = new SqlHighlighter(m_ui->ddl->document());
    setUpTable(m_ui->columns,
               {tr("Column"), tr("Type"), tr("Null"), tr("Default"), tr("PK"), tr("Foreign key")});
    setUpTable(m_ui->constraints, {tr("Name"), tr("Kind"), tr("Definition")});
    connect(m_ui->countButton, &QPushButton::clicked, this,
            [this] { isCounting() ? cancelCount() : countRows(); });
    clear();
}

TablePage::~TablePage() = default;

void TablePage::setConnection(std::optional<ConnectionUrl> url)
{
    m_url = std::move(url);
}

void TablePage::setMigrationSet(const QString& folder)
{
    m_setFolder = folder;
    m_ui->indexMap->setMigrationSet(folder);
}

void TablePage::clear()
{
    retire(m_sizeRunner);
    retire(m_countRunner);
    m_table = TableInfo{};
    m_ui->title->setText(tr("No table selected"));
    m_ui->estimate->clear();
    m_ui->exact->clear();
    m_ui->size->clear();
    m_ui->counting->hide();
    m_ui->countButton->setText(tr("Count rows"));
    m_ui->countButton->setEnabled(false);
    m_ui->columns->setRowCount(0);
    m_ui->constraints->setRowCount(0);
    m_ui->indexMap->clear();
    m_ui->ddl->clear();
    m_health->clear();
}

void TablePage::showTable(const TableInfo& table, Dialect dialect)
{
    retire(m_sizeRunner);
    retire(m_countRunner);
    m_table = table;
    m_dialect = dialect;
    m_ui->title->setText(table.qualifiedName());
    if (table.estimatedRows >= 0)
        m_ui->estimate->setText(tr("≈ %1 rows (estimate)").arg(approximateRows(table.estimatedRows)));
    else if (dialect == Dialect::Sqlite)
        m_ui->estimate->setText(
            tr("No row estimate: sqlite_stat1 has none for this table (ANALYZE makes one)"));
    else
        m_ui->estimate->setText(tr("No row estimate yet: the table was never vacuumed or analyzed"));
    m_ui->exact->clear();
    m_ui->counting->hide();
    m_ui->countButton->setText(tr("Count rows"));
    m_ui->countButton->setEnabled(m_url.has_value());
    fillColumns();
    fillConstraints();
    if (m_url)
        m_ui->indexMap->showWaiting(table, dialect,
                                    tr("Measuring the indexes and checking the advice against the migration "
                                       "set and the usage statistics…"));
    else
        m_ui->indexMap->showTable(table, dialect);
    QString ddl = table.ddl.trimmed();
    if (!ddl.isEmpty() && !ddl.endsWith(QLatin1Char(';')))
        ddl += QLatin1Char(';');
    for (const IndexInfo& index : table.indexes)
        if (!index.constraint && !index.definition.isEmpty())
            ddl += QStringLiteral("\n\n") + index.definition.trimmed() +
                   (index.definition.trimmed().endsWith(QLatin1Char(';')) ? QString() : QStringLiteral(";"));
    m_ui->ddl->setPlainText(ddl);
    m_health->showTable(m_url, table.schema, table.name, dialect);
    measure();
    Q_EMIT tableShown(m_table, dialect);
}

void TablePage::fillColumns()
{
    QTableWidget* view = m_ui->columns;
    view->setRowCount(int(m_table.columns.size()));
    for (int row = 0; row < m_table.columns.size(); ++row) {
        const ColumnInfo& c = m_table.columns[row];
        QStringList references;
        QStringList details;
        for (const ForeignKeyInfo& fk : m_table.foreignKeys) {
            const qsizetype at = fk.columns.indexOf(c.name);
            if (at < 0)
                continue;
            const QString target = fk.referencedSchema.isEmpty() || fk.referencedSchema == m_table.schema
                                       ? fk.referencedTable
                                       : fk.referencedSchema + QLatin1Char('.') + fk.referencedTable;
            const QString column = fk.referencedColumns.value(at, tr("its primary key"));
            references << QStringLiteral("→ %1.%2").arg(target, column);
            details << tr("%1: ON DELETE %2, ON UPDATE %3")
                           .arg(fk.name.isEmpty() ? tr("foreign key") : fk.name, fk.onDelete, fk.onUpdate);
        }
        const QString value =
            c.generated.isEmpty() ? c.defaultValue : tr("GENERATED AS (%1)").arg(c.generated);
        fillRow(view, row,
                {c.name, c.type, c.notNull ? tr("not null") : tr("null"), value,
                 c.primaryKeyPosition > 0 ? QString::number(c.primaryKeyPosition) : QString(),
                 references.join(QStringLiteral(", "))});
        if (c.primaryKeyPosition > 0) {
            QFont bold = view->font();
            bold.setBold(true);
            view->item(row, ColumnName)->setFont(bold);
        }
        view->item(row, ColumnForeignKey)->setToolTip(details.join(QLatin1Char('\n')));
    }
    view->resizeColumnsToContents();
}

void TablePage::fillConstraints()
{
    QTableWidget* view = m_ui->constraints;
    view->setRowCount(int(m_table.constraints.size()));
    for (int row = 0; row < m_table.constraints.size(); ++row) {
        const ConstraintInfo& c = m_table.constraints[row];
        fillRow(view, row, {c.name.isEmpty() ? tr("(unnamed)") : c.name, c.kind, c.definition});
    }
    view->resizeColumnsToContents();
}

void TablePage::measure()
{
    if (!m_url)
        return;
    m_ui->size->setText(tr("Measuring the size…"));
    auto job = SchemaJob::measureTable(m_table.schema, m_table.name, m_setFolder);
    m_sizeJob = job.get();
    m_sizeRunner = std::make_unique<JobRunner>(*m_url, std::move(job), this);
    connect(m_sizeRunner.get(), &JobRunner::finished, this, &TablePage::onMeasured);
    m_sizeRunner->start();
}

void TablePage::onMeasured(bool ok, const Error& error)
{
    if (!ok || !m_sizeJob || !m_sizeJob->size()) {
        m_ui->size->setText(tr("Size unknown: %1").arg(error.what));
        m_ui->indexMap->showWaiting(m_table, m_dialect,
                                    tr("No advice: the indexes could not be measured (%1).").arg(error.what));
        Q_EMIT failed(error);
        Q_EMIT sizeMeasured(false);
        return;
    }
    const TableSize& size = *m_sizeJob->size();
    SchemaReader::applyMeasuredSizes(m_table, size);
    IndexAdviceContext context;
    context.owned = m_sizeJob->owned();
    context.usage = m_sizeJob->usage();
    // Indexes the plans drawn in the console found missing for this table join the index map's advice.
    context.fromPlans = PlanAdviceBook::adviceFor(m_url->display(), m_table.schema, m_table.name);
    if (m_sizeJob->setProblem().isEmpty())
        m_ui->indexMap->showTable(m_table, m_dialect, context);
    else // without the set's indexes, advice could say to drop one of them by hand
        m_ui->indexMap->showWaiting(
            m_table, m_dialect,
            tr("No advice: the migration set could not be read, so Strata cannot tell "
               "which indexes it creates. %1")
                .arg(m_sizeJob->setProblem()));
    if (!size.unavailable.isEmpty())
        m_ui->size->setText(tr("Size unknown: %1").arg(size.unavailable));
    else
        m_ui->size->setText(tr("Size: %1 in all · table %2 · indexes %3")
                                .arg(bytes(size.totalBytes), bytes(size.tableBytes), bytes(size.indexBytes)));
    Q_EMIT sizeMeasured(true);
}

void TablePage::countRows()
{
    if (!m_url || m_table.name.isEmpty() || isCounting())
        return;
    auto job = SchemaJob::countRows(m_table.schema, m_table.name);
    m_countJob = job.get();
    m_countRunner = std::make_unique<JobRunner>(*m_url, std::move(job), this);
    connect(m_countRunner.get(), &JobRunner::finished, this, &TablePage::onCounted);
    m_ui->countButton->setText(tr("Cancel count"));
    m_ui->exact->setText(tr("Counting…"));
    m_ui->counting->show();
    m_countRunner->start();
}

void TablePage::cancelCount()
{
    if (!isCounting())
        return;
    m_countRunner->cancel();
    m_ui->exact->setText(tr("Cancelling…"));
    m_ui->countButton->setEnabled(false);
}

void TablePage::onCounted(bool ok, const Error& error)
{
    m_ui->counting->hide();
    m_ui->countButton->setText(tr("Count rows"));
    m_ui->countButton->setEnabled(true);
    if (!ok || !m_countJob || !m_countJob->rowCount()) {
        m_ui->exact->setText(tr("Count stopped: %1").arg(error.what));
        Q_EMIT failed(error);
        Q_EMIT rowsCounted(false);
        return;
    }
    const qint64 rows = *m_countJob->rowCount();
    m_ui->exact->setText(tr("Exactly %1 row%2 · counted in %3")
                             .arg(grouped(rows), rows == 1 ? QString() : QStringLiteral("s"),
                                  duration(m_countJob->elapsedMs())));
    Q_EMIT rowsCounted(true);
}

void TablePage::retire(std::unique_ptr<JobRunner>& runner)
{
    if (!runner)
        return;
    // A runner still at work is cancelled and left to finish on its own: the page never waits for it, and
    // its result, arriving for a table no longer shown, is dropped.
    disconnect(runner.get(), nullptr, this, nullptr);
    if (runner->isRunning()) {
        runner->cancel();
        JobRunner* leftover = runner.release();
        connect(leftover, &JobRunner::finished, leftover, &QObject::deleteLater);
    }
    runner.reset();
    if (&runner == &m_sizeRunner)
        m_sizeJob = nullptr;
    else
        m_countJob = nullptr;
}

void TablePage::setTabWidget(Tab tab, QWidget* widget)
{
    const QString title = m_ui->tabs->tabText(tab);
    QWidget* old = m_ui->tabs->widget(tab);
    m_ui->tabs->removeTab(tab);
    m_ui->tabs->insertTab(tab, widget, title);
    if (old && old != widget)
        old->hide();
}

void TablePage::showColumn(const QString& column)
{
    m_ui->tabs->setCurrentIndex(ColumnsTab);
    for (int row = 0; row < m_ui->columns->rowCount(); ++row)
        if (m_ui->columns->item(row, ColumnName)->text() == column)
            m_ui->columns->selectRow(row);
}

QString TablePage::approximateRows(qint64 rows)
{
    if (rows < 1000)
        return QString::number(rows);
    if (rows < 1000000)
        return QStringLiteral("%1 k").arg(rows / 1e3, 0, 'f', rows < 100000 ? 1 : 0);
    if (rows < 1000000000)
        return QStringLiteral("%1 M").arg(rows / 1e6, 0, 'f', rows < 100000000 ? 1 : 0);
    return QStringLiteral("%1 G").arg(rows / 1e9, 0, 'f', 1);
}

bool TablePage::isCounting() const
{
    return m_countRunner && m_countRunner->isRunning();
}

QTabWidget* TablePage::tabs() const
{
    return m_ui->tabs;
}
QTableWidget* TablePage::columnsView() const
{
    return m_ui->columns;
}
IndexMapView* TablePage::indexMap() const
{
    return m_ui->indexMap;
}

QTableWidget* TablePage::constraintsView() const
{
    return m_ui->constraints;
}
QPlainTextEdit* TablePage::ddlView() const
{
    return m_ui->ddl;
}
QPushButton* TablePage::countButton() const
{
    return m_ui->countButton;
}
QString TablePage::titleText() const
{
    return m_ui->title->text();
}
QString TablePage::estimateText() const
{
    return m_ui->estimate->text();
}
QString TablePage::exactText() const
{
    return m_ui->exact->text();
}
QString TablePage::sizeText() const
{
    return m_ui->size->text();
}

} // namespace strata
