#include "sessions/SessionsPage.h"

#include <QClipboard>
#include <QComboBox>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QVBoxLayout>

#include "common/Counted.h"
#include "common/ErrorBanner.h"
#include "jobs/JobRunner.h"
#include "sessions/BlockingTreeView.h"
#include "sessions/SessionTable.h"
#include "sessions/SessionText.h"
#include "sessions/SessionsJob.h"

namespace strata {

namespace {

const QString kIntervalKey = QStringLiteral("sessions/refreshMs");

} // namespace

SessionsPage::SessionsPage(QWidget* parent)
    : QWidget(parent), m_interval(new QComboBox), m_refresh(new QPushButton(tr("Refresh now"))),
      m_copyTree(new QPushButton(tr("Copy tree"))), m_cancelQuery(new QPushButton(tr("Cancel statement…"))),
      m_terminate(new QPushButton(tr("End session…"))), m_status(new QLabel), m_banner(new ErrorBanner),
      m_treeBox(new QGroupBox(tr("Blocking tree"))), m_tableBox(new QGroupBox(tr("Sessions"))),
      m_walBox(new QGroupBox(tr("Write-ahead log"))), m_wal(new QLabel), m_tree(new BlockingTreeView),
      m_table(new SessionTable)
{
    for (int ms : intervals())
        m_interval->addItem(ms == 0 ? tr("Off") : tr("Every %1 s").arg(ms / 1000), ms);
    m_interval->setToolTip(tr("How often the sessions are read again while this tab is shown"));
    m_cancelQuery->setToolTip(tr("Stops the selected session's running statement; its transaction stays"));
    m_terminate->setToolTip(
        tr("Ends the selected session: its transaction is rolled back, its locks released"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_wal->setWordWrap(true);
    m_wal->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Refresh:")));
    bar->addWidget(m_interval);
    bar->addWidget(m_refresh);
    bar->addWidget(m_status, 1);
    bar->addWidget(m_cancelQuery);
    bar->addWidget(m_terminate);

    auto* treeLayout = new QVBoxLayout(m_treeBox);
    treeLayout->addWidget(m_tree);
    m_copyTree->setToolTip(tr("Copies who blocks whom, with each session's statement, as text"));
    auto* treeBar = new QHBoxLayout;
    treeBar->addStretch(1);
    treeBar->addWidget(m_copyTree);
    treeLayout->addLayout(treeBar);
    auto* tableLayout = new QVBoxLayout(m_tableBox);
    tableLayout->addWidget(m_table);
    auto* walLayout = new QVBoxLayout(m_walBox);
    walLayout->addWidget(m_wal);
    auto* split = new QSplitter(Qt::Vertical);
    split->addWidget(m_treeBox);
    split->addWidget(m_tableBox);
    // The tree is short (a few blockers) where the list is long (every session of the server).
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_banner);
    layout->addWidget(m_walBox);
    layout->addWidget(split, 1);
    m_walBox->hide();

    connect(m_interval, &QComboBox::currentIndexChanged, this, [this] {
        QSettings().setValue(kIntervalKey, interval());
        if (interval() > 0 && isVisible())
            m_timer.start(interval());
        else
            m_timer.stop();
    });
    connect(&m_timer, &QTimer::timeout, this, &SessionsPage::refresh);
    connect(m_refresh, &QPushButton::clicked, this, &SessionsPage::refresh);
    connect(m_copyTree, &QPushButton::clicked, this, &SessionsPage::copyTree);
    connect(m_cancelQuery, &QPushButton::clicked, this, [this] { control(selectedPid(), false); });
    connect(m_terminate, &QPushButton::clicked, this, [this] { control(selectedPid(), true); });
    // One selection across both views: a waiter picked in the tree is the row picked in the table.
    connect(m_tree, &QTreeWidget::itemSelectionChanged, this, [this] {
        if (const int pid = m_tree->selectedPid(); pid > 0 && m_table->selectedPid() != pid)
            m_table->selectPid(pid);
        updateButtons();
    });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        if (const int pid = m_table->selectedPid(); pid > 0 && m_tree->selectedPid() != pid)
            m_tree->selectPid(pid);
        updateButtons();
    });
    const int saved = QSettings().value(kIntervalKey, 5000).toInt();
    m_interval->setCurrentIndex(std::max(0, m_interval->findData(saved)));
    clear();
}

SessionsPage::~SessionsPage()
{
    retire();
}

QList<int> SessionsPage::intervals()
{
    return {0, 2000, 5000, 30000};
}

void SessionsPage::setInterval(int milliseconds)
{
    const int index = m_interval->findData(milliseconds);
    if (index >= 0)
        m_interval->setCurrentIndex(index);
}

