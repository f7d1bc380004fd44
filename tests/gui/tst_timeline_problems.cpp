#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTimer>
#include <QtTest>

#include "CliProcess.h"
#include "MigrationHarness.h"
#include "ScratchDatabases.h"
#include "SetBuilder.h"
#include "common/SqlHighlighter.h"
#include "mainwindow/MainActions.h"
#include "mainwindow/MainWindow.h"
#include "migrations/ChangedScriptDialog.h"
#include "migrations/HistoryStore.h"
#include "migrations/MigrationActions.h"
#include "migrations/PlanPreviewDialog.h"
#include "migrations/ProblemPanel.h"
#include "migrations/ProblemRow.h"
#include "migrations/TimelinePage.h"
#include "migrations/TimelineTree.h"

using namespace strata;
using namespace strata::test;
using Action = ProblemRemedy::Action;

namespace {

const QByteArray kTables =
    "-- strata:phase core\n"
    "CREATE TABLE positions (id INTEGER PRIMARY KEY, symbol TEXT NOT NULL, qty INTEGER);\n"
    "CREATE TABLE fills (id INTEGER PRIMARY KEY, note TEXT DEFAULT '-- none');\n";
const QByteArray kManifest =
    "name: desk\ndialects: [sqlite]\nphases:\n  - name: core\n    description: tables\n"
    "  - name: indexes\n    description: lookups\n  - name: optional\n"
    "    description: extra history\noptions:\n  keep_fills:\n"
    "    description: keep every fill\n    default: false\n";

/// Clicks `button` in the next message box and keeps its text in `asked` (the box is modal: queue it first).
void answerNextMessageBox(QMessageBox::StandardButton button, QString* asked = nullptr)
{
    QTimer::singleShot(0, [button, asked] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box)
            return answerNextMessageBox(button, asked);
        if (asked)
            *asked = box->text();
        box->button(button)->click();
    });
}

bool waitForStatus(MainWindow& window)
{
    QSignalSpy shown(&window, &MainWindow::statusShown);
    return shown.wait(20000) && shown.first().at(0).toBool();
}

QString sha256(const QByteArray& bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

/// One row of the database file, read on a connection of the test's own.
QString valueIn(const QString& url, const QString& sql)
{
    auto db = MigrationHarness::open(url);
    auto rows = db ? (*db)->query(sql) : Result<QueryRows>(db.error());
    return rows ? rows->value(0, 0).toString() : QStringLiteral("ERROR ") + rows.error().what;
}

/// A SQLite database at v1 of a set with a pending v2 (core, indexes, and an optional step).
struct Desk
{
    SetBuilder set;
    ScratchSqlite file;
    ConnectionTarget target;

    Desk()
    {
        set.file(QStringLiteral("strata.yaml"), kManifest)
            .file(QStringLiteral("001_base/01_tables.sql"), kTables);
        auto db = MigrationHarness::open(file.url());
        QVERIFY(MigrationHarness::migrate(**db, *MigrationHarness::load(set.path())).ok());
        set.file(QStringLiteral("002_orders/01_orders.sql"),
                 "-- strata:phase core\n-- strata:no-transaction\nCREATE TABLE orders (id INTEGER PRIMARY "
                 "KEY);\n")
            .file(QStringLiteral("002_orders/02_lookup.sql"),
                  "-- strata:phase indexes\nCREATE INDEX idx_fills_note ON fills(note);\n")
            .file(QStringLiteral("002_orders/03_fill_log.sql"),
                  "-- strata:phase optional\n-- strata:option keep_fills\nCREATE TABLE fill_log (id "
                  "INTEGER);\n");
        target.url = file.url();
        target.migrations = set.path();
    }
    QString checksumOf11() const
    {
        return valueIn(file.url(),
                       QStringLiteral("SELECT checksum FROM schema_version_steps WHERE version = 1"));
    }
};

} // namespace

