// The desktop app's "Adopt…" on the problem of a database that another tool manages, offscreen on SQLite
// databases migrated as dbmate and Flyway do: the question lists each step that will be recorded with the
// tool's row and every checksum that disagrees with the file; Cancel records nothing; Yes adopts on a worker
// with its own connection, says so in the status bar, and the refreshed timeline has no problem left.

#include <QApplication>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTimer>
#include <QtTest>

#include "MigrationHarness.h"
#include "ScratchDatabases.h"
#include "SetBuilder.h"
#include "mainwindow/MainWindow.h"
#include "migrations/ProblemPanel.h"
#include "migrations/ProblemRow.h"
#include "migrations/TimelinePage.h"
#include "migrations/TimelineTree.h"

using namespace strata;
using namespace strata::test;

namespace {

using Action = ProblemRemedy::Action;

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

QStringList linesIn(const QString& url, const QString& sql)
{
    auto db = MigrationHarness::open(url);
    auto rows = db ? (*db)->query(sql) : Result<QueryRows>(db.error());
    if (!rows)
        return {QStringLiteral("ERROR ") + rows.error().what};
    QStringList lines;
    for (const auto& row : rows->rows) {
        QStringList cells;
        for (const auto& value : row)
            cells << (value.isNull() ? QStringLiteral("<null>") : value.toString());
        lines << cells.join(QLatin1Char('|'));
    }
    return lines;
}

bool run(const QString& url, const QList<QByteArray>& statements)
{
    auto db = MigrationHarness::open(url);
    if (!db)
        return false;
    for (const auto& sql : statements)
        if (!(*db)->execute(QString::fromUtf8(sql)).ok())
            return false;
    return true;
}

} // namespace

