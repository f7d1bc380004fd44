#include "wizard/BlockerPanel.h"

#include <chrono>

#include <QMessageBox>
#include <QTime>

#include "common/Counted.h"
#include "jobs/BlockerScanJob.h"
#include "jobs/BlockerWaitJob.h"
#include "jobs/JobRunner.h"
#include "jobs/SessionControlJob.h"
#include "theme/Theme.h"
#include "ui_BlockerPanel.h"
#include "wizard/BlockerTree.h"

namespace strata {

namespace {

/// How long "Wait for them to finish" waits before it says they are still there.
constexpr std::chrono::minutes kWaitLimit{10};

} // namespace

BlockerPanel::BlockerPanel(QWidget* parent) : QGroupBox(parent), m_ui(std::make_unique<Ui::BlockerPanel>())
{
    m_ui->setupUi(this);
    m_ui->progress->hide();
    m_ui->status->hide();
    connect(m_ui->refresh, &QPushButton::clicked, this, &BlockerPanel::refresh);
    connect(m_ui->cancelQuery, &QPushButton::clicked, this,
            [this] { cancelQuery(m_ui->tree->selectedPid()); });
    connect(m_ui->terminate, &QPushButton::clicked, this, [this] { terminate(m_ui->tree->selectedPid()); });
    connect(m_ui->wait, &QPushButton::clicked, this, &BlockerPanel::toggleWait);
    connect(m_ui->tree, &QTreeWidget::itemSelectionChanged, this, &BlockerPanel::updateButtons);
    updateButtons();
}

BlockerPanel::~BlockerPanel()
{
    // Closing the wizard never waits on the database: a scan or a wait still running is told to stop and
    // goes once it has.
    if (m_runner && m_runner->isRunning()) {
        JobRunner* running = m_runner.release();
        running->setParent(nullptr);
        running->cancel();
        connect(running, &JobRunner::finished, running, &QObject::deleteLater);
    }
}

BlockerTree* BlockerPanel::tree() const
{
    return m_ui->tree;
}

bool BlockerPanel::isBusy() const
{
    return m_runner && m_runner->isRunning();
}

void BlockerPanel::setDatabase(const ConnectionUrl& url, const QStringList& tables)
{
    m_url = url;
    m_tables = tables;
    const bool sqlite = url.dialect() == Dialect::Sqlite;
    setTitle(sqlite ? tr("Processes that have the database file open (live)")
                    : tr("Sessions that may block the migration (live)"));
    m_ui->cancelQuery->setVisible(!sqlite);
    m_ui->terminate->setVisible(!sqlite);
    if (sqlite)
        m_ui->tree->setHeaderLabels(
            {tr("Process"), tr("Name"), tr("State"), tr("Age"), tr("Why it is listed"), tr("Query")});
    updateButtons();
}

void BlockerPanel::showReport(const BlockerReport& report)
{
    m_report = report;
    m_ui->tree->showReport(report);
    const QString tables =
        report.tables.isEmpty() ? tr("the database") : report.tables.join(QStringLiteral(", "));
    const qsizetype surely = report.planBlockers().size();
    const bool sqlite = m_url.dialect() == Dialect::Sqlite;
    QString text;
    if (report.isEmpty())
        text = tr("Nothing is in the way: %1.").arg(report.summary());
    else if (surely == 0)
        text = tr("%1 may get in the way of the steps on %2; none surely holds them up (the steps' lock "
                  "timeouts protect the platform from these).")
                   .arg(counted(report.sessions.size(), tr("session"), tr("sessions")), tables);
    else if (sqlite)
        text =
            (m_hooks ? tr("%1 the database file open and may take its write lock at any moment: stop them "
                          "(the pre hook can stop the daemon), or wait for them to finish.")
                     : tr("%1 the database file open and may take its write lock at any moment: stop them, "
                          "or wait for them to finish."))
                .arg(surely == 1 ? tr("Another process has") : tr("%1 other processes have").arg(surely));
    else
        text =
            tr("%1 a lock on %2 that the first step must wait for: select it and Cancel query… or Terminate "
               "session…, or wait for it to finish. A session it blocks is listed under it.")
                .arg(surely == 1 ? tr("A session holds") : tr("%1 sessions hold").arg(surely), tables);
    m_ui->summary->setText(text);
    updateButtons();
    if (report.isEmpty())
        Q_EMIT cleared();
}

void BlockerPanel::updateButtons()
{
    const bool busy = isBusy();
    const bool selected = m_ui->tree->selectedPid() != 0;
    m_ui->refresh->setEnabled(!busy);
    m_ui->cancelQuery->setEnabled(!busy && selected);
    m_ui->terminate->setEnabled(!busy && selected);
    m_ui->wait->setEnabled(m_waiting || (!busy && m_report && !m_report->isEmpty()));
    m_ui->wait->setText(m_waiting ? tr("&Stop waiting") : tr("&Wait for them to finish"));
}

void BlockerPanel::showStatus(const QString& text, bool problem)
{
    m_ui->status->setText(text);
    m_ui->status->setVisible(!text.isEmpty());
    m_ui->status->setStyleSheet(
        problem ? QStringLiteral("color: %1;").arg(Theme::readable(QColor(0xb7, 0x1c, 0x1c)).name())
                : QString());
}

void BlockerPanel::start(std::unique_ptr<DatabaseJob> job, std::function<void(bool, const Error&)> done)
{
    if (m_runner) {
        // The old runner may be the one whose finished() is being delivered: it goes once it returns.
        JobRunner* old = m_runner.release();
        old->deleteLater();
    }
    m_runner = std::make_unique<JobRunner>(m_url, std::move(job), this);
    m_ui->progress->setRange(0, 0);
    m_ui->progress->setFormat(m_runner->title());
    m_ui->progress->show();
    connect(m_runner.get(), &JobRunner::progressed, this, [this](qint64 d, qint64 t, const QString& stage) {
        if (t > 0) {
            m_ui->progress->setRange(0, 1000);
            m_ui->progress->setValue(int(std::min<qint64>(1000, d * 1000 / t)));
        }
        m_ui->progress->setFormat(stage);
    });
    connect(m_runner.get(), &JobRunner::finished, this, [this, done](bool ok, const Error& error) {
        m_ui->progress->hide();
        done(ok, error);
        updateButtons();
        Q_EMIT jobEnded(ok);
    });
    m_runner->start();
    updateButtons();
}

void BlockerPanel::refresh()
{
    if (isBusy())
        return;
    auto job = std::make_unique<BlockerScanJob>(m_tables);
    BlockerScanJob* scan = job.get();
    start(std::move(job), [this, scan](bool ok, const Error& error) {
        if (!ok) {
            showStatus(tr("The sessions could not be read: %1").arg(error.what), true);
            return;
        }
        showStatus(tr("Read again at %1.").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss"))));
        showReport(*scan->report());
    });
}

bool BlockerPanel::cancelQuery(int pid)
{
    return control(pid, false);
}

bool BlockerPanel::terminate(int pid)
{
    return control(pid, true);
}

bool BlockerPanel::control(int pid, bool end)
{
    const BlockingSession* session = m_report ? m_report->find(pid) : nullptr;
    if (!session || isBusy())
        return false;
    const QString query = session->query.simplified().isEmpty() ? tr("(none)") : session->query.simplified();
    const QString question =
        end ? tr("End session %1?\n\nIts query: %2\n\nIts transaction is rolled back and its locks are "
                 "released; "
                 "the program that opened it (%3) sees its connection closed and must reconnect.")
                  .arg(session->title(), query.left(400),
                       session->applicationName.isEmpty() ? tr("no application name")
                                                          : session->applicationName)
            : tr("Cancel the running query of session %1?\n\nIts query: %2\n\nOnly the statement stops: a "
                 "session "
                 "idle in a transaction keeps its transaction and its locks (end the session to release "
                 "them).")
                  .arg(session->title(), query.left(400));
    if (QMessageBox::question(
            this, end ? tr("Terminate session %1").arg(pid) : tr("Cancel query of %1").arg(pid), question,
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes) {
        showStatus(tr("Nothing was done to session %1.").arg(pid));
        return false;
    }
    const QString title = session->title();
    start(std::make_unique<SessionControlJob>(pid, end ? SessionControlJob::Action::Terminate
                                                       : SessionControlJob::Action::CancelQuery),
          [this, end, title](bool ok, const Error& error) {
              if (!ok) {
                  showStatus(error.what + QLatin1Char(' ') + error.next, true);
                  return;
              }
              showStatus(end ? tr("Ended %1.").arg(title) : tr("Cancelled the query of %1.").arg(title));
              refresh();
          });
    return true;
}

void BlockerPanel::toggleWait()
{
    if (m_waiting) {
        if (m_runner)
            m_runner->cancel();
        m_ui->wait->setEnabled(false);
        showStatus(tr("Stopping the wait…"));
        return;
    }
    if (isBusy())
        return;
    m_waiting = true;
    auto job = std::make_unique<BlockerWaitJob>(m_tables, kWaitLimit);
    BlockerWaitJob* wait = job.get();
    showStatus(tr("Waiting for the sessions to finish (up to %1 minutes)…").arg(kWaitLimit.count()));
    start(std::move(job), [this, wait](bool ok, const Error& error) {
        m_waiting = false;
        if (!ok) {
            showStatus(tr("The wait stopped: %1").arg(error.what), true);
            return;
        }
        const auto& outcome = *wait->outcome();
        if (outcome.clear)
            showStatus(tr("They finished: no session is in the way any more."));
        else if (outcome.cancelled)
            showStatus(tr("Stopped waiting; %1 still listed.")
                           .arg(counted(outcome.report.sessions.size(), tr("session"), tr("sessions"))));
        else
            showStatus(tr("Still there after %1 minutes: end them or let them finish, then Refresh.")
                           .arg(kWaitLimit.count()),
                       true);
        showReport(outcome.report);
    });
}

} // namespace strata
