// The Sessions tab and a table's Health tab, offscreen, on real engines: the blocking tree names the
// session that holds a row lock with the waiter beneath it; cancel and end ask first, naming the session;
// a role that may not end a session is told why; refreshes follow the operator's interval and stop when
// the tab is hidden; SQLite shows the writer that has the file open and its WAL. The Health tab reads only
// when opened, its figures match the catalog, and VACUUM run from it leaves no free page.

#include <QClipboard>
#include <QMessageBox>
#include <QSignalSpy>
#include <QTabWidget>
#include <QtTest>

#include "Contrast.h"
#include "Screenshots.h"
#include "SessionsTestKit.h"
#include "health/TableHealthReader.h"
#include "health/TableHealthView.h"
#include "schema/SchemaReader.h"
#include "schema/TablePage.h"
#include "sessions/BlockingTreeView.h"
#include "sessions/SessionTable.h"
#include "sessions/SessionsPage.h"

using namespace strata;
using namespace strata::test;

namespace {

/// Answers the next message box with `button` and keeps its text.
void answerNextBox(QMessageBox::StandardButton button, QString* text)
{
    QTimer::singleShot(0, [button, text] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box)
            return;
        if (text)
            *text = box->windowTitle() + QLatin1Char('\n') + box->text();
        box->button(button)->click();
    });
}

ConnectionUrl parsed(const QString& url)
{
    return *ConnectionUrl::parse(url);
}

TableInfo readTable(const QString& url, const QString& schema, const QString& table)
{
    auto db = openUrl(url);
    if (!db)
        return {};
    auto info = SchemaReader(*db).readTable(schema, table);
    return info ? *info : TableInfo{};
}

} // namespace

class TestSessionsPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void postgresBlockingTreeNamesTheHolderWithTheWaiterBeneath()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        auto db = openUrl(scratch.url());
        QVERIFY(db && makeFills(*db, 10));
        RowLockScene scene(scratch.url());
        QVERIFY(scene.waiting(*db));

        SessionsPage page;
        page.setInterval(0);
        QSignalSpy refreshed(&page, &SessionsPage::refreshed);
        page.load(parsed(scratch.url()));
        QTest::qWait(300);
        QVERIFY2(!page.snapshot() && refreshed.isEmpty(), "the sessions were read before the tab was shown");
        page.resize(1024, 700);
        page.show();
        QVERIFY(refreshed.wait(10000));
        QVERIFY2(refreshed.first().first().toBool(), qPrintable(page.errorText()));

        const QStringList lines = page.tree()->lines();
        QVERIFY2(lines.size() >= 2, qPrintable(lines.join(QLatin1Char('\n'))));
        QVERIFY2(
            lines[0].startsWith(QStringLiteral("pid %1 · user strata · fills-writer").arg(scene.holderPid())),
            qPrintable(lines.join(QLatin1Char('\n'))));
        QVERIFY(lines[0].contains(QStringLiteral("holds the lock · 1 session waiting")));
        QVERIFY2(lines[1].startsWith(
                     QStringLiteral("  pid %1 · user strata · risk-daemon").arg(scene.waiterPid())),
                 qPrintable(lines.join(QLatin1Char('\n'))));
        QVERIFY2(lines[1].contains(QStringLiteral("waits for ShareLock on transaction ")),
                 qPrintable(lines[1]));
        const int row = page.table()->rowOf(scene.waiterPid());
        QVERIFY(row >= 0);
        QCOMPARE(page.table()->item(row, SessionTable::BlockedByColumn)->text(),
                 QString::number(scene.holderPid()));
        QCOMPARE(page.table()->item(row, SessionTable::DatabaseColumn)->text(), scratch.name());
        QVERIFY(page.statusText().contains(QStringLiteral("1 waiting for a lock")));
        QVERIFY(keepScreenshots(page, QStringLiteral("sessions-blocking-tree")));
        page.copyTree();
        const QStringList copied = QGuiApplication::clipboard()->text().split(QLatin1Char('\n'));
        QVERIFY2(copied.size() >= 5 && copied[1] == lines[0] && copied[3] == lines[1],
                 qPrintable(copied.join(QLatin1Char('\n'))));
        QCOMPARE(copied[4].trimmed(), QStringLiteral("UPDATE fills SET qty = qty - 1 WHERE id = 1"));
        // The holder's and the waiter's marks are readable in both themes, and on a theme switch.
        const Theme::Choice before = Theme::instance().choice();
        for (auto choice : {Theme::Choice::Light, Theme::Choice::Dark, Theme::Choice::Light}) {
            Theme::instance().choose(choice);
            screenshots::settle();
            const QImage grab = page.tree()->viewport()->grab().toImage();
            const QModelIndex holderMark = page.tree()->model()->index(0, BlockingTreeView::WaitColumn);
            const QModelIndex waiterMark = page.tree()->model()->index(0, BlockingTreeView::WaitColumn,
                                                                       page.tree()->model()->index(0, 0));
            for (const QModelIndex& mark : {holderMark, waiterMark}) {
                const Drawn d = drawn(grab, page.tree()->visualRect(mark));
                QVERIFY2(d.ratio >= readableContrast, qPrintable(d.describe(mark.data().toString())));
            }
        }
        Theme::instance().choose(before);

        // Cancel the waiter's statement: the question names it, its statement and its state.
        page.tree()->selectPid(scene.waiterPid());
        QVERIFY(page.cancelButton()->isEnabled());
        QString question;
        QSignalSpy controlled(&page, &SessionsPage::controlled);
        answerNextBox(QMessageBox::Yes, &question);
        page.cancelButton()->click();
        for (const QString& part : {QStringLiteral("pid %1").arg(scene.waiterPid()),
                                    QStringLiteral("user strata"), QStringLiteral("risk-daemon"),
                                    QStringLiteral("on %1").arg(scratch.name()), QStringLiteral("active for"),
                                    QStringLiteral("It runs: UPDATE fills SET qty = qty - 1 WHERE id = 1"),
                                    QStringLiteral("Only the statement stops")})
            QVERIFY2(question.contains(part), qPrintable(part + QStringLiteral(" not in: ") + question));
        QVERIFY(controlled.wait(10000));
        QVERIFY2(controlled.first().first().toBool(), qPrintable(page.errorText()));
        QVERIFY(scene.waiterDone());
        QVERIFY(scene.waiterError().contains(QStringLiteral("cancel")));
        QVERIFY(page.errorText().contains(
            QStringLiteral("Cancelled the running statement of pid %1").arg(scene.waiterPid())));

        // Leaving it changes nothing; ending the holder releases its lock and the view shows it gone.
        QVERIFY(page.snapshot()->report.find(scene.holderPid()));
        answerNextBox(QMessageBox::Cancel, &question);
        QVERIFY(!page.control(scene.holderPid(), true));
        QVERIFY(question.contains(QStringLiteral("End this session?")));
        QVERIFY(question.contains(QStringLiteral("idle in transaction for")));
        QVERIFY(page.statusText().contains(
            QStringLiteral("Nothing was done to session %1").arg(scene.holderPid())));
        answerNextBox(QMessageBox::Yes, &question);
        controlled.clear();
        QVERIFY(page.control(scene.holderPid(), true));
        QVERIFY(controlled.wait(10000));
        QVERIFY2(controlled.first().first().toBool(), qPrintable(page.errorText()));
        QVERIFY(page.errorText().contains(QStringLiteral("Ended pid %1").arg(scene.holderPid())));
        QElapsedTimer timer;
        timer.start();
        while (page.snapshot()->report.find(scene.holderPid()) && timer.elapsed() < 5000) {
            page.refresh();
            refreshed.clear();
            QVERIFY(refreshed.wait(5000));
        }
        QVERIFY2(!page.snapshot()->report.find(scene.holderPid()), "the ended session is still listed");
        QVERIFY(page.tree()->lines().first().contains(QStringLiteral("No session waits")));
    }

    void postgresEndForbiddenToTheRoleIsExplained()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        auto admin = openUrl(scratch.url());
        QVERIFY(admin && makeFills(*admin, 10));
        PlainRole role(*admin);
        QVERIFY(role.ok());
        {
            RowLockScene scene(scratch.url());
            QVERIFY(scene.waiting(*admin));
            SessionsPage page;
            page.setInterval(0);
            QSignalSpy refreshed(&page, &SessionsPage::refreshed);
            page.load(parsed(urlAs(scratch.url(), role.name())));
            page.show();
            QVERIFY(refreshed.wait(10000));
            QSignalSpy controlled(&page, &SessionsPage::controlled);
            QVERIFY(page.control(scene.holderPid(), true)); // no question: the answer is known to be no
            QVERIFY(controlled.wait(10000));
            QVERIFY(!controlled.first().first().toBool());
            QVERIFY2(page.errorText().contains(
                         QStringLiteral("This role may not end pid %1").arg(scene.holderPid())),
                     qPrintable(page.errorText()));
            QVERIFY(page.statusText().contains(QStringLiteral("was left as it was")));
            QVERIFY(page.snapshot()->report.find(scene.holderPid()));
            page.close();
        }
    }

    void refreshFollowsTheIntervalAndStopsWhenHidden()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        SessionsPage page;
        QCOMPARE(SessionsPage::intervals(), (QList<int>{0, 2000, 5000, 30000}));
        page.setInterval(2000);
        QSignalSpy refreshed(&page, &SessionsPage::refreshed);
        page.load(parsed(scratch.url()));
        page.show();
        QTest::qWait(5000);
        QVERIFY2(refreshed.size() >= 3, qPrintable(QString::number(refreshed.size()))); // at 0, 2 and 4 s
        page.hide();
        QVERIFY(!page.isRefreshing());
        QTest::qWait(300);
        refreshed.clear();
        QTest::qWait(4500);
        QCOMPARE(refreshed.size(), 0);
        page.setInterval(0);
        page.show();
        QVERIFY(refreshed.wait(5000)); // shown: read once
        refreshed.clear();
        QTest::qWait(2500);
        QCOMPARE(refreshed.size(), 0); // off: no more
        QVERIFY(!page.isRefreshing());
    }

    void anUnreachableServerIsSaidInTheBanner()
    {
        SessionsPage page;
        page.setInterval(0);
        QSignalSpy refreshed(&page, &SessionsPage::refreshed);
        page.load(parsed(QStringLiteral("postgresql://strata@127.0.0.1:%1/fills").arg(unusedLocalPort())));
        page.show();
        QVERIFY(refreshed.wait(15000));
        QVERIFY(!refreshed.first().first().toBool());
        QVERIFY2(page.errorText().contains(QStringLiteral("127.0.0.1")), qPrintable(page.errorText()));
        QVERIFY(page.table()->rowCount() == 0 && !page.snapshot());
    }

    void sqliteShowsTheWriterThatHasTheFileOpenAndItsWal()
    {
        ScratchSqlite file;
        SteadyWriter writer(file.path());
        QVERIFY(writer.ready());
        QThread::msleep(200);
        SessionsPage page;
        page.setInterval(0);
        QSignalSpy refreshed(&page, &SessionsPage::refreshed);
        page.load(parsed(file.url()));
        page.resize(1024, 700);
        page.show();
        QVERIFY(refreshed.wait(10000));
        QVERIFY2(refreshed.first().first().toBool(), qPrintable(page.errorText()));
        const int row = page.table()->rowOf(int(writer.pid()));
        QVERIFY2(row >= 0, "the writer is not listed");
        QCOMPARE(page.table()->item(row, 1)->text(), QStringLiteral("steady_writer"));
        QVERIFY2(page.walText().startsWith(QStringLiteral("Journal mode wal · ")),
                 qPrintable(page.walText()));
        QVERIFY(page.walText().contains(QStringLiteral("frames")));
        QVERIFY(page.walText().contains(QStringLiteral("without a checkpoint")));
        QVERIFY(!page.cancelButton()->isVisible());
        QVERIFY(keepScreenshots(page, QStringLiteral("sessions-sqlite-wal")));
    }

    void postgresHealthTabReadsWhenOpenedAndMatchesTheCatalog()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        auto db = openUrl(scratch.url());
        QVERIFY(db && makeFills(*db, 10000));
        // No autovacuum on the table: the 10,000 rows inserted are enough for one (PostgreSQL 13's insert
        // threshold), and a run between the check below and the page's read left 0 dead rows.
        QVERIFY(db->execute(QStringLiteral("ALTER TABLE fills SET (autovacuum_enabled = false)")));
        QVERIFY(db->execute(QStringLiteral("SELECT pg_stat_force_next_flush()")));
        QTest::qWait(1200);
        QVERIFY(db->execute(QStringLiteral("ANALYZE fills")));
        QVERIFY(db->execute(QStringLiteral("DELETE FROM fills WHERE id <= 1000")));
        QVERIFY(db->execute(QStringLiteral("SELECT pg_stat_force_next_flush()")));
        QElapsedTimer timer;
        timer.start();
        qint64 dead = 0;
        while (dead != 1000 && timer.elapsed() < 10000) {
            auto h = TableHealthReader::read(*db, QStringLiteral("public"), QStringLiteral("fills"));
            dead = h ? h->deadTuples : 0;
            QTest::qWait(100);
        }
        QCOMPARE(dead, 1000);

        TablePage page;
        page.setConnection(parsed(scratch.url()));
        page.resize(1024, 700);
        page.show();
        TableHealthView* health = page.healthView();
        QSignalSpy read(health, &TableHealthView::healthRead);
        page.showTable(readTable(scratch.url(), QStringLiteral("public"), QStringLiteral("fills")),
                       Dialect::Postgres);
        QTest::qWait(300);
        QVERIFY2(read.isEmpty() && !health->health(), "the health was read before its tab was opened");
        QCOMPARE(page.tabs()->tabText(TablePage::HealthTab), QStringLiteral("Health"));
        page.tabs()->setCurrentIndex(TablePage::HealthTab);
        QVERIFY(read.wait(10000));
        QVERIFY2(read.first().first().toBool(), qPrintable(health->errorText()));
        QVERIFY2(health->figure(QStringLiteral("Dead rows")).startsWith(QStringLiteral("1,000 (")),
                 qPrintable(health->figure(QStringLiteral("Dead rows"))));
        QVERIFY(health->figure(QStringLiteral("Live rows")).startsWith(QStringLiteral("9,000")));
        QVERIFY(health->figure(QStringLiteral("Last vacuum")) == QStringLiteral("never"));
        QVERIFY(health->figure(QStringLiteral("Last analyze")).contains(QStringLiteral("ago")));
        QVERIFY(health->figure(QStringLiteral("Estimated bloat")).contains(QStringLiteral("of the table")));

        // The exact figure without pgstattuple: the tab says how to install it, the others stand.
        read.clear();
        health->read(true);
        QVERIFY(read.wait(10000));
        QVERIFY(!read.first().first().toBool());
        QVERIFY2(health->errorText().contains(QStringLiteral("CREATE EXTENSION pgstattuple")),
                 qPrintable(health->errorText()));
        QVERIFY(health->figure(QStringLiteral("Dead rows")).startsWith(QStringLiteral("1,000")));
        QVERIFY(db->execute(QStringLiteral("CREATE EXTENSION pgstattuple")));
        read.clear();
        health->read(true);
        QVERIFY(read.wait(10000));
        QVERIFY2(read.first().first().toBool(), qPrintable(health->errorText()));
        QVERIFY(health->figure(QStringLiteral("Exact (pgstattuple)")).contains(QStringLiteral("dead in")));
        QVERIFY(keepScreenshots(page, QStringLiteral("table-health-postgresql")));

        // VACUUM (ANALYZE) from the tab: asked with its cost, run, the figures read again.
        QString question;
        answerNextBox(QMessageBox::Yes, &question);
        QSignalSpy finished(health, &TableHealthView::actionFinished);
        read.clear();
        QVERIFY(health->offer(MaintenanceJob::Action::VacuumAnalyzeTable));
        QVERIFY2(question.contains(QStringLiteral("SHARE UPDATE EXCLUSIVE")), qPrintable(question));
        QVERIFY(finished.wait(30000));
        QVERIFY2(finished.first().first().toBool(), qPrintable(health->errorText()));
        QVERIFY(read.wait(10000));
        QVERIFY(health->figure(QStringLiteral("Last vacuum")).contains(QStringLiteral("ago")));
    }

    void sqliteHealthTabVacuumLeavesNoFreePage()
    {
        ScratchSqlite file;
        {
            auto db = openUrl(file.url());
            QVERIFY(db &&
                    db->execute(QStringLiteral("CREATE TABLE ticks (id INTEGER PRIMARY KEY, payload BLOB)")));
            QVERIFY(db->execute(
                QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                               "WHERE i < 5000) INSERT INTO ticks SELECT i, randomblob(300) FROM n")));
            QVERIFY(db->execute(QStringLiteral("DELETE FROM ticks WHERE id % 3 = 0 OR id > 3000")));
        }
        TablePage page;
        page.setConnection(parsed(file.url()));
        page.resize(1024, 700);
        page.show();
        page.tabs()->setCurrentIndex(TablePage::HealthTab);
        TableHealthView* health = page.healthView();
        QSignalSpy read(health, &TableHealthView::healthRead);
        page.showTable(readTable(file.url(), QStringLiteral("main"), QStringLiteral("ticks")),
                       Dialect::Sqlite);
        QVERIFY(read.wait(10000)); // the tab is open: read at once
        QVERIFY2(read.first().first().toBool(), qPrintable(health->errorText()));
        QVERIFY(!health->figure(QStringLiteral("Free pages")).startsWith(QStringLiteral("0 ")));
        QVERIFY(health->figure(QStringLiteral("Fragmentation")).endsWith(QStringLiteral("%")));
        QVERIFY(keepScreenshots(page, QStringLiteral("table-health-sqlite")));
        // The free pages call for attention here (over a tenth of the file): marked, and readable in both
        // themes.
        int freeRow = -1;
        for (int r = 0; r < health->figures()->rowCount(); ++r)
            if (health->figures()->item(r, 0)->text() == QLatin1String("Free pages"))
                freeRow = r;
        QVERIFY(freeRow >= 0);
        QVERIFY(health->figures()->item(freeRow, 1)->font().bold());
        const Theme::Choice before = Theme::instance().choice();
        for (auto choice : {Theme::Choice::Dark, Theme::Choice::Light}) {
            Theme::instance().choose(choice);
            screenshots::settle();
            const QImage grab = health->figures()->viewport()->grab().toImage();
            const Drawn d =
                drawn(grab, health->figures()->visualItemRect(health->figures()->item(freeRow, 1)));
            QVERIFY2(d.ratio >= readableContrast, qPrintable(d.describe(QStringLiteral("free pages"))));
            QVERIFY2(d.ink != health->figures()->palette().color(QPalette::Text),
                     "the attention mark is drawn in the ordinary text colour");
        }
        Theme::instance().choose(before);

        QString question;
        answerNextBox(QMessageBox::Cancel, &question);
        QVERIFY(!health->offer(MaintenanceJob::Action::Vacuum));
        QVERIFY2(question.contains(QStringLiteral("VACUUM rewrites the whole file")), qPrintable(question));
        QVERIFY(health->outcomeText().contains(QStringLiteral("was not run")));
        QSignalSpy finished(health, &TableHealthView::actionFinished);
        read.clear();
        health->run(MaintenanceJob::Action::Vacuum);
        QVERIFY(finished.wait(30000));
        QVERIFY2(finished.first().first().toBool(), qPrintable(health->errorText()));
        QVERIFY(read.wait(10000));
        QVERIFY2(health->figure(QStringLiteral("Free pages")).startsWith(QStringLiteral("0 (")),
                 qPrintable(health->figure(QStringLiteral("Free pages"))));
        QCOMPARE(health->health()->freelistPages, 0);
    }
};

QTEST_MAIN(TestSessionsPage)
#include "tst_sessions_page.moc"
