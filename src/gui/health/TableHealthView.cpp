#include "health/TableHealthView.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include "common/ErrorBanner.h"
#include "health/HealthFigures.h"
#include "health/HealthJob.h"
#include "jobs/JobRunner.h"
#include "theme/Theme.h"

namespace strata {

namespace {

constexpr int kAttentionRole = Qt::UserRole;

QPushButton* button(const QString& text, const QString& tip)
{
    auto* b = new QPushButton(text);
    b->setToolTip(tip);
    return b;
}

} // namespace

TableHealthView::TableHealthView(QWidget* parent)
    : QWidget(parent), m_title(new QLabel), m_figures(new QTableWidget),
      m_refresh(button(tr("Read again"), tr("Reads the figures again"))),
      m_exact(button(tr("Exact bloat…"), tr("pgstattuple reads every page of the table for the exact dead "
                                            "space"))),
      m_optimize(button(tr("PRAGMA optimize…"), tr("Analyzes the tables whose statistics look stale"))),
      m_analyze(button(tr("ANALYZE…"), tr("Gathers the planner's statistics of every table and index"))),
      m_vacuum(button(tr("VACUUM…"), tr("Rewrites the file without its free pages, in key order"))),
      m_vacuumTable(button(tr("VACUUM (ANALYZE)…"), tr("Frees the table's dead rows for reuse and "
                                                       "refreshes its statistics"))),
      m_cancel(new QPushButton(tr("Cancel"))), m_busy(new QProgressBar), m_outcome(new QLabel),
      m_banner(new ErrorBanner)
{
    m_title->setWordWrap(true);
    m_figures->setColumnCount(3);
    m_figures->setHorizontalHeaderLabels({tr("Figure"), tr("Value"), tr("What it means")});
    m_figures->verticalHeader()->hide();
    m_figures->verticalHeader()->setDefaultSectionSize(m_figures->fontMetrics().height() + 8);
    m_figures->horizontalHeader()->setStretchLastSection(true);
    m_figures->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_figures->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_figures->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_figures->setShowGrid(false);
    m_figures->setWordWrap(false);
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(160);
    m_busy->hide();
    m_cancel->hide();
    m_outcome->setWordWrap(true);
    m_outcome->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* actions = new QHBoxLayout;
    for (QPushButton* b : {m_refresh, m_exact, m_vacuumTable, m_optimize, m_analyze, m_vacuum})
        actions->addWidget(b);
    actions->addStretch(1);
    actions->addWidget(m_busy);
    actions->addWidget(m_cancel);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_banner);
    layout->addWidget(m_figures, 1);
    layout->addLayout(actions);
    layout->addWidget(m_outcome);

    using Action = MaintenanceJob::Action;
    connect(m_refresh, &QPushButton::clicked, this, [this] { read(); });
    connect(m_exact, &QPushButton::clicked, this, [this] {
        if (QMessageBox::question(
                this, tr("Exact bloat of %1").arg(m_table),
                tr("pgstattuple reads every page of %1 (%2 here) under an ACCESS SHARE lock, "
                   "which only DDL waits for. Read it now?")
                    .arg(m_table, m_health ? QLocale().formattedDataSize(m_health->tableBytes)
                                           : tr("size unknown"))) == QMessageBox::Yes)
            read(true);
    });
    connect(m_optimize, &QPushButton::clicked, this, [this] { offer(Action::Optimize); });
    connect(m_analyze, &QPushButton::clicked, this, [this] { offer(Action::Analyze); });
    connect(m_vacuum, &QPushButton::clicked, this, [this] { offer(Action::Vacuum); });
    connect(m_vacuumTable, &QPushButton::clicked, this, [this] { offer(Action::VacuumAnalyzeTable); });
    connect(m_cancel, &QPushButton::clicked, this, &TableHealthView::cancel);
    connect(&Theme::instance(), &Theme::changed, this, &TableHealthView::restyle);
    clear();
}

TableHealthView::~TableHealthView()
{
    retire();
}