int SessionsPage::interval() const
{
    return m_interval->currentData().toInt();
}

void SessionsPage::load(const ConnectionUrl& url)
{
    clear();
    m_url = url;
    const bool sqlite = url.dialect() == Dialect::Sqlite;
    m_treeBox->setVisible(!sqlite);
    m_walBox->setVisible(sqlite);
    m_tableBox->setTitle(sqlite ? tr("Processes that have the file open") : tr("Sessions of the server"));
    m_cancelQuery->setVisible(!sqlite);
    m_terminate->setVisible(!sqlite);
    m_status->setText(tr("The sessions are read when this tab is shown."));
    if (isVisible())
        refresh();
}

void SessionsPage::clear()
{
    retire();
    m_timer.stop();
    m_url.reset();
    m_snapshot.reset();
    m_tree->clear();
    m_table->setRowCount(0);
    m_banner->clear();
    m_wal->clear();
    m_status->setText(tr("Open a database to see its sessions."));
    updateButtons();
}

void SessionsPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (!m_url)
        return;
    refresh();
    if (interval() > 0)
        m_timer.start(interval());
}

void SessionsPage::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    m_timer.stop();
    // A read under way is dropped; an action the operator confirmed is left to finish and report.
    if (m_job && m_job->action() == SessionsJob::Action::Read)
        retire();
}

bool SessionsPage::isBusy() const
{
    return m_runner && m_runner->isRunning();
}

void SessionsPage::refresh()
{
    if (!m_url || isBusy())
        return;
    start(std::make_unique<SessionsJob>());
}

bool SessionsPage::control(int pid, bool end)
{
    const BlockingSession* session = m_snapshot ? m_snapshot->report.find(pid) : nullptr;
    if (!session || isBusy() || !m_url || m_url->dialect() != Dialect::Postgres)
        return false;
    // A session this role may not signal is not confirmed first: the attempt comes back at once with why.
    if (session->maySignal) {
        QMessageBox box(QMessageBox::Warning,
                        end ? tr("End session %1").arg(pid) : tr("Cancel statement of %1").arg(pid),
                        SessionText::question(*session, end), QMessageBox::Yes | QMessageBox::Cancel, this);
        box.setDefaultButton(QMessageBox::Cancel);
        box.button(QMessageBox::Yes)->setText(end ? tr("End session") : tr("Cancel statement"));
        box.button(QMessageBox::Cancel)->setText(tr("Leave it"));
        if (box.exec() != QMessageBox::Yes) {
            m_status->setText(tr("Nothing was done to session %1.").arg(pid));
            return false;
        }
    }
    m_actionTarget = SessionText::who(*session);
    start(std::make_unique<SessionsJob>(
        end ? SessionsJob::Action::Terminate : SessionsJob::Action::CancelQuery, pid));
    return true;
}

void SessionsPage::start(std::unique_ptr<SessionsJob> job)
{
    retire();
    m_job = job.get();
    if (job->action() != SessionsJob::Action::Read)
        m_status->setText(job->title() + QStringLiteral("…"));
    else if (!m_snapshot)
        m_status->setText(tr("Reading the sessions…"));
    m_runner = std::make_unique<JobRunner>(*m_url, std::move(job), this);
    connect(m_runner.get(), &JobRunner::finished, this, &SessionsPage::onFinished);
    m_runner->start();
    updateButtons();
}

void SessionsPage::onFinished(bool ok, const Error& error)
{
    SessionsJob* job = m_job;
    const bool action = job && job->action() != SessionsJob::Action::Read;
    if (job && job->snapshot())
        display(*job->snapshot());
    if (action) {
        const QString who = m_actionTarget;
        if (job->actionError() || !ok) {
            m_banner->showError(job->actionError() ? *job->actionError() : error);
            m_status->setText(tr("Session %1 was left as it was.").arg(job->pid()));
        } else {
            m_banner->showNotice(job->action() == SessionsJob::Action::Terminate
                                     ? tr("Ended %1.").arg(who)
                                     : tr("Cancelled the running statement of %1.").arg(who));
        }
    } else if (!ok)
        m_banner->showError(error);
    else if (!m_banner->text().isEmpty() && m_banner->property("fromRead").toBool())
        m_banner->clear();
    m_banner->setProperty("fromRead", !action && !ok);
    updateButtons();
    if (action)
        Q_EMIT controlled(ok && !job->actionError().has_value());
    else
        Q_EMIT refreshed(ok);
}

