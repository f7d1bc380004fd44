// The EXPLAIN panel on real SQLite files and a real PostgreSQL server, offscreen: the plan drawn as a tree
// with its figures, the expensive steps marked and readable in both themes, the index advice beside the full
// scan, a plan of hundreds of steps folded and unfolded, cancel, a refused statement explained, and a scan's
// "Index map of" link opening that table's indexes in the Schema tab of the main window.

#include <QClipboard>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTreeWidget>
#include <QtTest>

#include "../gui/Contrast.h"
#include "../gui/Screenshots.h"
#include "ScratchDatabases.h"
#include "ScratchEngine.h"
#include "common/ErrorBanner.h"
#include "connection/ConnectionTarget.h"
#include "connection/DatabaseOpener.h"
#include "console/ConsolePage.h"
#include "console/QueryTab.h"
#include "console/SqlEditor.h"
#include "explain/ExplainPanel.h"
#include "explain/PlanAdviceBook.h"
#include "explain/PlanText.h"
#include "mainwindow/MainWindow.h"
#include "schema/IndexAdviceList.h"
#include "schema/IndexMapView.h"
#include "schema/SchemaBrowser.h"
#include "schema/TablePage.h"
#include "theme/Theme.h"

using namespace strata;
using namespace strata::test;

namespace {

/// orders (20,000 rows: 'rejected' is one in a thousand) indexed on account, and fills.
bool fillTables(const QString& url)
{
    auto db = DatabaseOpener::open(*ConnectionUrl::parse(url));
    if (!db)
        return false;
    const bool pg = (*db)->dialect() == Dialect::Postgres;
    const QStringList statements{
        QStringLiteral(
            "CREATE TABLE orders (id integer PRIMARY KEY, account text NOT NULL, state text NOT NULL, "
            "qty integer NOT NULL)"),
        QStringLiteral("CREATE INDEX orders_account ON orders (account)"),
        QStringLiteral(
            "CREATE TABLE fills (id integer PRIMARY KEY, order_id integer NOT NULL, px real NOT NULL)"),
        pg ? QStringLiteral("INSERT INTO orders SELECT g, 'acct' || (g % 50), CASE WHEN g % 1000 = 0 THEN "
                            "'rejected' ELSE 'filled' END, g % 300 FROM generate_series(1, 20000) g")
           : QStringLiteral("WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < 20000) "
                            "INSERT INTO orders SELECT n, 'acct' || (n % 50), CASE WHEN n % 1000 = 0 THEN "
                            "'rejected' ELSE 'filled' END, n % 300 FROM g"),
        QStringLiteral("INSERT INTO fills SELECT id, id, qty * 1.5 FROM orders"),
        QStringLiteral("ANALYZE"),
    };
    for (const QString& sql : statements)
        if (Status s = (*db)->execute(sql); !s) {
            qWarning("%s", qPrintable(s.error().toText()));
            return false;
        }
    return true;
}

const QString kJoin =
    QStringLiteral("SELECT o.account, count(*), sum(f.px) FROM orders o JOIN fills f ON f.id = "
                   "o.id WHERE o.state = 'rejected' GROUP BY o.account ORDER BY 3 DESC");

bool explainIn(ExplainPanel& panel, const QString& sql, bool analyze)
{
    QSignalSpy done(&panel, &ExplainPanel::explained);
    panel.explain(sql, analyze);
    return done.wait(30000) && done.first().at(0).toBool();
}

int drawnNodes(QTreeWidget* tree)
{
    int n = 0;
    for (QTreeWidgetItemIterator it(tree); *it; ++it)
        if ((*it)->data(0, Qt::UserRole).toInt() >= 0)
            ++n;
    return n;
}

} // namespace

class TestExplainPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { PlanAdviceBook::forget(); }

    void engines_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgresql") << QStringLiteral("postgresql");
    }

    void drawsThePlanWithAdviceAndLinks_data() { engines_data(); }
    void drawsThePlanWithAdviceAndLinks()
    {
        QFETCH(QString, engine);
        ScratchEngine scratch(engine);
        if (!scratch.ok())
            QFAIL(qPrintable(scratch.error()));
        const QString url = scratch.urlText();
        QVERIFY(fillTables(url));
        ExplainPanel panel(*ConnectionUrl::parse(url));
        panel.resize(1280, 700);
        panel.show();
        QVERIFY2(explainIn(panel, kJoin, true), qPrintable(panel.statusText()));
        const QueryPlan& plan = *panel.plan();
        QTreeWidget* tree = panel.tree();
        QCOMPARE(drawnNodes(tree), int(plan.size()));
        QVERIFY(panel.folds().isEmpty());

        // The full scan of orders (SQLite walks it in the order of orders_account, for the GROUP BY): drawn,
        // linked to the index map, with the advice beside it.
        int scan = -1;
        for (qsizetype i = 0; i < plan.size(); ++i)
            if (plan.nodes.at(i).advice >= 0)
                scan = int(i);
        QVERIFY2(scan >= 0 && plan.nodes.at(scan).table == QLatin1String("orders"),
                 qPrintable(PlanText::tree(plan, panel.advice())));
        QVERIFY(plan.nodes.at(scan).isFullScan());
        QTreeWidgetItem* item = panel.itemOf(scan);
        QVERIFY(item);
        QCOMPARE(item->text(0), plan.nodes.at(scan).title());
        QVERIFY2(panel.advice().size() == 1, qPrintable(PlanText::tree(plan, panel.advice())));
        QCOMPARE(panel.advice().first().columns, QStringList{QStringLiteral("state")});
        QVERIFY2(item->text(ExplainPanel::Advice).contains(QLatin1String("(state)")),
                 qPrintable(item->text(ExplainPanel::Advice)));
        tree->setCurrentItem(item);
        QVERIFY2(panel.detailText().contains(QLatin1String("CREATE INDEX")), qPrintable(panel.detailText()));
        QCOMPARE(PlanAdviceBook::adviceFor(ConnectionUrl::parse(url)->display(), plan.nodes.at(scan).schema,
                                           QStringLiteral("orders"))
                     .size(),
                 1);
        if (engine == QLatin1String("postgresql")) {
            QVERIFY(plan.analyzed && plan.executionMs > 0);
            QVERIFY(!item->text(ExplainPanel::Rows).isEmpty() &&
                    item->text(ExplainPanel::Rows).contains(QLatin1String("actual")));
            QVERIFY(!item->text(ExplainPanel::Buffers).isEmpty());
        } else {
            QVERIFY2(panel.statusText().contains(QLatin1String("SQLite times no step")),
                     qPrintable(panel.statusText()));
        }
        // Expensive steps are marked, and readable in both themes.
        int marked = -1;
        for (qsizetype i = 0; i < plan.size(); ++i)
            if (plan.nodes.at(i).expense != PlanExpense::None && panel.itemOf(int(i)))
                marked = int(i);
        QVERIFY(marked >= 0);
        tree->setCurrentItem(panel.itemOf(plan.roots.first())); // neither row selected: their own colours
        for (const Theme::Choice choice : {Theme::Choice::Light, Theme::Choice::Dark}) {
            Theme::instance().choose(choice);
            screenshots::settle();
            QTreeWidgetItem* expensive = panel.itemOf(marked);
            QVERIFY(expensive->background(0).color().isValid());
            const QRect row = tree->visualItemRect(expensive);
            const QImage image = tree->viewport()
                                     ->grab(QRect(row.topLeft(), QSize(tree->columnWidth(0), row.height())))
                                     .toImage();
            const Drawn d = drawn(image, image.rect());
            QVERIFY2(d.ratio >= readableContrast, qPrintable(d.describe(QStringLiteral("expensive step"))));
            // The advice beside the full scan, on whatever the scan's row is tinted with.
            const QRect adviceRow = tree->visualItemRect(item);
            const QImage advice =
                tree->viewport()
                    ->grab(QRect(tree->header()->sectionViewportPosition(ExplainPanel::Advice),
                                 adviceRow.top(), tree->columnWidth(ExplainPanel::Advice),
                                 adviceRow.height()))
                    .toImage();
            const Drawn a = drawn(advice, advice.rect());
            QVERIFY2(a.ratio >= readableContrast, qPrintable(a.describe(QStringLiteral("advice"))));
        }
        Theme::instance().choose(Theme::Choice::Light);

        // Copy plan: the indented text with the advice, on the clipboard.
        const QString copied = panel.copyPlan();
        QVERIFY(copied.contains(plan.nodes.at(scan).title()));
        QVERIFY(copied.contains(panel.advice().first().sql));
        QCOMPARE(QApplication::clipboard()->text(), copied);

        // The link emits the table it reads.
        QPushButton* link = panel.indexMapButton(QStringLiteral("orders"));
        QVERIFY(link);
        QCOMPARE(link->text(), QStringLiteral("Index map of orders"));
        QSignalSpy requested(&panel, &ExplainPanel::tableRequested);
        QTest::mouseClick(link, Qt::LeftButton);
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.first().at(0).toString(),
                 engine == QLatin1String("sqlite") ? QStringLiteral("main") : QStringLiteral("public"));
        QCOMPARE(requested.first().at(1).toString(), QStringLiteral("orders"));

        // The picture with the plan's first step selected, as it opens, so the marked steps show their
        // colour.
        tree->setCurrentItem(panel.itemOf(plan.roots.first()));
        QVERIFY(keepScreenshots(panel, QStringLiteral("explain-plan-") + engine));
    }

    void foldsAHugePlan_data() { engines_data(); }
    void foldsAHugePlan()
    {
        QFETCH(QString, engine);
        ScratchEngine scratch(engine);
        if (!scratch.ok())
            QFAIL(qPrintable(scratch.error()));
        const QString url = scratch.urlText();
        QVERIFY(fillTables(url));
        QStringList selects;
        for (int i = 0; i < 300; ++i)
            selects << QStringLiteral("SELECT id FROM orders WHERE qty = %1").arg(i);
        ExplainPanel panel(*ConnectionUrl::parse(url));
        panel.resize(1024, 700);
        panel.show();
        QVERIFY2(explainIn(panel, selects.join(QStringLiteral(" UNION ALL ")), false),
                 qPrintable(panel.statusText()));
        const int total = int(panel.plan()->size());
        // Drawing is the GUI thread's part: the folded tree of a plan this size, timed (a figure in the log).
        QElapsedTimer drawing;
        drawing.start();
        panel.showPlan(*panel.plan(), panel.advice());
        qInfo("drawing a plan of %d steps (%d shown) took %lld ms on the GUI thread", total,
              ExplainPanel::kFoldAfter, static_cast<long long>(drawing.elapsed()));
        QVERIFY(total > 300);
        QCOMPARE(drawnNodes(panel.tree()), ExplainPanel::kFoldAfter);
        // Steps beyond the first 200 are folded, wherever the budget ran out (SQLite's compound query folds
        // inside a branch and after it); the folds count every step not drawn.
        QVERIFY(!panel.folds().isEmpty());
        int hidden = 0;
        for (QTreeWidgetItem* fold : panel.folds()) {
            const QString text = fold->text(0);
            QVERIFY2(text.contains(QLatin1String(" more step")) &&
                         text.endsWith(QLatin1String("click to show")),
                     qPrintable(text));
            hidden += text.section(QLatin1Char(' '), 0, 0).toInt();
        }
        QCOMPARE(hidden + ExplainPanel::kFoldAfter, total);
        if (engine == QLatin1String("postgresql")) { // the fold as the operator meets it, at the tree's end
            panel.tree()->scrollToItem(panel.folds().last(), QAbstractItemView::PositionAtCenter);
            QVERIFY(keepScreenshots(panel, QStringLiteral("explain-plan-folded")));
        }
        // A click on a fold shows what it holds (up to another 200 steps), until nothing is folded.
        // Enter on a fold unfolds it too.
        {
            const int before = drawnNodes(panel.tree());
            QTreeWidgetItem* fold = panel.folds().first();
            panel.tree()->setCurrentItem(fold);
            panel.tree()->setFocus();
            QTest::keyClick(panel.tree(), Qt::Key_Return);
            QVERIFY2(drawnNodes(panel.tree()) > before,
                     qPrintable(QString::number(drawnNodes(panel.tree()))));
        }
        for (int clicks = 0; !panel.folds().isEmpty() && clicks < 10; ++clicks) {
            QTreeWidgetItem* fold = panel.folds().first();
            panel.tree()->scrollToItem(fold);
            QTest::mouseClick(panel.tree()->viewport(), Qt::LeftButton, {},
                              panel.tree()->visualItemRect(fold).center());
        }
        QCOMPARE(panel.folds().size(), 0);
        QCOMPARE(drawnNodes(panel.tree()), total);
        for (int i = 0; i < total; ++i)
            QVERIFY(panel.itemOf(i));
    }

    void cancelStopsWithinASecond_data() { engines_data(); }
    void cancelStopsWithinASecond()
    {
        QFETCH(QString, engine);
        ScratchEngine scratch(engine);
        if (!scratch.ok())
            QFAIL(qPrintable(scratch.error()));
        const QString url = scratch.urlText();
        QVERIFY(fillTables(url));
        ExplainPanel panel(*ConnectionUrl::parse(url));
        panel.show();
        QSignalSpy done(&panel, &ExplainPanel::explained);
        panel.explain(engine == QLatin1String("sqlite")
                          ? QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
                                           "SELECT count(*) FROM c")
                          : QStringLiteral("SELECT pg_sleep(60)"),
                      true);
        QTest::qWait(600);
        QVERIFY(panel.isRunning());
        QElapsedTimer clock;
        clock.start();
        panel.cancel();
        QVERIFY(done.wait(5000));
        QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
        qInfo("cancel to end: %lld ms", static_cast<long long>(clock.elapsed()));
        QCOMPARE(done.first().at(0).toBool(), false);
        QVERIFY2(panel.statusText().contains(QLatin1String("cancelled")), qPrintable(panel.statusText()));
        QVERIFY(panel.banner()->isVisible());
    }

    void refusedStatementIsExplained_data() { engines_data(); }
    void refusedStatementIsExplained()
    {
        QFETCH(QString, engine);
        ScratchEngine scratch(engine);
        if (!scratch.ok())
            QFAIL(qPrintable(scratch.error()));
        const QString url = scratch.urlText();
        QVERIFY(fillTables(url));
        ExplainPanel panel(*ConnectionUrl::parse(url));
        panel.show();
        QVERIFY(!explainIn(panel, QStringLiteral("SELECT * FROM no_such_table"), false));
        QVERIFY2(panel.statusText().contains(QLatin1String("no_such_table")), qPrintable(panel.statusText()));
        QVERIFY(panel.banner()->text().contains(QLatin1String("no_such_table")));
        QVERIFY(!explainIn(panel, QStringLiteral("SELECT 1; SELECT 2"), false));
        QVERIFY2(panel.statusText().contains(QLatin1String("2 statements")), qPrintable(panel.statusText()));
        // A good statement after a bad one shows its plan and hides the error.
        QVERIFY(explainIn(panel, QStringLiteral("SELECT count(*) FROM orders"), false));
        QVERIFY(!panel.banner()->isVisible());
        QVERIFY(drawnNodes(panel.tree()) >= 1);
    }

    void planNodeOpensTheIndexMap_data() { engines_data(); }
    void planNodeOpensTheIndexMap()
    {
        QFETCH(QString, engine);
        ScratchEngine scratch(engine);
        if (!scratch.ok())
            QFAIL(qPrintable(scratch.error()));
        const QString url = scratch.urlText();
        QVERIFY(fillTables(url));
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        ConnectionTarget target;
        target.url = url;
        QSignalSpy schemaShown(window.schema(), &SchemaBrowser::schemaShown);
        window.open(target);
        QVERIFY(schemaShown.wait(30000));
        window.pages()->setCurrentWidget(window.console());
        QueryTab* query =
            window.console()->currentTab() ? window.console()->currentTab() : window.console()->newTab();
        QVERIFY(query);
        query->editor()->setPlainText(kJoin);
        query->explainCurrent(false);
        QVERIFY(query->explainPanel());
        QSignalSpy done(query->explainPanel(), &ExplainPanel::explained);
        QVERIFY(done.wait(30000));
        QVERIFY2(done.first().at(0).toBool(), qPrintable(query->explainPanel()->statusText()));
        QPushButton* link = query->explainPanel()->indexMapButton(QStringLiteral("orders"));
        QVERIFY(link);
        TablePage* page = window.schema()->tablePage();
        QSignalSpy measured(page, &TablePage::sizeMeasured);
        QTest::mouseClick(link, Qt::LeftButton);
        QCOMPARE(window.pages()->currentWidget(), window.schema());
        QVERIFY(window.schema()->isShowingTable());
        QCOMPARE(page->titleText(),
                 (engine == QLatin1String("sqlite") ? QStringLiteral("main") : QStringLiteral("public")) +
                     QStringLiteral(".orders"));
        QCOMPARE(page->tabs()->currentIndex(), int(TablePage::IndexesTab));
        QVERIFY(measured.wait(30000));
        // The Schema tab's advice for orders now has the plan's: the index the scan needed.
        const QList<IndexAdvice>& listed = page->indexMap()->adviceList()->advice();
        const auto planned = std::find_if(listed.cbegin(), listed.cend(), [](const IndexAdvice& a) {
            return a.kind == IndexAdvice::Kind::MissingForQuery;
        });
        QVERIFY2(planned != listed.cend(), qPrintable(QString::number(listed.size())));
        QCOMPARE(planned->columns, QStringList{QStringLiteral("state")});
        QVERIFY(planned->sql.contains(QLatin1String("orders_state_idx")));
        if (engine == QLatin1String("postgresql"))
            QVERIFY(keepScreenshots(window, QStringLiteral("explain-advice-in-index-map")));
    }
};

QTEST_MAIN(TestExplainPanel)
#include "tst_explain_panel.moc"
