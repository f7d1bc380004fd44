#include "schema/IndexMapView.h"

#include <QDateTime>
#include <QLabel>
#include <QMessageBox>
#include <QScrollArea>
#include <QVBoxLayout>

#include "migrations/MigrationSetLoader.h"
#include "migrations/NewMigrationStep.h"
#include "schema/IndexAdviceList.h"
#include "schema/IndexMapMatrix.h"
#include "schema/NewStepDialog.h"
#include "theme/Theme.h"

namespace strata {

IndexMapView::IndexMapView(QWidget* parent)
    : QWidget(parent), m_title(new QLabel(this)), m_legend(new QLabel(this)), m_usage(new QLabel(this)),
      m_map(new IndexMapMatrix(this)), m_footer(new QLabel(this)), m_advice(new IndexAdviceList(this))
{
    setObjectName(QStringLiteral("indexMap"));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    m_title->setFont(big);
    m_legend->setWordWrap(true);
    m_usage->setObjectName(QStringLiteral("usageStatistics"));
    m_usage->setWordWrap(true);
    m_usage->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_footer->setWordWrap(true);
    m_footer->setTextInteractionFlags(Qt::TextSelectableByMouse);
    restyle();
    connect(&Theme::instance(), &Theme::changed, this, &IndexMapView::restyle);

    // The map shows every column and the list every piece of advice; the page scrolls when they do not fit.
    auto* body = new QWidget;
    auto* bodyLayout = new QVBoxLayout(body);
    bodyLayout->setContentsMargins(0, 0, 0, 0);
    bodyLayout->addWidget(m_map);
    bodyLayout->addWidget(m_footer);
    bodyLayout->addSpacing(4);
    bodyLayout->addWidget(new QLabel(tr("<b>Advice</b>"), body));
    bodyLayout->addWidget(m_advice);
    bodyLayout->addStretch(1);
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("indexMapScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(body);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_legend);
    layout->addWidget(m_usage);
    layout->addWidget(scroll, 1);
    connect(m_advice, &IndexAdviceList::writeStepRequested, this, [this](int row) {
        if (NewStepDialog* dialog = proposeStep(row))
            dialog->open();
    });
    clear();
}

void IndexMapView::showTable(const TableInfo& table, Dialect dialect, const IndexAdviceContext& context)
{
    m_dialect = dialect;
    if (dialect == Dialect::Sqlite)
        m_usage->setText(tr("SQLite keeps no usage statistics: no index is ever called unused here."));
    else if (context.usage)
        m_usage->setText(context.usage->describe());
    else
        m_usage->setText(tr("Usage statistics not read: no index is called unused."));
    m_usageWarns = dialect == Dialect::Postgres && context.usage && !context.usage->enough();
    m_usage->setStyleSheet(usageStyle());
    m_usage->show();
    showTable(table, IndexAdvisor::advise(table, dialect, context));
}

void IndexMapView::restyle()
{
    // Colours chosen for the light theme, lightened (same hue) on the dark one.
    const auto colour = [](int rgb) { return Theme::readable(QColor::fromRgb(QRgb(rgb))).name(); };
    m_legend->setText(tr("<span style='color:%1'>■</span> 1 ▲ first key column, ascending &nbsp; "
                         "<span style='color:%2'>■</span> 2 ▼ second, descending &nbsp; "
                         "<span style='color:%3'>■</span> incl carried (INCLUDE), not in the key")
                          .arg(QColor(0x19, 0x76, 0xd2).name(),
                               Theme::isDark() ? QStringLiteral("#2a5a8c") : QStringLiteral("#7db6f0"),
                               QStringLiteral("#9e9e9e")));
    m_legend->setStyleSheet(QStringLiteral("color: %1;").arg(colour(0x616161)));
    m_footer->setStyleSheet(QStringLiteral("color: %1;").arg(colour(0x8a4b00)));
    m_usage->setStyleSheet(usageStyle());
}

QString IndexMapView::usageStyle() const
{
    return QStringLiteral("color: %1;")
        .arg(Theme::readable(m_usageWarns ? QColor(0x8a, 0x5a, 0x00) : QColor(0x61, 0x61, 0x61)).name());
}

void IndexMapView::showWaiting(const TableInfo& table, Dialect dialect, const QString& note)
{
    m_dialect = dialect;
    m_usage->hide();
    showMap(table, {});
    m_advice->setWaiting(note);
}

void IndexMapView::showTable(const TableInfo& table, const QList<IndexAdvice>& advice)
{
    showMap(table, advice);
    m_advice->setAdvice(m_tableAdvice);
}

void IndexMapView::showMap(const TableInfo& table, const QList<IndexAdvice>& advice)
{
    m_table = table;
    m_indexes.clear();
    for (const IndexInfo& index : table.indexes)
        if (index.primaryKey)
            m_indexes << index;
    for (const IndexInfo& index : table.indexes)
        if (!index.primaryKey)
            m_indexes << index;
    m_tableAdvice.clear();
    for (const IndexAdvice& a : advice)
        if (a.schema == table.schema && a.table == table.name)
            m_tableAdvice << a;
    const qsizetype count = m_indexes.size();
    const qsizetype advised = m_tableAdvice.size();
    m_title->setText(tr("Indexes of %1 — %2, %3")
                         .arg(table.qualifiedName(), count == 1 ? tr("1 index") : tr("%1 indexes").arg(count),
                              advised == 0   ? tr("no advice")
                              : advised == 1 ? tr("1 piece of advice")
                                             : tr("%1 pieces of advice").arg(advised)));
    m_map->showIndexes(table, m_indexes, m_tableAdvice);
    QStringList footer;
    if (m_indexes.isEmpty())
        footer << tr("%1 has no index: every lookup reads the whole table.").arg(table.qualifiedName());
    for (const IndexInfo& index : m_indexes)
        if (!index.predicate.isEmpty())
            footer << tr("Partial: %1 covers only the rows WHERE %2").arg(index.name, index.predicate);
    if (std::any_of(m_indexes.begin(), m_indexes.end(), [](const IndexInfo& i) { return i.sizeEstimated; }))
        footer << tr("Sizes marked ≈ are the catalog's estimate as of the last VACUUM or ANALYZE; they are "
                     "measured once the table's size is read.");
    m_footer->setText(footer.join(QLatin1Char('\n')));
    m_footer->setVisible(!footer.isEmpty());
}

void IndexMapView::clear()
{
    m_table = {};
    m_indexes.clear();
    m_tableAdvice.clear();
    m_title->setText(tr("Indexes"));
    m_usage->clear();
    m_usage->hide();
    m_map->clear();
    m_map->setRowCount(0);
    m_map->setColumnCount(0);
    m_footer->clear();
    m_footer->hide();
    m_advice->setAdvice({});
}

NewStepDialog* IndexMapView::proposeStep(int row)
{
    const QList<IndexAdvice>& shown = m_advice->advice();
    if (row < 0 || row >= shown.size() || shown.at(row).ownerStep.isEmpty())
        return nullptr;
    const IndexAdvice& advice = shown.at(row);
    QString definition;
    QString schema = m_table.schema;
    for (const IndexInfo& index : m_table.indexes)
        if (index.name == advice.index) {
            definition = index.definition;
            schema = index.schema;
        }
    auto set = m_setFolder.isEmpty()
                   ? Result<MigrationSet>(Error::badInput(
                         tr("No migration set is known for this database, so there is no folder to write the "
                            "step into. Nothing was written."),
                         tr("Name the migration set in File > Connect…, then write the step.")))
                   : MigrationSetLoader::load(m_setFolder);
    const QString why =
        advice.otherIndex.isEmpty()
            ? IndexAdvice::kindTitle(advice.kind).toLower()
            : tr("%1 of %2").arg(IndexAdvice::kindTitle(advice.kind).toLower(), advice.otherIndex);
    auto step = set ? NewMigrationStep::dropIndex(*set, m_dialect, schema, advice.index, definition, why,
                                                  QDateTime::currentDateTimeUtc())
                    : Result<NewMigrationStep>(set.error());
    if (!step) {
        auto* box = new QMessageBox(QMessageBox::Information, tr("No migration step written"),
                                    step.error().what, QMessageBox::Ok, this);
        box->setObjectName(QStringLiteral("noStepWritten"));
        box->setInformativeText(step.error().next);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        return nullptr;
    }
    auto* dialog = new NewStepDialog(*step, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &NewStepDialog::stepWritten, this, &IndexMapView::stepWritten);
    return dialog;
}

QStringList IndexMapView::indexNames() const
{
    QStringList names;
    for (const IndexInfo& index : m_indexes)
        names << index.name;
    return names;
}

QStringList IndexMapView::rowLabels() const
{
    return m_map->rowLabels();
}

QString IndexMapView::cell(const QString& row, const QString& index) const
{
    return m_map->cell(row, index);
}

QStringList IndexMapView::badges(const QString& index) const
{
    return m_map->badges(index);
}

QString IndexMapView::detail(const QString& index) const
{
    return m_map->detail(index);
}

QString IndexMapView::titleText() const
{
    return m_title->text();
}

QString IndexMapView::footerText() const
{
    return m_footer->text();
}

QString IndexMapView::usageText() const
{
    return m_usage->isHidden() ? QString() : m_usage->text();
}

} // namespace strata
