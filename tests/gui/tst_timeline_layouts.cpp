// The timeline of a Flyway folder: a no-op step says so, and repeatable R__ scripts are listed after the
// versions with why each runs or not (never applied, changed since last applied, unchanged).

#include <QApplication>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QtTest>

#include "MigrationHarness.h"
#include "ScratchDatabases.h"
#include "SetBuilder.h"
#include "mainwindow/MainWindow.h"
#include "migrations/TimelinePage.h"
#include "migrations/TimelineTree.h"

using namespace strata;
using namespace strata::test;

namespace {

bool waitForStatus(MainWindow& window)
{
    QSignalSpy shown(&window, &MainWindow::statusShown);
    return shown.wait(20000) && shown.first().at(0).toBool();
}

} // namespace

class TestTimelineLayouts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // never the user's settings or data
        QApplication::setOrganizationName(QStringLiteral("StrataTest"));
        QApplication::setApplicationName(QStringLiteral("StrataTest"));
    }

    void noOpStepsAndRepeatablesAreShown()
    {
        SetBuilder set;
        ScratchSqlite file;
        set.file(QStringLiteral("V1__books.sql"), "CREATE TABLE books (id INTEGER, desk TEXT);\n")
            .file(QStringLiteral("V2__placeholder.sql"), "-- kept for the numbering\n")
            .file(QStringLiteral("R__book_views.sql"),
                  "CREATE VIEW IF NOT EXISTS book_ids AS SELECT id FROM books;\n")
            .file(QStringLiteral("R__desk_views.sql"),
                  "CREATE VIEW IF NOT EXISTS desk_ids AS SELECT desk FROM books;\n");
        {
            auto db = MigrationHarness::open(file.url());
            QVERIFY(db);
            auto loaded = MigrationHarness::load(set.path());
            QVERIFY2(loaded, loaded ? "" : qPrintable(loaded.error().toText()));
            auto migrated = MigrationHarness::migrate(**db, *loaded);
            QVERIFY2(migrated, migrated ? "" : qPrintable(migrated.error().toText()));
        }
        set.file(QStringLiteral("R__desk_views.sql"),
                 "DROP VIEW IF EXISTS desk_ids;\nCREATE VIEW desk_ids AS SELECT DISTINCT desk FROM books;\n");

        MainWindow window;
        window.show();
        ConnectionTarget target;
        target.url = file.url();
        target.migrations = set.path();
        window.open(target);
        QVERIFY(waitForStatus(window));
        TimelineTree* tree = window.timeline()->tree();

        QTreeWidgetItem* nothing = tree->stepItem(QStringLiteral("2.1"));
        QVERIFY(nothing);
        QCOMPARE(nothing->text(TimelineTree::State), QStringLiteral("applied · no-op"));

        QTreeWidgetItem* books = tree->stepItem(QStringLiteral("R__book_views.sql"));
        QTreeWidgetItem* desks = tree->stepItem(QStringLiteral("R__desk_views.sql"));
        QVERIFY(books && desks);
        QCOMPARE(books->text(TimelineTree::State), QStringLiteral("unchanged since last applied"));
        QCOMPARE(desks->text(TimelineTree::State), QStringLiteral("pending: changed since last applied"));
        QCOMPARE(books->text(TimelineTree::Step), QStringLiteral("repeatable  book views"));
        QVERIFY(!books->text(TimelineTree::Checksum).isEmpty());
        // After every version, in the order they run.
        QCOMPARE(tree->indexOfTopLevelItem(books->parent()), tree->topLevelItemCount() - 1);
        QCOMPARE(books->parent()->indexOfChild(books), 0);
    }
};

QTEST_MAIN(TestTimelineLayouts)
#include "tst_timeline_layouts.moc"