class TestTimelineProblems : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // never the user's settings or data
        QApplication::setOrganizationName(QStringLiteral("StrataTest"));
        QApplication::setApplicationName(QStringLiteral("StrataTest"));
    }

    void anAppliedStepKeepsItsText()
    {
        Desk desk;
        QCOMPARE(
            valueIn(desk.file.url(), QStringLiteral("SELECT body FROM schema_version_scripts WHERE checksum "
                                                    "= '%1'")
                                         .arg(sha256(kTables))),
            QString::fromUtf8(kTables));
        QCOMPARE(desk.checksumOf11(), sha256(kTables));
    }

    void aCommentOnlyChangeIsShownOnTopDiffedAndAcceptedByClicking()
    {
        Desk desk;
        QByteArray edited = kTables;
        edited.replace("CREATE TABLE fills", "-- Fills, one row per execution.\nCREATE TABLE fills");
        edited.replace("symbol TEXT NOT NULL,", "symbol TEXT NOT NULL,  ");
        desk.set.file(QStringLiteral("001_base/01_tables.sql"), edited);
        MainWindow window;
        window.show();
        window.open(desk.target);
        QVERIFY(waitForStatus(window));

        // On top of the timeline, with its buttons.
        ProblemPanel* panel = window.timeline()->problemPanel();
        ProblemRow* row = panel->row(Problem::Kind::ChangedFile, QStringLiteral("1.1"));
        QVERIFY(row);
        QVERIFY(panel->isVisible());
        QVERIFY(panel->mapTo(&window, QPoint()).y() <
                window.timeline()->tree()->mapTo(&window, QPoint()).y());
        QCOMPARE(window.timeline()->problems().size(), 1);
        QVERIFY(window.timeline()->problems().first().startsWith(QStringLiteral("Changed file")));
        QCOMPARE(window.timeline()->tree()->stepItem(QStringLiteral("1.1"))->text(TimelineTree::State),
                 QStringLiteral("applied · file changed"));

        row->button(Action::ShowDiff)->click();
        auto* diff = window.findChild<ChangedScriptDialog*>();
        QVERIFY(diff && diff->isVisible());
        QCOMPARE(diff->verdict(), ScriptComparison::Verdict::CommentsOnly);
        QVERIFY(diff->verdictText().startsWith(QStringLiteral("Only comments (and whitespace) changed")));
        QVERIFY(diff->appliedPane().contains(QStringLiteral("symbol TEXT NOT NULL, qty")));
        QVERIFY(!diff->appliedPane().contains(QStringLiteral("one row per execution")));
        QVERIFY(diff->currentPane().contains(QStringLiteral("-- Fills, one row per execution.")));
        QCOMPARE(diff->changedLines(), 2); // the added comment and the line with trailing spaces

        QString asked;
        answerNextMessageBox(QMessageBox::Yes, &asked);
        diff->findChild<QPushButton*>(QStringLiteral("acceptChecksum"))->click();
        QVERIFY(waitForStatus(window));
        QVERIFY2(asked.contains(QStringLiteral("001_base/01_tables.sql")), qPrintable(asked));
        QVERIFY2(asked.contains(QStringLiteral("No SQL runs")), qPrintable(asked));
        QVERIFY2(asked.contains(QStringLiteral("Only comments")), qPrintable(asked));

        // Recorded in the file: the step's checksum is the edited file's, and its text is kept.
        QCOMPARE(desk.checksumOf11(), sha256(edited));
        QCOMPARE(valueIn(desk.file.url(), QStringLiteral("SELECT count(*) FROM schema_version_scripts")),
                 QStringLiteral("2"));
        QVERIFY(window.timeline()->problems().isEmpty());
        QVERIFY(!panel->isVisible());
        QCOMPARE(window.timeline()->tree()->stepItem(QStringLiteral("1.1"))->text(TimelineTree::State),
                 QStringLiteral("applied"));
    }

    void aSqlChangeSaysSoAndCancelRecordsNothing()
    {
        Desk desk;
        QByteArray edited = kTables;
        edited.replace("qty INTEGER", "qty REAL");
        desk.set.file(QStringLiteral("001_base/01_tables.sql"), edited);
        MainWindow window;
        window.show();
        window.open(desk.target);
        QVERIFY(waitForStatus(window));
        ProblemRow* row =
            window.timeline()->problemPanel()->row(Problem::Kind::ChangedFile, QStringLiteral("1.1"));
        QVERIFY(row);
        row->button(Action::ShowDiff)->click();
        auto* diff = window.findChild<ChangedScriptDialog*>();
        QVERIFY(diff);
        QCOMPARE(diff->verdict(), ScriptComparison::Verdict::SqlChanged);
        QVERIFY(diff->verdictText().startsWith(QStringLiteral("The SQL changed")));
        QVERIFY(diff->appliedPane().contains(QStringLiteral("qty INTEGER")));
        QVERIFY(diff->currentPane().contains(QStringLiteral("qty REAL")));
        QCOMPARE(diff->changedLines(), 1);
        diff->reject();

        answerNextMessageBox(QMessageBox::Cancel);
        row->button(Action::AcceptChecksum)->click();
        QTest::qWait(200);
        QVERIFY(!window.migrations()->isBusy());
        QCOMPARE(desk.checksumOf11(), sha256(kTables));
    }

    void aHistoryWithoutKeptTextShowsTheCurrentFile()
    {
        Desk desk;
        {
            auto db =
                MigrationHarness::open(desk.file.url()); // as a history written before Strata kept texts
            QVERIFY((*db)->execute(QStringLiteral("DROP TABLE schema_version_scripts")).ok());
        }
        QByteArray edited = kTables + "-- reviewed\n";
        desk.set.file(QStringLiteral("001_base/01_tables.sql"), edited);
        MainWindow window;
        window.show();
        window.open(desk.target);
        QVERIFY(waitForStatus(window));
        ProblemRow* row =
            window.timeline()->problemPanel()->row(Problem::Kind::ChangedFile, QStringLiteral("1.1"));
        QVERIFY(row);
        row->button(Action::ShowDiff)->click();
        auto* diff = window.findChild<ChangedScriptDialog*>();
        QVERIFY(diff);
        QCOMPARE(diff->verdict(), ScriptComparison::Verdict::AppliedTextNotKept);
        QVERIFY(diff->verdictText().contains(
            QStringLiteral(
                "the text that was applied was not kept (applied before Strata kept scripts); only "
                "the checksum differs"),
            Qt::CaseInsensitive));
        QVERIFY(diff->appliedPane().isEmpty());
        QCOMPARE(diff->currentPane(), QString::fromUtf8(edited));

        // Accepting it keeps the text from now on.
        answerNextMessageBox(QMessageBox::Yes);
        diff->findChild<QPushButton*>(QStringLiteral("acceptChecksum"))->click();
        QVERIFY(waitForStatus(window));
        QCOMPARE(desk.checksumOf11(), sha256(edited));
        QCOMPARE(valueIn(desk.file.url(), QStringLiteral("SELECT body FROM schema_version_scripts")),
                 QString::fromUtf8(edited));
    }

    void aDirtyStepIsMarkedRolledBackByClicking()
    {
        Desk desk;
        {
            // A no-transaction step that started and never finished, as the runner records it.
            auto db = MigrationHarness::open(desk.file.url());
            auto set = MigrationHarness::load(desk.set.path());
            const MigrationStep* orders = nullptr;
            for (const auto& s : set->steps)
                if (s.slot() == QStringLiteral("2.1"))
                    orders = &s;
            QVERIFY(orders && !orders->transactional());
            QVERIFY(HistoryStore(**db).recordStarted(*orders, RunIdentity::current()).ok());
        }
        MainWindow window;
        window.show();
        window.open(desk.target);
        QVERIFY(waitForStatus(window));
        QCOMPARE(window.timeline()->tree()->stepItem(QStringLiteral("2.1"))->text(TimelineTree::State),
                 QStringLiteral("dirty"));
        ProblemRow* row = window.timeline()->problemPanel()->row(Problem::Kind::Dirty, QStringLiteral("2.1"));
        QVERIFY(row);
        QVERIFY(row->button(Action::MarkApplied));
        QString asked;
        answerNextMessageBox(QMessageBox::Yes, &asked);
        row->button(Action::MarkRolledBack)->click();
        QVERIFY(waitForStatus(window));
        QVERIFY2(asked.contains(QStringLiteral("rolled back")) &&
                     asked.contains(QStringLiteral("No SQL runs")),
                 qPrintable(asked));
        QCOMPARE(
            valueIn(desk.file.url(),
                    QStringLiteral("SELECT status FROM schema_version_steps WHERE version = 2 AND step = 1")),
            QStringLiteral("rolled_back"));
        QVERIFY(window.timeline()->problems().isEmpty());
        QCOMPARE(window.timeline()->summary(), QStringLiteral("v1, v2 pending: 3 steps in 3 phases"));
    }

    void problemsFixedInTheFilesSayWhatToDoInsteadOfAButton()
    {
        Desk desk;
        desk.set.file(QStringLiteral("002_orders/01_orders_again.sql"),
                      "CREATE TABLE orders2 (id INTEGER);\n");
        MainWindow window;
        window.show();
        window.open(desk.target);
        QVERIFY(waitForStatus(window));
        ProblemRow* conflict =
            window.timeline()->problemPanel()->row(Problem::Kind::SlotConflict, QStringLiteral("2.1"));
        QVERIFY(conflict);
        QVERIFY(conflict->findChildren<QPushButton*>().isEmpty());
        QVERIFY2(conflict->text().contains(QStringLiteral("rename one")), qPrintable(conflict->text()));

        desk.set.remove(QStringLiteral("002_orders/01_orders_again.sql"))
            .remove(QStringLiteral("001_base/01_tables.sql"));
        window.refresh();
        QVERIFY(waitForStatus(window));
        ProblemRow* missing =
            window.timeline()->problemPanel()->row(Problem::Kind::MissingFile, QStringLiteral("1.1"));
        QVERIFY(missing);
        QVERIFY(missing->findChildren<QPushButton*>().isEmpty());
        QVERIFY2(missing->text().contains(QStringLiteral("Restore 001_base/01_tables.sql")),
                 qPrintable(missing->text()));
    }

    void thePlanPreviewShowsThePendingStepsByPhaseAndTheirSql()
    {
        Desk desk;
        QFile db(desk.file.path());
        QVERIFY(db.open(QIODevice::ReadOnly));
        const QString before = sha256(db.readAll());
        db.close();
        MainWindow window;
        window.show();
        window.open(desk.target);
        QVERIFY(waitForStatus(window));
        QVERIFY(window.actions()->plan->isEnabled());
        window.actions()->plan->trigger();
        auto* plan = window.findChild<PlanPreviewDialog*>();
        QVERIFY(plan && plan->isVisible());
        QCOMPARE(plan->plannedSteps(), (QStringList{"2.1", "2.2"}));
        QCOMPARE(plan->phases(), (QStringList{"core", "indexes", "optional"}));
        QVERIFY(plan->summary().startsWith(QStringLiteral("v1 → v2: 2 steps in 2 phases.")));
        QVERIFY(plan->findChild<SqlHighlighter*>());

        QVERIFY(plan->selectStep(QStringLiteral("2.2")));
        QVERIFY(plan->shownSql().contains(QStringLiteral("CREATE INDEX idx_fills_note ON fills(note);")));
        QVERIFY(!plan->shownSql().contains(QStringLiteral("CREATE TABLE orders")));
        QVERIFY(plan->selectStep(QStringLiteral("2.3")));
        QVERIFY(plan->shownSql().contains(QStringLiteral("not run: option keep_fills is off")));

        QVERIFY(plan->setOptionEnabled(QStringLiteral("keep_fills"), true));
        QCOMPARE(plan->plannedSteps(), (QStringList{"2.1", "2.2", "2.3"}));
        plan->showEverySql(true);
        const QString all = plan->shownSql();
        QVERIFY(all.indexOf(QStringLiteral("CREATE TABLE orders")) <
                all.indexOf(QStringLiteral("CREATE INDEX")));
        QVERIFY(all.indexOf(QStringLiteral("CREATE INDEX")) <
                all.indexOf(QStringLiteral("CREATE TABLE fill_log")));
        QVERIFY(all.contains(QStringLiteral("outside a transaction")));
        plan->close();

        // Read-only: the database file is byte for byte what it was.
        QVERIFY(db.open(QIODevice::ReadOnly));
        QCOMPARE(sha256(db.readAll()), before);
    }

    void anInterruptedRunIsToldAndAcknowledgedByClicking()
    {
        // A run killed inside its step, as strata-cli migrate dies when its deploy job times out.
        SetBuilder set;
        set.file(QStringLiteral("001_book/01_book.sql"),
                 "CREATE TABLE book (n INTEGER NOT NULL);\n"
                 "SELECT count(*) FROM (WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE "
                 "n < 50000000) SELECT n FROM c);\n");
        ScratchSqlite file;
        auto run = CliProcess::start({QStringLiteral("--db"), file.url(), QStringLiteral("--migrations"),
                                      set.path(), QStringLiteral("migrate"), QStringLiteral("--yes"),
                                      QStringLiteral("--no-backup")});
        QVERIFY(run->waitForStarted(30000));
        QString seen;
        QDeadlineTimer deadline(60000);
        while (!seen.contains(QStringLiteral("[1/1]")) && !deadline.hasExpired() &&
               run->state() != QProcess::NotRunning) {
            run->waitForReadyRead(20);
            seen += QString::fromUtf8(run->readAllStandardError());
        }
        QVERIFY2(seen.contains(QStringLiteral("[1/1]")), qPrintable(seen));
        run->kill();
        QVERIFY(run->waitForFinished(30000));
        QCOMPARE(run->exitStatus(), QProcess::CrashExit);
        const QString runId = valueIn(file.url(), QStringLiteral("SELECT run_id FROM schema_version_runs"));
        QVERIFY2(!runId.isEmpty() && !runId.startsWith(QStringLiteral("ERROR")), qPrintable(runId));

        ConnectionTarget target;
        target.url = file.url();
        target.migrations = set.path();
        MainWindow window;
        window.show();
        window.open(target);
        QVERIFY(waitForStatus(window));
        QPushButton* acknowledge = window.timeline()->acknowledgeButton();
        QVERIFY(acknowledge->isVisible());
        QString text;
        for (auto* label : window.timeline()->findChildren<QLabel*>())
            text += label->text() + QLatin1Char('\n');
        QVERIFY2(text.contains(runId) && text.contains(QStringLiteral("was never verified")),
                 qPrintable(text));

        QString asked;
        answerNextMessageBox(QMessageBox::Yes, &asked);
        acknowledge->click();
        QVERIFY(waitForStatus(window));
        QVERIFY2(asked.contains(runId) && asked.contains(QStringLiteral("no SQL of yours runs")),
                 qPrintable(asked));
        QVERIFY(!acknowledge->isVisible());
        QCOMPARE(valueIn(file.url(), QStringLiteral("SELECT outcome FROM schema_version_runs")),
                 QStringLiteral("interrupted"));
        QVERIFY(!valueIn(file.url(), QStringLiteral("SELECT acknowledged_by FROM schema_version_runs"))
                     .isEmpty());
    }
};

QTEST_MAIN(TestTimelineProblems)
#include "tst_timeline_problems.moc"
