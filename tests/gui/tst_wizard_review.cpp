#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTimer>
#include <QtTest>

#include "Contrast.h"
#include "MigrationHarness.h"
#include "ScratchDatabases.h"
#include "Screenshots.h"
#include "SetBuilder.h"
#include "common/ErrorBanner.h"
#include "demo/RiskStateDemo.h"
#include "jobs/RunSession.h"
#include "mainwindow/MainActions.h"
#include "mainwindow/MainWindow.h"
#include "migrations/PlanPreviewDialog.h"
#include "review/FindingItems.h"
#include "theme/Theme.h"
#include "wizard/BlockerPanel.h"
#include "wizard/BlockerTree.h"
#include "wizard/MigrationWizard.h"
#include "wizard/PlanPage.h"
#include "wizard/PreflightPage.h"

using namespace strata;
using namespace strata::test;

namespace {

/// v1 of the test set: a book of orders with rows, as a trading platform has.
const QByteArray kOrders =
    "CREATE TABLE orders (id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL, qty INTEGER);\n"
    "INSERT INTO orders (id, account_id, qty)\n"
    "  SELECT g, g % 17, g * 3 FROM generate_series(1, 300) AS g;\n";
const QByteArray kSqliteOrders =
    "CREATE TABLE orders (id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL, qty INTEGER);\n"
    "WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < 300)\n"
    "INSERT INTO orders (id, account_id, qty) SELECT n, n % 17, n * 3 FROM g;\n";

bool waitUntil(const std::function<bool()>& done, int timeoutMs = 60000)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QTest::qWait(10);
    }
    return true;
}

bool ended(RunPage* page)
{
    return page->state() == RunPage::State::Passed || page->state() == RunPage::State::Failed;
}

/// A wizard on `url` and the set in `folder`, with its backups in a folder of its own.
struct WizardRun
{
    QTemporaryDir backups;
    std::unique_ptr<MigrationWizard> wizard;

    WizardRun(const QString& url, const QString& folder)
    {
        PhasedRun::Settings settings;
        settings.backupFolder = backups.path();
        settings.commandPrefix = QStringLiteral("strata-cli --db '%1'").arg(url);
        wizard = std::make_unique<MigrationWizard>(*ConnectionUrl::parse(url), folder, settings);
        wizard->show();
    }
    ~WizardRun()
    {
        if (wizard->session().isBusy())
            waitUntil([&] { return !wizard->session().isBusy(); });
        wizard->reject();
        waitUntil([&] { return !wizard->session().isBusy(); });
    }

    /// Through pre-flight and backup to the plan page, whose review has come back.
    bool toThePlan()
    {
        for (int id : {MigrationWizard::Preflight, MigrationWizard::Backup}) {
            auto* page = qobject_cast<RunPage*>(wizard->page(id));
            if (!waitUntil([&] { return ended(page); }) || !page->isComplete()) {
                qWarning("page %d did not pass: %s", id,
                         qPrintable(page->findChild<ErrorBanner*>(QStringLiteral("banner"))->text()));
                return false;
            }
            wizard->button(QWizard::CommitButton)->click();
        }
        return wizard->currentId() == MigrationWizard::Plan &&
               waitUntil([&] { return !wizard->planPage()->isReviewing(); });
    }

    QString banner() const
    {
        return wizard->currentPage()->findChild<ErrorBanner*>(QStringLiteral("banner"))->text();
    }
};

/// The finding rows under a step's row, as the operator reads them.
QStringList findingRows(PlanPage& page, const QString& slot)
{
    QStringList rows;
    QTreeWidgetItem* step = page.stepItem(slot);
    for (int i = 0; step && i < step->childCount(); ++i)
        if (step->child(i)->data(0, FindingItems::RuleRole).isValid())
            rows << step->child(i)->data(0, FindingItems::RuleRole).toString() + QStringLiteral(" | ") +
                        step->child(i)->text(0);
    return rows;
}