class TestTimelineAdopt : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // never the user's settings or data
        QApplication::setOrganizationName(QStringLiteral("StrataTest"));
        QApplication::setApplicationName(QStringLiteral("StrataTest"));
    }

    void adoptingDbmatesHistoryRecordsItAndClearsTheProblem()
    {
        SetBuilder set;
        set.file(QStringLiteral("20240101120000_create_accounts.sql"),
                 "-- migrate:up\nCREATE TABLE accounts (id INTEGER PRIMARY KEY);\n\n-- migrate:down\nDROP "
                 "TABLE "
                 "accounts;\n")
            .file(
                QStringLiteral("20240102093000_create_orders.sql"),
                "-- migrate:up\nCREATE TABLE orders (id INTEGER PRIMARY KEY);\n\n-- migrate:down\nDROP TABLE "
                "orders;\n")
            .file(
                QStringLiteral("20240103170500_create_fills.sql"),
                "-- migrate:up\nCREATE TABLE fills (id INTEGER PRIMARY KEY);\n\n-- migrate:down\nDROP TABLE "
                "fills;\n");
        ScratchSqlite file;
        // dbmate 2.36.0's table on SQLite, and the two files it applied.
        QVERIFY(
            run(file.url(), {"CREATE TABLE IF NOT EXISTS \"schema_migrations\" (version varchar(128) primary "
                             "key)",
                             "CREATE TABLE accounts (id INTEGER PRIMARY KEY)",
                             "INSERT INTO schema_migrations (version) VALUES ('20240101120000')",
                             "CREATE TABLE orders (id INTEGER PRIMARY KEY)",
                             "INSERT INTO schema_migrations (version) VALUES ('20240102093000')"}));
        MainWindow window;
        window.show();
        ConnectionTarget target;
        target.url = file.url();
        target.migrations = set.path();
        window.open(target);
        QVERIFY(waitForStatus(window));

        // Before the adoption the timeline shows what dbmate applied as applied by dbmate, the rest pending.
        QCOMPARE(window.timeline()
                     ->tree()
                     ->stepItem(QStringLiteral("20240101120000.1"))
                     ->text(TimelineTree::State),
                 QStringLiteral("applied by dbmate"));
        QCOMPARE(window.timeline()
                     ->tree()
                     ->stepItem(QStringLiteral("20240102093000.1"))
                     ->text(TimelineTree::State),
                 QStringLiteral("applied by dbmate"));
        QCOMPARE(window.timeline()
                     ->tree()
                     ->stepItem(QStringLiteral("20240103170500.1"))
                     ->text(TimelineTree::State),
                 QStringLiteral("pending"));
        ProblemRow* managed = window.timeline()->problemPanel()->row(Problem::Kind::ManagedByOtherTool, {});
        QVERIFY(managed);
        QPushButton* adopt = managed->button(Action::Adopt);
        QVERIFY(adopt);
        QCOMPARE(adopt->text(), QStringLiteral("Adopt…"));
        QCOMPARE(adopt->objectName(), QStringLiteral("adopt"));

        // Cancel: nothing recorded.
        QString asked;
        answerNextMessageBox(QMessageBox::Cancel, &asked);
        adopt->click();
        QTRY_VERIFY(!asked.isEmpty());
        for (const QString& said :
             {QStringLiteral("Adopt dbmate's history"), QStringLiteral("2 steps"),
              QStringLiteral("dbmate row 20240101120000"), QStringLiteral("dbmate row 20240102093000"),
              QStringLiteral("Still to apply with Migrate: 1 step"), QStringLiteral("No SQL runs")})
            QVERIFY2(asked.contains(said), qPrintable(said + QStringLiteral(" not asked:\n") + asked));
        // The window's own button is the way: the question names no command to type.
        QVERIFY2(!asked.contains(QStringLiteral("strata-cli")), qPrintable(asked));
        for (auto* row : window.timeline()->problemPanel()->findChildren<QWidget*>())
            QVERIFY2(!row->toolTip().contains(QStringLiteral("strata-cli")), qPrintable(row->toolTip()));
        QCOMPARE(linesIn(file.url(), QStringLiteral("SELECT name FROM sqlite_master WHERE name LIKE "
                                                    "'schema_version%'")),
                 QStringList{});

        // Yes: adopted on a worker, said in the status bar, and the timeline refreshed without the problem.
        answerNextMessageBox(QMessageBox::Yes);
        managed = window.timeline()->problemPanel()->row(Problem::Kind::ManagedByOtherTool, {});
        QVERIFY(managed);
        managed->button(Action::Adopt)->click();
        QVERIFY(waitForStatus(window));
        QVERIFY2(window.statusBar()->currentMessage().contains(
                     QStringLiteral("Adopted dbmate's history: 2 steps")),
                 qPrintable(window.statusBar()->currentMessage()));
        QCOMPARE(linesIn(file.url(),
                         QStringLiteral("SELECT version, step, status FROM schema_version_steps ORDER BY "
                                        "version")),
                 (QStringList{QStringLiteral("20240101120000|1|baseline"),
                              QStringLiteral("20240102093000|1|baseline")}));
        QCOMPARE(linesIn(file.url(), QStringLiteral("SELECT tool, history_table FROM schema_version_tools")),
                 QStringList{QStringLiteral("dbmate|schema_migrations")});
        QVERIFY(!window.timeline()->problemPanel()->row(Problem::Kind::ManagedByOtherTool, {}));
        QCOMPARE(window.timeline()
                     ->tree()
                     ->stepItem(QStringLiteral("20240101120000.1"))
                     ->text(TimelineTree::State),
                 QStringLiteral("baseline"));
        QVERIFY(window.timeline()->problems().isEmpty());
    }

    void theQuestionMarksAChecksumThatDisagrees()
    {
        SetBuilder set;
        set.file(QStringLiteral("V1__create_accounts.sql"),
                 "CREATE TABLE accounts (id INTEGER PRIMARY KEY);\n");
        ScratchSqlite file;
        // Flyway 10's table on SQLite and a row whose checksum is not the file's today.
        QVERIFY(run(
            file.url(),
            {"CREATE TABLE \"main\".\"flyway_schema_history\" (\"installed_rank\" INT NOT NULL PRIMARY KEY, "
             "\"version\" VARCHAR(50), \"description\" VARCHAR(200) NOT NULL, \"type\" VARCHAR(20) NOT NULL, "
             "\"script\" VARCHAR(1000) NOT NULL, \"checksum\" INT, \"installed_by\" VARCHAR(100) NOT NULL, "
             "\"installed_on\" TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f','now')), "
             "\"execution_time\" INT NOT NULL, \"success\" BOOLEAN NOT NULL)",
             "CREATE TABLE accounts (id INTEGER PRIMARY KEY)",
             "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, "
             "checksum, installed_by, execution_time, success) VALUES (1, '1', 'create accounts', 'SQL', "
             "'V1__create_accounts.sql', 4242, 'deploy', 3, 1)"}));
        MainWindow window;
        window.show();
        ConnectionTarget target;
        target.url = file.url();
        target.migrations = set.path();
        window.open(target);
        QVERIFY(waitForStatus(window));
        ProblemRow* managed = window.timeline()->problemPanel()->row(Problem::Kind::ManagedByOtherTool, {});
        QVERIFY(managed && managed->button(Action::Adopt));
        QString asked;
        answerNextMessageBox(QMessageBox::Yes, &asked);
        managed->button(Action::Adopt)->click();
        QVERIFY(waitForStatus(window));
        QVERIFY2(asked.contains(QStringLiteral("checksum disagrees: Flyway recorded 4242")) &&
                     asked.contains(QStringLiteral("1 step where Flyway's checksum disagrees")),
                 qPrintable(asked));
        QVERIFY2(
            window.statusBar()->currentMessage().contains(QStringLiteral("1 with a checksum that disagrees")),
            qPrintable(window.statusBar()->currentMessage()));
        QCOMPARE(linesIn(file.url(),
                         QStringLiteral("SELECT tool_checksum, checksum_agrees FROM schema_version_adopted")),
                 QStringList{QStringLiteral("4242|0")});
    }
};

QTEST_MAIN(TestTimelineAdopt)
#include "tst_timeline_adopt.moc"