void TableHealthView::showTable(const std::optional<ConnectionUrl>& url, const QString& schema,
                                const QString& table, Dialect dialect)
{
    retire();
    m_url = url;
    m_schema = schema;
    m_table = table;
    m_dialect = dialect;
    m_health.reset();
    m_figures->setRowCount(0);
    m_banner->clear();
    m_outcome->clear();
    const bool sqlite = dialect == Dialect::Sqlite;
    for (QPushButton* b : {m_optimize, m_analyze, m_vacuum})
        b->setVisible(sqlite);
    m_exact->setVisible(!sqlite);
    m_vacuumTable->setVisible(!sqlite);
    m_title->setText(sqlite ? tr("Health of %1 and of its database file").arg(table)
                            : tr("Health of %1.%2").arg(schema, table));
    m_stale = true;
    setBusy(false);
    if (isVisible())
        read();
}

void TableHealthView::clear()
{
    retire();
    m_url.reset();
    m_table.clear();
    m_health.reset();
    m_figures->setRowCount(0);
    m_banner->clear();
    m_outcome->clear();
    m_title->setText(tr("The health of a table is read when this tab is opened."));
    setBusy(false);
}

void TableHealthView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_stale && !isBusy())
        read();
}

void TableHealthView::read(bool exact)
{
    if (!m_url || m_table.isEmpty() || isBusy())
        return;
    m_stale = false;
    startJob(std::make_unique<HealthJob>(m_schema, m_table, exact), false);
    setBusy(true, exact ? tr("pgstattuple is reading every page of %1…").arg(m_table)
                        : tr("Reading the health of %1…").arg(m_table));
}

bool TableHealthView::offer(MaintenanceJob::Action action)
{
    if (!m_url || m_table.isEmpty() || isBusy())
        return false;
    const qint64 size = m_health ? (m_dialect == Dialect::Sqlite ? m_health->pageCount * m_health->pageSize
                                                                 : m_health->tableBytes)
                                 : 0;
    MaintenanceJob probe(action, m_schema, m_table);
    QMessageBox box(
        QMessageBox::Question, probe.title(),
        tr("Run %1 on %2?\n\n%3")
            .arg(probe.statement(m_dialect), m_url->display(), MaintenanceJob::cost(action, m_dialect, size)),
        QMessageBox::Yes | QMessageBox::Cancel, this);
    box.setDefaultButton(QMessageBox::Cancel);
    box.button(QMessageBox::Yes)->setText(tr("Run %1").arg(probe.title()));
    if (box.exec() != QMessageBox::Yes) {
        m_outcome->setText(tr("%1 was not run.").arg(probe.title()));
        return false;
    }
    run(action);
    return true;
}

void TableHealthView::run(MaintenanceJob::Action action)
{
    if (!m_url || m_table.isEmpty() || isBusy())
        return;
    auto job = std::make_unique<MaintenanceJob>(action, m_schema, m_table);
    job->watchProgressVia(*m_url);
    const QString text =
        m_dialect == Dialect::Postgres
            ? tr("Running %1… (Cancel stops it)").arg(job->title())
            : tr("Running %1… (SQLite cannot report how far it is; Cancel stops it)").arg(job->title());
    startJob(std::move(job), true);
    setBusy(true, text);
}

void TableHealthView::cancel()
{
    if (!isBusy())
        return;
    m_runner->cancel();
    m_cancel->setEnabled(false);
    m_outcome->setText(tr("Cancelling…"));
}

bool TableHealthView::isBusy() const
{
    return m_runner && m_runner->isRunning();
}

void TableHealthView::startJob(std::unique_ptr<DatabaseJob> job, bool action)
{
    retire();
    m_job = job.get();
    m_jobIsAction = action;
    m_runner = std::make_unique<JobRunner>(*m_url, std::move(job), this);
    connect(m_runner.get(), &JobRunner::progressed, this,
            [this](qint64 done, qint64 total, const QString& stage) {
                m_outcome->setText(stage + QStringLiteral("…"));
                // A count the engine reports is drawn; otherwise the bar only says that it runs.
                m_busy->setRange(0, total > 0 ? 1000 : 0);
                if (total > 0)
                    m_busy->setValue(int(1000 * std::min(done, total) / total));
            });
    connect(m_runner.get(), &JobRunner::finished, this, &TableHealthView::onFinished);
    m_runner->start();
}