bool migrateToV1(const QString& url, SetBuilder& set, const QByteArray& v1)
{
    set.file(QStringLiteral("001_v1/01_orders.sql"), v1);
    auto db = MigrationHarness::open(url);
    auto loaded = MigrationHarness::load(set.path());
    if (!db || !loaded)
        return false;
    auto migrated = MigrationHarness::migrate(**db, *loaded);
    if (!migrated)
        qWarning("%s", qPrintable(migrated.error().toText()));
    return migrated.ok();
}

} // namespace

class TestWizardReview : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName(QStringLiteral("StrataTest"));
        QApplication::setApplicationName(QStringLiteral("StrataWizardReviewTest"));
    }

    void anIndexBuiltWithoutConcurrentlyBlocksApplyOnPostgres()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        SetBuilder set;
        QVERIFY(migrateToV1(scratch.url(), set, kOrders));
        set.file(QStringLiteral("002_v2/01_indexes.sql"),
                 "SET lock_timeout = '5s';\nCREATE INDEX orders_by_account ON orders (account_id);\n");
        set.file(QStringLiteral("002_v2/02_rename.sql"),
                 "SET lock_timeout = '5s';\n"
                 "-- strata:allow pg-rename-column the risk daemon reads qty by position, not by name\n"
                 "ALTER TABLE orders RENAME COLUMN qty TO quantity;\n");

        WizardRun run(scratch.url(), set.path());
        QVERIFY(run.toThePlan());
        PlanPage& page = *run.wizard->planPage();

        const QStringList index = findingRows(page, QStringLiteral("2.1"));
        QVERIFY2(index.size() == 1, qPrintable(index.join(QLatin1Char('\n'))));
        QVERIFY2(index.first().startsWith(QStringLiteral("pg-index-not-concurrent | BLOCK")),
                 qPrintable(index.first()));
        QVERIFY2(index.first().contains(QStringLiteral("orders: 300 rows")), qPrintable(index.first()));
        QCOMPARE(page.stepItem(QStringLiteral("2.1"))->text(1), QStringLiteral("BLOCK 1"));
        const QStringList rename = findingRows(page, QStringLiteral("2.2"));
        QVERIFY2(rename.size() == 1 &&
                     rename.first().startsWith(QStringLiteral("pg-rename-column | ALLOWED")) &&
                     rename.first().contains(QStringLiteral("reads qty by position")),
                 qPrintable(rename.join(QLatin1Char('\n'))));

        // The safe rewrite is in the step's details.
        page.findChild<QTreeWidget*>(QStringLiteral("steps"))
            ->setCurrentItem(page.stepItem(QStringLiteral("2.1")));
        const QString details = page.findChild<QTextBrowser*>(QStringLiteral("findings"))->toPlainText();
        QVERIFY2(details.contains(QStringLiteral("CREATE INDEX CONCURRENTLY orders_by_account")),
                 qPrintable(details));

        // Apply stays off, and the page says why and how to go on.
        QVERIFY(!page.isComplete());
        QVERIFY(!run.wizard->button(QWizard::CommitButton)->isEnabled());
        const QString said = run.banner();
        QVERIFY2(said.contains(QStringLiteral("The review blocks the migration")) &&
                     said.contains(QStringLiteral("pg-index-not-concurrent")) &&
                     said.contains(QStringLiteral("strata:allow")),
                 qPrintable(said));
        QVERIFY(keepScreenshots(*run.wizard, QStringLiteral("review-plan"), asOpened(*run.wizard)));
    }

    void migrationsPlanShowsTheReviewToo()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        SetBuilder set;
        QVERIFY(migrateToV1(scratch.url(), set, kOrders));
        set.file(QStringLiteral("002_v2/01_indexes.sql"),
                 "SET lock_timeout = '5s';\nCREATE INDEX orders_by_account ON orders (account_id);\n");
        MainWindow window;
        window.show();
        ConnectionTarget target;
        target.url = scratch.url();
        target.migrations = set.path();
        QSignalSpy shown(&window, &MainWindow::statusShown);
        window.open(target);
        QVERIFY(shown.wait(20000) && shown.first().at(0).toBool());
        window.actions()->plan->trigger();
        auto* plan = window.findChild<PlanPreviewDialog*>();
        QVERIFY(plan && plan->isVisible());
        QSignalSpy reviewed(plan, &PlanPreviewDialog::reviewed);
        QVERIFY(reviewed.wait(20000));
        QVERIFY(reviewed.first().at(0).toBool());
        QCOMPARE(plan->reviewVerdict(QStringLiteral("2.1")), QStringLiteral("BLOCK 1"));
        QVERIFY(plan->review() && plan->review()->blocked());
        const QString status = plan->findChild<QLabel*>(QStringLiteral("reviewStatus"))->text();
        QVERIFY2(status.contains(QStringLiteral("The review blocks the migration")) &&
                     status.contains(QStringLiteral("pg-index-not-concurrent")),
                 qPrintable(status));
        QVERIFY(plan->selectStep(QStringLiteral("2.1")));
        const QString details = plan->findChild<QTextBrowser*>(QStringLiteral("findings"))->toPlainText();
        QVERIFY2(details.contains(QStringLiteral("orders: 300 rows")) &&
                     details.contains(QStringLiteral("CREATE INDEX CONCURRENTLY orders_by_account")),
                 qPrintable(details));
        QVERIFY(keepScreenshots(*plan, QStringLiteral("review-plan-dialog"), PlanPreviewDialog::windowSize));
        plan->close();
    }

    void aBlockFindingAllowedInItsFileLetsApplyOn()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        SetBuilder set;
        QVERIFY(migrateToV1(scratch.url(), set, kOrders));
        set.file(QStringLiteral("002_v2/01_indexes.sql"),
                 "SET lock_timeout = '5s';\n"
                 "-- strata:allow pg-index-not-concurrent built in the nightly window, no order is placed\n"
                 "CREATE INDEX orders_by_account ON orders (account_id);\n");
        WizardRun run(scratch.url(), set.path());
        QVERIFY(run.toThePlan());
        PlanPage& page = *run.wizard->planPage();
        const QStringList rows = findingRows(page, QStringLiteral("2.1"));
        QVERIFY2(rows.size() == 1 &&
                     rows.first().startsWith(QStringLiteral("pg-index-not-concurrent | ALLOWED")) &&
                     rows.first().contains(QStringLiteral("nightly window")),
                 qPrintable(rows.join(QLatin1Char('\n'))));
        QVERIFY(page.isComplete());
        QVERIFY(run.wizard->button(QWizard::CommitButton)->isEnabled());
    }

    void aNotNullColumnWithoutDefaultBlocksApplyOnSqlite()
    {
        ScratchSqlite scratch;
        SetBuilder set;
        QVERIFY(migrateToV1(scratch.url(), set, kSqliteOrders));
        set.file(QStringLiteral("002_v2/01_limits.sql"),
                 "ALTER TABLE orders ADD COLUMN limit_usd INTEGER NOT NULL;\n");
        WizardRun run(scratch.url(), set.path());
        QVERIFY(run.toThePlan());
        PlanPage& page = *run.wizard->planPage();
        const QStringList rows = findingRows(page, QStringLiteral("2.1"));
        QVERIFY2(rows.size() >= 1 &&
                     rows.first().startsWith(QStringLiteral("sqlite-add-column-not-null | BLOCK")),
                 qPrintable(rows.join(QLatin1Char('\n'))));
        QVERIFY2(rows.first().contains(QStringLiteral("orders: 300 rows")), qPrintable(rows.first()));
        QVERIFY(!page.isComplete());
        QVERIFY(!run.wizard->button(QWizard::CommitButton)->isEnabled());
        QVERIFY2(run.banner().contains(QStringLiteral("sqlite-add-column-not-null")),
                 qPrintable(run.banner()));
    }

    void theRehearsalTimesEachStepOnACopy()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("state.db"));
        QVERIFY(RiskStateDemo::create(path, 200000).ok());
        WizardRun run(QStringLiteral("sqlite:") + path, RiskStateDemo::bundledSet());
        QVERIFY(run.toThePlan());
        PlanPage& page = *run.wizard->planPage();
        QVERIFY(page.isComplete());
        auto* rehearse = page.findChild<QCheckBox*>(QStringLiteral("rehearse"));
        QVERIFY(rehearse && rehearse->isEnabled());
        rehearse->click();
        QVERIFY(page.isRehearsing());
        QVERIFY(!page.isComplete()); // no Apply while the copy is busy
        QVERIFY(waitUntil([&] { return !page.isRehearsing(); }));
        QVERIFY2(page.isComplete(), qPrintable(run.banner()));

        const auto& report = run.wizard->session().report().rehearsal;
        QVERIFY(report && report->succeeded);
        QCOMPARE(report->up.size(), run.wizard->session().plan()->steps.size());
        for (const auto& step : report->up) {
            QTreeWidgetItem* item = page.stepItem(step.slot);
            QVERIFY(item);
            QVERIFY(step.ran && step.succeeded);
            QCOMPARE(item->text(2), RehearsedStep::duration(std::max(step.transactionMs, step.durationMs)));
            QString shown;
            for (int i = 0; i < item->childCount(); ++i)
                if (item->child(i)->text(0).startsWith(QStringLiteral("ON THE COPY")))
                    shown = item->child(i)->text(0);
            QCOMPARE(shown, QStringLiteral("ON THE COPY  ") + step.summary());
        }
        QTreeWidgetItem* indexes = page.stepItem(QStringLiteral("2.2"));
        QVERIFY2(indexes->child(0)->text(0).contains(QStringLiteral("holds the write lock")) &&
                     indexes->child(0)->text(0).contains(QStringLiteral("measured on a copy of")),
                 qPrintable(indexes->child(0)->text(0)));
        auto* steps = page.findChild<QTreeWidget*>(QStringLiteral("steps"));
        steps->setCurrentItem(indexes);
        // View > Theme switched after the rehearsal: its rows take the dark theme's green, readable on the
        // list (they kept the dark green chosen for white before).
        for (const Theme::Choice choice : {Theme::Choice::Dark, Theme::Choice::Light}) {
            Theme::instance().choose(choice);
            QTest::qWait(50);
            const QColor ground = steps->palette().color(QPalette::Base);
            for (const auto& step : report->up) {
                QTreeWidgetItem* row = page.stepItem(step.slot)->child(0);
                const double ratio = contrast(row->foreground(0).color(), ground);
                QVERIFY2(
                    ratio >= readableContrast,
                    qPrintable(QStringLiteral("%1: %2 on %3: %4")
                                   .arg(Theme::isDark() ? QStringLiteral("dark") : QStringLiteral("light"))
                                   .arg(row->foreground(0).color().name(), ground.name())
                                   .arg(ratio)));
            }
        }
        QVERIFY(keepScreenshots(*run.wizard, QStringLiteral("rehearsal-plan"), asOpened(*run.wizard)));
    }

    void thePostgresRehearsalShowsTheLocksEachStepHeld()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        const QString set = QStringLiteral(STRATA_SOURCE_DIR "/tests/support/risk_state_postgresql");
        {
            // The platform's v1 tables with 200,000 rows of enforcement history (fill.sql), not tracked yet.
            auto db = MigrationHarness::open(scratch.url());
            QVERIFY(db.ok());
            QFile tables(set + QStringLiteral("/001_baseline/01_tables.sql"));
            QFile fill(set + QStringLiteral("/fill.sql"));
            QVERIFY(tables.open(QIODevice::ReadOnly) && fill.open(QIODevice::ReadOnly));
            QVERIFY((*db)->runScript({tables.fileName(), tables.readAll(), 1}, false).ok());
            QVERIFY((*db)
                        ->runScript({fill.fileName(), fill.readAll().replace(":rows", "200000"), 1}, false)
                        .ok());
        }
        WizardRun run(scratch.url(), set);
        QVERIFY(run.toThePlan());
        PlanPage& page = *run.wizard->planPage();
        page.findChild<QCheckBox*>(QStringLiteral("rehearse"))->click();
        QVERIFY(page.isRehearsing());
        QVERIFY(waitUntil([&] { return !page.isRehearsing(); }, 120000));
        const auto& report = run.wizard->session().report().rehearsal;
        QVERIFY2(report && report->succeeded, qPrintable(run.banner()));
        QTreeWidgetItem* indexes = page.stepItem(QStringLiteral("2.2"));
        QVERIFY(indexes);
        QString shown;
        for (int i = 0; i < indexes->childCount(); ++i)
            if (indexes->child(i)->text(0).startsWith(QStringLiteral("ON THE COPY")))
                shown = indexes->child(i)->text(0);
        QVERIFY2(shown.contains(QStringLiteral("locks enforcement_log (SHARE")) &&
                     shown.contains(QStringLiteral("measured on a copy of")),
                 qPrintable(shown));
        page.findChild<QTreeWidget*>(QStringLiteral("steps"))->setCurrentItem(indexes);
        QVERIFY(
            keepScreenshots(*run.wizard, QStringLiteral("rehearsal-plan-postgresql"), asOpened(*run.wizard)));
    }

    void thePreflightTreeNamesTheSessionHoldingALock()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        SetBuilder set;
        QVERIFY(migrateToV1(scratch.url(), set, kOrders));
        set.file(QStringLiteral("002_v2/01_note.sql"), "ALTER TABLE orders ADD COLUMN note text;\n");

        // A report of the platform reads the book in a transaction it leaves open.
        auto holder = MigrationHarness::open(scratch.url());
        QVERIFY(holder.ok());
        QVERIFY((*holder)->execute(QStringLiteral("SET application_name = 'risk-report'")).ok());
        auto pidRows = (*holder)->query(QStringLiteral("SELECT pg_backend_pid()"));
        QVERIFY(pidRows.ok() && !pidRows->isEmpty());
        const int pid = pidRows->value(0, 0).toInt();
        QVERIFY((*holder)->execute(QStringLiteral("BEGIN")).ok());
        QVERIFY((*holder)->execute(QStringLiteral("SELECT count(*) FROM orders")).ok());
        // The archiver's LOCK TABLE queues behind it, then holds the table for two seconds once it has it.
        QProcess archiver;
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PGAPPNAME"), QStringLiteral("nightly-archiver"));
        archiver.setProcessEnvironment(env);
        archiver.start(QStringLiteral("psql"),
                       {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"),
                        QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-c"), QStringLiteral("BEGIN"),
                        QStringLiteral("-c"), QStringLiteral("LOCK TABLE orders IN ACCESS EXCLUSIVE MODE"),
                        QStringLiteral("-c"), QStringLiteral("SELECT pg_sleep(2)"), QStringLiteral("-c"),
                        QStringLiteral("COMMIT"), scratch.url()});
        QVERIFY(archiver.waitForStarted());
        int archiverPid = 0;
        auto observer = MigrationHarness::open(scratch.url()); // the holder's transaction sees one snapshot
        QVERIFY(observer.ok());
        QVERIFY(waitUntil(
            [&] {
                auto rows = (*observer)->query(
                    QStringLiteral("SELECT pid FROM pg_stat_activity WHERE application_name = "
                                   "'nightly-archiver' AND wait_event_type = 'Lock'"));
                archiverPid = rows && !rows->isEmpty() ? rows->value(0, 0).toInt() : 0;
                return archiverPid != 0;
            },
            10000));
        QTest::qWait(1200); // the report has been idle for a while, as it would be

        WizardRun run(scratch.url(), set.path());
        auto* preflight = run.wizard->preflightPage();
        QVERIFY(waitUntil([&] { return ended(preflight); }));
        QVERIFY(!preflight->isComplete()); // it holds up the first step: the run does not start
        BlockerPanel* panel = preflight->blockerPanel();
        QVERIFY(panel->isVisible());
        BlockerTree* tree = panel->tree();
        QVERIFY2(tree->shownPids().contains(pid), qPrintable(QString::number(pid)));
        QTreeWidgetItem* row = nullptr;
        for (QTreeWidgetItemIterator it(tree); *it; ++it)
            if ((*it)->data(BlockerTree::PidColumn, BlockerTree::PidRole).toInt() == pid)
                row = *it;
        QVERIFY(row);
        QCOMPARE(row->text(BlockerTree::PidColumn), QStringLiteral("pid %1").arg(pid));
        QCOMPARE(row->text(BlockerTree::ApplicationColumn), QStringLiteral("risk-report"));
        QVERIFY2(row->text(BlockerTree::StateColumn).startsWith(QStringLiteral("idle in transaction")),
                 qPrintable(row->text(BlockerTree::StateColumn)));
        QVERIFY2(row->text(BlockerTree::WhyColumn).startsWith(QStringLiteral("BLOCKS THE PLAN")) &&
                     row->text(BlockerTree::WhyColumn).contains(QStringLiteral("orders")),
                 qPrintable(row->text(BlockerTree::WhyColumn)));
        QVERIFY2(row->text(BlockerTree::QueryColumn).contains(QStringLiteral("SELECT count(*) FROM orders")),
                 qPrintable(row->text(BlockerTree::QueryColumn)));
        // The archiver it blocks is listed under it.
        QCOMPARE(row->childCount(), 1);
        QCOMPARE(row->child(0)->data(BlockerTree::PidColumn, BlockerTree::PidRole).toInt(), archiverPid);
        QCOMPARE(row->child(0)->text(BlockerTree::ApplicationColumn), QStringLiteral("nightly-archiver"));
        QVERIFY2(run.banner().contains(QString::number(pid)), qPrintable(run.banner()));
        QVERIFY(keepScreenshots(*run.wizard, QStringLiteral("preflight-blockers"), asOpened(*run.wizard)));

        // Refresh reads the sessions again on a connection of its own: both are still there.
        QSignalSpy jobs(panel, &BlockerPanel::jobEnded);
        panel->findChild<QPushButton*>(QStringLiteral("refresh"))->click();
        QVERIFY(jobs.wait(20000));
        QVERIFY(jobs.takeFirst().at(0).toBool());
        QCOMPARE(tree->shownPids(), (QList<int>{pid, archiverPid}));

        // Terminate asks first, naming the session; Cancel leaves it alone.
        QVERIFY(tree->selectPid(pid));
        QString asked;
        auto answer = [&](QMessageBox::StandardButton button) {
            QTimer::singleShot(100, [&asked, button] {
                auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
                if (!box)
                    return;
                asked = box->text();
                box->button(button)->click();
            });
        };
        answer(QMessageBox::Cancel);
        panel->findChild<QPushButton*>(QStringLiteral("terminate"))->click();
        QVERIFY2(asked.contains(QStringLiteral("pid %1").arg(pid)) &&
                     asked.contains(QStringLiteral("risk-report")) &&
                     asked.contains(QStringLiteral("SELECT count(*) FROM orders")),
                 qPrintable(asked));
        QVERIFY((*holder)->query(QStringLiteral("SELECT 1")).ok());

        // Yes ends it: its transaction goes, and the archiver gets the table.
        answer(QMessageBox::Yes);
        panel->findChild<QPushButton*>(QStringLiteral("terminate"))->click();
        QVERIFY(waitUntil([&] { return !panel->isBusy() && !tree->shownPids().contains(pid); }, 20000));
        QVERIFY(!(*holder)->query(QStringLiteral("SELECT 1")).ok());

        // Wait for them to finish: the archiver commits after its two seconds and nothing is listed.
        QSignalSpy cleared(panel, &BlockerPanel::cleared);
        if (!tree->shownPids().isEmpty()) {
            QVERIFY(tree->shownPids().contains(archiverPid));
            panel->findChild<QPushButton*>(QStringLiteral("wait"))->click();
            QVERIFY(cleared.wait(20000));
            QVERIFY2(panel->findChild<QLabel*>(QStringLiteral("status"))
                         ->text()
                         .startsWith(QStringLiteral("They finished")),
                     qPrintable(panel->findChild<QLabel*>(QStringLiteral("status"))->text()));
        }
        QVERIFY(tree->shownPids().isEmpty());
        QVERIFY(archiver.state() == QProcess::NotRunning || archiver.waitForFinished(10000));
        QCOMPARE(archiver.exitCode(), 0);
        QVERIFY2(run.banner().contains(QStringLiteral("No session is in the way any more")),
                 qPrintable(run.banner()));
    }

    void thePreflightListsTheProcessesHoldingTheSqliteFile()
    {
        ScratchSqlite scratch;
        SetBuilder set;
        QVERIFY(migrateToV1(scratch.url(), set, kSqliteOrders));
        set.file(QStringLiteral("002_v2/01_note.sql"), "ALTER TABLE orders ADD COLUMN note TEXT;\n");
        QProcess shell; // an operator's sqlite3 shell left open on the file
        shell.start(QStringLiteral("sqlite3"), {scratch.path()});
        QVERIFY(shell.waitForStarted());
        shell.write("SELECT count(*) FROM orders;\n");
        QVERIFY(shell.waitForReadyRead(5000));
        const int pid = int(shell.processId());

        WizardRun run(scratch.url(), set.path());
        auto* preflight = run.wizard->preflightPage();
        QVERIFY(waitUntil([&] { return ended(preflight); }));
        QVERIFY(!preflight->isComplete());
        BlockerPanel* panel = preflight->blockerPanel();
        QVERIFY(panel->isVisible());
        QCOMPARE(panel->title(), QStringLiteral("Processes that have the database file open (live)"));
        QCOMPARE(panel->tree()->shownPids(), QList<int>{pid});
        QTreeWidgetItem* row = panel->tree()->topLevelItem(0);
        QCOMPARE(row->text(BlockerTree::PidColumn), QStringLiteral("pid %1").arg(pid));
        QCOMPARE(row->text(BlockerTree::ApplicationColumn), QStringLiteral("sqlite3"));
        // Nothing to cancel or terminate from here: the process's owner stops it.
        QVERIFY(!panel->findChild<QPushButton*>(QStringLiteral("terminate"))->isVisible());
        QVERIFY(!panel->findChild<QPushButton*>(QStringLiteral("cancelQuery"))->isVisible());

        shell.write(".quit\n");
        shell.closeWriteChannel();
        QVERIFY(shell.waitForFinished(5000));
        QSignalSpy cleared(panel, &BlockerPanel::cleared);
        panel->findChild<QPushButton*>(QStringLiteral("refresh"))->click();
        QVERIFY(cleared.wait(20000));
        QVERIFY(panel->tree()->shownPids().isEmpty());
        QVERIFY2(run.banner().contains(QStringLiteral("No session is in the way any more")),
                 qPrintable(run.banner()));
    }

    void aCancelledRehearsalLeavesApplyOffAndTheDatabaseUntouched()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("state.db"));
        QVERIFY(RiskStateDemo::create(path, 200000).ok());
        WizardRun run(QStringLiteral("sqlite:") + path, RiskStateDemo::bundledSet());
        QVERIFY(run.toThePlan());
        PlanPage& page = *run.wizard->planPage();
        page.findChild<QCheckBox*>(QStringLiteral("rehearse"))->click();
        QVERIFY(page.isRehearsing());
        auto* cancel = page.findChild<QPushButton*>(QStringLiteral("cancelRehearsal"));
        QVERIFY(cancel->isVisible() && cancel->isEnabled());
        cancel->click();
        QVERIFY(waitUntil([&] { return !page.isRehearsing(); }));
        QVERIFY(!page.isComplete());
        QVERIFY(!run.wizard->button(QWizard::CommitButton)->isEnabled());
        QVERIFY2(run.banner().contains(QStringLiteral("was cancelled")) &&
                     run.banner().contains(QStringLiteral("live database was not touched")),
                 qPrintable(run.banner()));
        auto db = MigrationHarness::open(QStringLiteral("sqlite:") + path);
        QVERIFY(db.ok());
        for (const QString& status : MigrationHarness::stepStatuses(**db))
            QVERIFY2(!status.startsWith(QStringLiteral("2.")), qPrintable(status));
    }
};

QTEST_MAIN(TestWizardReview)
#include "tst_wizard_review.moc"