void SessionsPage::display(const SessionsSnapshot& snapshot)
{
    m_snapshot = snapshot;
    m_tree->display(snapshot);
    m_table->display(snapshot);
    const QString at = snapshot.readAt.toLocalTime().toString(QStringLiteral("HH:mm:ss"));
    if (snapshot.dialect == Dialect::Sqlite) {
        const qint64 holders = snapshot.report.sessions.size();
        m_status->setText(tr("Read at %1 · %2 %3 the file open")
                              .arg(at, counted(holders, tr("process"), tr("processes")),
                                   holders == 1 ? tr("has") : tr("have")));
        showWal(snapshot);
        return;
    }
    const int waiting = snapshot.waitingCount();
    m_status->setText(tr("Read at %1 · %2")
                          .arg(at, counted(snapshot.report.sessions.size(), tr("session"), tr("sessions"))) +
                      (waiting > 0 ? tr(" · %1 waiting for a lock").arg(waiting) : QString()));
}

void SessionsPage::showWal(const SessionsSnapshot& snapshot)
{
    if (snapshot.journalMode != QLatin1String("wal")) {
        m_wal->setText(tr("Journal mode %1: this database keeps no write-ahead log (a rollback journal is "
                          "written during each transaction instead).")
                           .arg(snapshot.journalMode));
        return;
    }
    const SqliteWalState& wal = *snapshot.wal;
    QStringList lines{tr("Journal mode wal · %1").arg(wal.summary())};
    if (wal.indexValid)
        lines << tr("Page size %1 · database %2 pages after the last commit · a checkpoint has tried %3 "
                    "frames. Read from the -shm wal-index (format %4, SQLite 3.7.0 and later) without a "
                    "checkpoint.")
                     .arg(wal.pageSize)
                     .arg(wal.databasePages)
                     .arg(wal.nBackfillAttempted)
                     .arg(wal.indexVersion);
    if (wal.nBackfillAttempted > wal.nBackfill)
        lines << tr("A checkpoint tried to copy %1 frames back and copied %2: a reader of an older snapshot "
                    "holds "
                    "it back until that reader ends.")
                     .arg(wal.nBackfillAttempted)
                     .arg(wal.nBackfill);
    else if (wal.framesToCheckpoint() > 0)
        lines << tr("%1 wait for the next checkpoint (SQLite runs one when the log passes wal_autocheckpoint "
                    "pages, 1,000 by default); readers see them meanwhile.")
                     .arg(counted(wal.framesToCheckpoint(), tr("frame"), tr("frames")));
    m_wal->setText(lines.join(QLatin1Char('\n')));
}

void SessionsPage::updateButtons()
{
    const int pid = selectedPid();
    const BlockingSession* s = m_snapshot && pid > 0 ? m_snapshot->report.find(pid) : nullptr;
    const bool can = s && !isBusy();
    m_cancelQuery->setEnabled(can);
    m_terminate->setEnabled(can);
    m_refresh->setEnabled(m_url.has_value() && !isBusy());
    m_copyTree->setEnabled(m_snapshot.has_value() && !m_snapshot->blockingRoots().isEmpty());
}

void SessionsPage::copyTree()
{
    if (!m_snapshot)
        return;
    QStringList text{tr("Blocking tree of %1, read at %2 UTC")
                         .arg(m_url ? m_url->display() : QString(),
                              m_snapshot->readAt.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")))};
    for (const QString& line : m_tree->lines()) {
        text << line;
        const int pid = line.trimmed().section(QLatin1Char(' '), 1, 1).toInt();
        if (const BlockingSession* s = m_snapshot->report.find(pid); s && !s->query.isEmpty())
            text << QString(line.size() - line.trimmed().size() + 4, QLatin1Char(' ')) +
                        (s->state == QLatin1String("active") ? QString() : tr("last: ")) +
                        s->query.simplified();
    }
    QGuiApplication::clipboard()->setText(text.join(QLatin1Char('\n')) + QLatin1Char('\n'));
    m_status->setText(tr("The blocking tree was copied."));
}

int SessionsPage::selectedPid() const
{
    const int pid = m_table->selectedPid();
    return pid > 0 ? pid : m_tree->selectedPid();
}

void SessionsPage::retire()
{
    if (!m_runner)
        return;
    // A read still at work is cancelled and left to end on its own: the page never waits for it.
    disconnect(m_runner.get(), nullptr, this, nullptr);
    if (m_runner->isRunning()) {
        m_runner->cancel();
        JobRunner* leftover = m_runner.release();
        connect(leftover, &JobRunner::finished, leftover, &QObject::deleteLater);
    }
    m_runner.reset();
    m_job = nullptr;
}

QString SessionsPage::statusText() const
{
    return m_status->text();
}

QString SessionsPage::walText() const
{
    return m_wal->text();
}

QString SessionsPage::errorText() const
{
    return m_banner->text();
}

} // namespace strata