void TableHealthView::onFinished(bool ok, const Error& error)
{
    setBusy(false);
    if (m_jobIsAction) {
        auto* job = static_cast<MaintenanceJob*>(m_job);
        if (ok) {
            m_banner->clear();
            m_outcome->setText(tr("%1 finished in %2 s. The figures below are read again.")
                                   .arg(job->title())
                                   .arg(job->elapsedMs() / 1000.0, 0, 'f', 1));
        } else {
            m_banner->showError(error);
            m_outcome->setText(tr("%1 did not finish.").arg(job->title()));
        }
        Q_EMIT actionFinished(ok);
        // Read after the runner that reports this has returned: it is replaced by the read's.
        QTimer::singleShot(0, this, [this] { read(); });
        return;
    }
    auto* job = static_cast<HealthJob*>(m_job);
    if (!ok || !job->health()) {
        m_banner->showError(error);
        m_outcome->setText(job->exact() ? tr("The exact figures were not read; the others stand.")
                                        : tr("The health of %1 was not read.").arg(m_table));
        Q_EMIT healthRead(false);
        return;
    }
    const bool exact = job->exact();
    m_health = *job->health();
    m_banner->clear();
    fill();
    m_outcome->setText(
        exact ? tr("pgstattuple read every page of %1.").arg(m_table)
              : tr("Read at %1.").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss"))));
    Q_EMIT healthRead(true);
}

void TableHealthView::fill()
{
    const QList<HealthFigure> rows = HealthFigures::of(*m_health, QDateTime::currentDateTimeUtc());
    m_figures->setRowCount(int(rows.size()));
    for (int r = 0; r < rows.size(); ++r) {
        const HealthFigure& f = rows[r];
        const QStringList cells{f.name, f.value, f.note};
        for (int c = 0; c < 3; ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            item->setToolTip(cells[c]);
            item->setData(kAttentionRole, f.attention);
            m_figures->setItem(r, c, item);
        }
    }
    restyle(); // before measuring: a figure marked for attention is drawn bold, and wider
    m_figures->resizeColumnsToContents();
    m_figures->setColumnWidth(0, std::min(m_figures->columnWidth(0) + 16, 260));
    m_figures->setColumnWidth(1, std::min(m_figures->columnWidth(1) + 16, 420));
}

void TableHealthView::restyle()
{
    const QColor attention = Theme::readable(QColor(0xb0, 0x30, 0x20));
    for (int r = 0; r < m_figures->rowCount(); ++r)
        for (int c = 0; c < 3; ++c)
            if (QTableWidgetItem* item = m_figures->item(r, c)) {
                const bool warn = item->data(kAttentionRole).toBool();
                item->setData(Qt::ForegroundRole, warn && c < 2 ? QVariant(attention) : QVariant());
                QFont font = item->font();
                font.setBold(warn && c == 1);
                item->setFont(font);
            }
}

void TableHealthView::setBusy(bool busy, const QString& text)
{
    m_busy->setRange(0, 0);
    m_busy->setVisible(busy);
    m_cancel->setVisible(busy);
    m_cancel->setEnabled(busy);
    const bool can = !busy && m_url.has_value() && !m_table.isEmpty();
    for (QPushButton* b : {m_refresh, m_exact, m_optimize, m_analyze, m_vacuum, m_vacuumTable})
        b->setEnabled(can);
    if (busy)
        m_outcome->setText(text);
}

void TableHealthView::retire()
{
    if (!m_runner)
        return;
    disconnect(m_runner.get(), nullptr, this, nullptr);
    if (m_runner->isRunning()) {
        m_runner->cancel();
        JobRunner* leftover = m_runner.release();
        connect(leftover, &JobRunner::finished, leftover, &QObject::deleteLater);
    }
    m_runner.reset();
    m_job = nullptr;
}

QString TableHealthView::figure(const QString& name) const
{
    for (int r = 0; r < m_figures->rowCount(); ++r)
        if (m_figures->item(r, 0) && m_figures->item(r, 0)->text() == name)
            return m_figures->item(r, 1)->text();
    return {};
}

QString TableHealthView::outcomeText() const
{
    return m_outcome->text();
}

QString TableHealthView::errorText() const
{
    return m_banner->text();
}

} // namespace strata
