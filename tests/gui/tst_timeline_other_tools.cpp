// The desktop app's timeline on a SQLite database that dbmate migrated (its schema_migrations table and
// rows as dbmate writes them): the timeline names the tool and its rows, and the problem says that migrating
// is refused until the history is adopted, and to keep running dbmate until then.

#include <QApplication>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QtTest>

#include "MigrationHarness.h"
#include "ScratchDatabases.h"
#include "SetBuilder.h"
#include "mainwindow/MainWindow.h"
#include "migrations/ProblemPanel.h"
#include "migrations/ProblemRow.h"
#include "migrations/TimelinePage.h"

using namespace strata;
using namespace strata::test;

namespace {

bool waitForStatus(MainWindow& window)
{
    QSignalSpy shown(&window, &MainWindow::statusShown);
    return shown.wait(20000) && shown.first().at(0).toBool();
}

} // namespace

class TestTimelineOtherTools : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // never the user's settings or data
        QApplication::setOrganizationName(QStringLiteral("StrataTest"));
        QApplication::setApplicationName(QStringLiteral("StrataTest"));
    }

    void theTimelineNamesTheToolThatManagesTheDatabase()
    {
        SetBuilder set;
        set.file(QStringLiteral("20240101120000_create_accounts.sql"),
                 "-- migrate:up\nCREATE TABLE accounts (id INTEGER PRIMARY KEY);\n\n-- migrate:down\nDROP "
                 "TABLE "
                 "accounts;\n")
            .file(
                QStringLiteral("20240102093000_create_orders.sql"),
                "-- migrate:up\nCREATE TABLE orders (id INTEGER PRIMARY KEY);\n\n-- migrate:down\nDROP TABLE "
                "orders;\n");
        ScratchSqlite file;
        {
            auto db = MigrationHarness::open(file.url());
            QVERIFY(db);
            // dbmate 2.36.0's table on SQLite, and the two files it applied.
            for (const char* sql : {"CREATE TABLE IF NOT EXISTS \"schema_migrations\" (version varchar(128) "
                                    "primary key)",
                                    "CREATE TABLE accounts (id INTEGER PRIMARY KEY)",
                                    "INSERT INTO schema_migrations (version) VALUES ('20240101120000')",
                                    "CREATE TABLE orders (id INTEGER PRIMARY KEY)",
                                    "INSERT INTO schema_migrations (version) VALUES ('20240102093000')"})
                QVERIFY((*db)->execute(QString::fromLatin1(sql)).ok());
        }
        MainWindow window;
        window.show();
        ConnectionTarget target;
        target.url = file.url();
        target.migrations = set.path();
        window.open(target);
        QVERIFY(waitForStatus(window));

        auto* details = window.timeline()->findChild<QLabel*>(QStringLiteral("details"));
        QVERIFY(details);
        QVERIFY2(details->text().contains(QStringLiteral(
                     "Other tool's history: managed by dbmate: 2 migrations applied (20240101120000, "
                     "20240102093000) [table schema_migrations]")),
                 qPrintable(details->text()));
        ProblemRow* managed = window.timeline()->problemPanel()->row(Problem::Kind::ManagedByOtherTool, {});
        QVERIFY(managed);
        QVERIFY2(managed->text().contains(QStringLiteral("dbmate up")), qPrintable(managed->text()));
        QVERIFY2(managed->text().contains(QStringLiteral("Managed by another tool")),
                 qPrintable(managed->text()));
    }
};

QTEST_MAIN(TestTimelineOtherTools)
#include "tst_timeline_other_tools.moc"
