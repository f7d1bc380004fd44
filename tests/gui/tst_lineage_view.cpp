// The Strategies tab on real widgets, offscreen, on SQLite and PostgreSQL: the demo's lineage drawn from
// the database (every strategy and link), a strategy selected with a click and its details (version
// history with the majors marked, parameter changes against its parent), search by name, the focus on
// its ancestors and descendants, its tearsheet, the comparison with its parent and children, the export,
// a database with bad inputs (a cycle, a missing parent, a row to a missing strategy, an unknown status, a
// configuration that is not JSON, a bad performance row) drawn with the problems marked, and a database
// without the strategy tables saying so and opening the strategy demo from the main window.

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonObject>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QWheelEvent>
#include <QtTest>

#include "MigrationHarness.h"
#include "ScratchDatabases.h"
#include "Screenshots.h"
#include "connection/DemoWorkspace.h"
#include "demo/RiskStateDemo.h"
#include "diagram/DiagramExport.h"
#include "mainwindow/MainActions.h"
#include "mainwindow/MainWindow.h"
#include "strategy/ComparisonChart.h"
#include "strategy/LineageLinkItem.h"
#include "strategy/LineageProblemList.h"
#include "strategy/LineageScene.h"
#include "strategy/LineageStyle.h"
#include "strategy/LineageView.h"
#include "strategy/StrategiesPage.h"
#include "strategy/StrategyDemo.h"
#include "strategy/StrategyDetails.h"
#include "strategy/StrategyNodeItem.h"
#include "strategy/StrategyStore.h"
#include "strategy/TearsheetView.h"
#include "strategy/TimeSeriesChart.h"

using namespace strata;
using namespace strata::test;

namespace {

constexpr int demoDays = 120;

/// A database of either engine with the strategy set applied and a small demo history in it.
struct StrategyDatabase
{
    std::unique_ptr<ScratchSqlite> sqlite;
    std::unique_ptr<ScratchPostgres> postgres;
    std::unique_ptr<Database> db;
    QString url;
    QString error;

    StrategyDatabase(const QString& engine, int count, std::uint64_t seed)
    {
        if (engine == QLatin1String("sqlite")) {
            sqlite = std::make_unique<ScratchSqlite>();
            url = sqlite->url();
        } else {
            postgres = std::make_unique<ScratchPostgres>();
            if (!postgres->ok()) {
                error = postgres->error();
                return;
            }
            url = postgres->url();
        }
        auto opened = MigrationHarness::open(url);
        if (!opened) {
            error = opened.error().toText();
            return;
        }
        db = std::move(opened).value();
        auto set = MigrationHarness::load(QStringLiteral(STRATA_SOURCE_DIR "/migrations/strategy"));
        if (!set) {
            error = set.error().toText();
            return;
        }
        if (auto migrated = MigrationHarness::migrate(*db, *set); !migrated) {
            error = migrated.error().toText();
            return;
        }
        StrategyDemo::Options options;
        options.count = count;
        options.days = demoDays;
        options.seed = seed;
        if (auto filled = StrategyDemo::fill(*db, options); !filled)
            error = filled.error().toText();
    }

    bool isSqlite() const { return sqlite != nullptr; }
};

#define STRATA_REQUIRE_STRATEGY_DB(d)                                                                        \
    do {                                                                                                     \
        if (!(d).error.isEmpty())                                                                            \
            QFAIL(qPrintable((d).error));                                                                    \
    } while (false)

bool loadAndWait(StrategiesPage& page, const QString& url, bool expectOk = true)
{
    QSignalSpy shown(&page, &StrategiesPage::lineageShown);
    auto parsed = ConnectionUrl::parse(url);
    if (!parsed)
        return false;
    page.load(*parsed);
    return shown.wait(60000) && shown.first().at(0).toBool() == expectOk;
}

QSet<QString> ids(const LineageGraph& graph, const QList<int>& indexes)
{
    QSet<QString> out;
    for (int i : indexes)
        out.insert(graph.strategies().at(i).strategyId);
    return out;
}

/// Clicks a strategy's box in the view, as the operator does.
void clickStrategy(StrategiesPage& page, StrategyNodeItem* item)
{
    page.view()->centerOn(item);
    const QPoint at = page.view()->mapFromScene(item->sceneBoundingRect().center());
    QTest::mouseClick(page.view()->viewport(), Qt::LeftButton, {}, at);
}

bool mentions(const QStringList& lines, const QString& text)
{
    for (const QString& line : lines)
        if (line.contains(text))
            return true;
    return false;
}

} // namespace

class TestLineageView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // The demo folder and the settings of this test only: never the operator's, nor another test's.
        QVERIFY(m_home.isValid());
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_home.filePath(QStringLiteral("data"))));
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_home.filePath(QStringLiteral("config"))));
        QApplication::setOrganizationName(QStringLiteral("StrataLineageTest"));
        QApplication::setApplicationName(QStringLiteral("StrataLineageTest"));
        QVERIFY(DemoWorkspace::folder().startsWith(m_home.path()));
    }

    void theDemoLineageIsDrawnAndBrowsed_data() { engines(); }
    void theDemoLineageIsDrawnAndBrowsed()
    {
        QFETCH(QString, engine);
        StrategyDatabase d(engine, 30, 11);
        STRATA_REQUIRE_STRATEGY_DB(d);
        StrategyStore store(*d.db);
        auto expected = store.lineage();
        QVERIFY2(expected, expected ? "" : qPrintable(expected.error().toText()));
        const LineageGraph& graph = *expected;
        QVERIFY(graph.problems().isEmpty());

        StrategiesPage page;
        page.resize(1500, 950);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QVERIFY(loadAndWait(page, d.url));
        QVERIFY(page.isShowingLineage());
        LineageScene& scene = *page.scene();

        // Every strategy of the registry is a box (name, version, status colour); every direct link a line.
        QCOMPARE(scene.nodeItems().size(), graph.strategies().size());
        QCOMPARE(scene.linkItems().size(), graph.links().size());
        QCOMPARE(scene.diagram().missingCount(), 0);
        for (int i = 0; i < graph.strategies().size(); ++i) {
            const StrategyRecord& s = graph.strategies().at(i);
            StrategyNodeItem* item = scene.nodeItem(s.strategyId);
            QVERIFY2(item, qPrintable(s.strategyId));
            QCOMPARE(item->name(), s.name);
            QVERIFY(item->detail().contains(s.version));
            QVERIFY(item->detail().contains(s.statusText));
            QCOMPARE(item->bandColour(), LineageStyle::statusColour(s.status));
            QVERIFY(!item->isMarked());
        }
        QSet<QString> relationships;
        for (LineageLinkItem* link : scene.linkItems()) {
            const LineageGraph::Link& l = graph.links().at(link->line().link);
            QCOMPARE(link->relationship(), l.relationshipType);
            QVERIFY(!link->isMarked());
            QVERIFY(!link->labelRect().isEmpty());
            relationships.insert(link->relationship());
            // From the parent's box to the child's: the arrow ends at the child.
            QVERIFY(scene.nodeItem(l.child)
                        ->sceneBoundingRect()
                        .adjusted(-8, -8, 8, 8)
                        .contains(link->path().pointAtPercent(1)));
        }
        QVERIFY2(relationships.contains(QStringLiteral("mutation")) && relationships.size() >= 3,
                 qPrintable(QStringList(relationships.values()).join(',')));
        QVERIFY(page.statusText().contains(QStringLiteral("30 strategy versions")));

        // The strategy to look at: a parent and children making three strategies, the most versions.
        int chosen = -1;
        QList<StrategyVersionRecord> chosenVersions;
        for (int i = 0; i < graph.strategies().size(); ++i) {
            if (graph.parents(i).size() + graph.children(i).size() != 2 || graph.parents(i).isEmpty())
                continue;
            auto versions = store.versions(graph.strategies().at(i).strategyId);
            QVERIFY(versions);
            if (chosen < 0 || versions->size() > chosenVersions.size()) {
                chosen = i;
                chosenVersions = *versions;
            }
        }
        QVERIFY2(chosen >= 0, "the demo has no strategy with a parent and one child");
        const StrategyRecord& s = graph.strategies().at(chosen);
        const StrategyRecord& parent = graph.strategies().at(graph.parents(chosen).first());

        // A click selects it; the details show what the lineage holds, then its history from a worker.
        QSignalSpy detailed(&page, &StrategiesPage::detailsShown);
        clickStrategy(page, scene.nodeItem(chosen));
        QCOMPARE(scene.selectedStrategy(), chosen);
        QVERIFY(scene.nodeItem(chosen)->isSelected());
        QVERIFY(detailed.wait(30000));
        QCOMPARE(detailed.first().at(0).toString(), s.strategyId);
        StrategyDetails& details = *page.details();
        QCOMPARE(details.title(), s.name);
        QVERIFY(details.problems().isEmpty());
        QTreeWidget* versions = details.versionTable();
        QCOMPARE(versions->topLevelItemCount(), chosenVersions.size());
        for (int r = 0; r < chosenVersions.size(); ++r) {
            QTreeWidgetItem* row = versions->topLevelItem(r);
            QCOMPARE(row->text(0), chosenVersions.at(r).version);
            QCOMPARE(row->text(StrategyDetails::majorColumn).isEmpty(), !chosenVersions.at(r).isMajor);
            QCOMPARE(row->font(0).bold(), chosenVersions.at(r).isMajor);
        }
        // Parameter changes against the parent: exactly the keys whose values differ.
        const QJsonObject before = parent.parameters.value.toObject();
        const QJsonObject after = s.parameters.value.toObject();
        QStringList changed;
        for (auto it = after.begin(); it != after.end(); ++it)
            if (before.value(it.key()) != it.value())
                changed << it.key();
        for (auto it = before.begin(); it != before.end(); ++it)
            if (!after.contains(it.key()))
                changed << it.key();
        changed.sort();
        QVERIFY(!changed.isEmpty());
        QStringList shownKeys;
        for (int r = 0; r < details.parameterTable()->topLevelItemCount(); ++r)
            shownKeys << details.parameterTable()->topLevelItem(r)->text(0);
        QCOMPARE(shownKeys, changed);
        for (int r = 0; r < changed.size(); ++r) {
            const QJsonValue was = before.value(changed.at(r));
            const QJsonValue is = after.value(changed.at(r));
            if (!was.isDouble() || !is.isDouble())
                continue;
            const QTreeWidgetItem* row = details.parameterTable()->topLevelItem(r);
            QCOMPARE(row->text(1), QString::number(was.toDouble(), 'g', 10));
            QCOMPARE(row->text(2), QString::number(is.toDouble(), 'g', 10));
        }
        QCOMPARE(details.componentTable()->topLevelItemCount(), 4);
        const QString config = details.configurationText()->toPlainText();
        QVERIFY(config.contains(QStringLiteral("risk_manager_config")));
        QVERIFY(config.contains(QStringLiteral("\n    \"stop_loss_pct\": ")));   // indented, one key a line
        QVERIFY(details.performanceTable()->topLevelItem(0)->childCount() >= 5); // the stored summary
        QCOMPARE(details.performanceTable()->topLevelItemCount(), 3);            // + validation + computed
        QVERIFY(keepScreenshots(page, QStringLiteral("strategy-lineage")));

        // Search by name: the matches are marked, the first selected and shown.
        const QString needle = s.name.left(s.name.size() - 1).toUpper();
        page.searchField()->setText(needle);
        int matching = 0;
        for (StrategyNodeItem* item : scene.nodeItems()) {
            const bool match = item->name().contains(needle, Qt::CaseInsensitive) ||
                               item->strategyId().contains(needle, Qt::CaseInsensitive);
            QCOMPARE(item->isHighlighted(), match);
            matching += match;
        }
        QVERIFY(matching >= 1);
        QVERIFY(scene.nodeItem(scene.selectedStrategy())->isHighlighted());
        QVERIFY(page.view()
                    ->mapToScene(page.view()->viewport()->rect())
                    .boundingRect()
                    .intersects(scene.nodeItem(scene.selectedStrategy())->sceneBoundingRect()));
        page.searchField()->setText(QStringLiteral("no-such-strategy-anywhere"));
        QCOMPARE(page.statusText(), QStringLiteral("No strategy matches \"no-such-strategy-anywhere\"."));
        page.searchField()->clear();

        // Focus: exactly the strategy, its ancestors and its descendants stay in full.
        page.selectStrategy(s.strategyId);
        page.focusOnSelected();
        QSet<QString> kept = ids(graph, graph.ancestors(chosen)) + ids(graph, graph.descendants(chosen));
        kept.insert(s.strategyId);
        QSet<QString> shown;
        for (StrategyNodeItem* item : scene.nodeItems())
            if (!item->isDimmed())
                shown.insert(item->strategyId());
        QCOMPARE(shown, kept);
        QVERIFY(shown.size() < graph.strategies().size());
        for (LineageLinkItem* link : scene.linkItems()) {
            const LineageGraph::Link& l = graph.links().at(link->line().link);
            QCOMPARE(link->isDimmed(), !kept.contains(graph.strategies().at(l.parent).strategyId) ||
                                           !kept.contains(graph.strategies().at(l.child).strategyId));
        }
        page.showAll();
        for (StrategyNodeItem* item : scene.nodeItems())
            QVERIFY(!item->isDimmed());

        // The wheel zooms around the pointer; Fit shows everything.
        LineageView& view = *page.view();
        view.resetZoom();
        const QPointF centre = view.viewport()->rect().center();
        QWheelEvent wheel(centre, view.viewport()->mapToGlobal(centre), {}, QPoint(0, 240), Qt::NoButton, {},
                          Qt::NoScrollPhase, false);
        QApplication::sendEvent(view.viewport(), &wheel);
        QVERIFY(view.zoom() > 1.5);
        view.fitAll();
        QVERIFY(view.mapToScene(view.viewport()->rect())
                    .boundingRect()
                    .adjusted(-2, -2, 2, 2)
                    .contains(scene.itemsBoundingRect()));

        // Its tearsheet, read on a worker.
        QSignalSpy tearsheet(&page, &StrategiesPage::tearsheetShown);
        details.tearsheetButton()->click();
        QVERIFY(tearsheet.wait(30000));
        QVERIFY(page.tearsheetView() && page.tearsheetView()->isVisible());
        QCOMPARE(page.tearsheetView()->tearsheet().strategyId, s.strategyId);
        QCOMPARE(page.tearsheetView()->tearsheet().time.size(), demoDays);
        QCOMPARE(page.tearsheetView()->cumulativeChart()->graph(0)->data()->size(), demoDays);

        // Compared with its parent and its child: three series.
        QSignalSpy compared(&page, &StrategiesPage::comparisonShown);
        details.compareButton()->click();
        QVERIFY(compared.wait(30000));
        QCOMPARE(compared.first().at(0).toInt(), 3);
        ComparisonChart* comparison = page.comparisonChart();
        QVERIFY(comparison && comparison->isVisible());
        QCOMPARE(comparison->chart()->graphCount(), 3);
        const QList<int> family = graph.parents(chosen) + QList<int>{chosen} + graph.children(chosen);
        for (int member : family) {
            QCPGraph* series = comparison->graphOf(graph.strategies().at(member).strategyId);
            QVERIFY(series);
            QCOMPARE(series->data()->size(), demoDays);
        }

        // Export: a PNG of the whole lineage and an SVG naming the strategies.
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("lineage.png"));
        QVERIFY(page.exportPng(png).ok());
        QVERIFY(QFileInfo(png).size() > 0);
        const QImage image(png);
        QCOMPARE(image.size(), DiagramExport::pngSize(scene, 2.0));
        const QString svg = dir.filePath(QStringLiteral("lineage.svg"));
        QVERIFY(page.exportSvg(svg).ok());
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains(s.name.toUtf8()));
    }

    void badInputsAreMarkedAndTheLineageStillDraws_data() { engines(); }
    void badInputsAreMarkedAndTheLineageStillDraws()
    {
        QFETCH(QString, engine);
        StrategyDatabase d(engine, 10, 3);
        STRATA_REQUIRE_STRATEGY_DB(d);
        Database& db = *d.db;
        auto before = StrategyStore(db).lineage();
        QVERIFY(before);
        QString root;
        QString child;
        for (const LineageEdge& e : before->edges())
            if (e.generationDistance == 1) {
                root = e.ancestorId;
                child = e.descendantId;
                break;
            }
        QVERIFY(!child.isEmpty());
        QString orphan; // a strategy whose parent will be gone
        for (const StrategyRecord& s : before->strategies())
            if (s.strategyId != root && s.strategyId != child && !s.parentId.isEmpty())
                orphan = s.strategyId;
        QVERIFY(!orphan.isEmpty());
        if (d.isSqlite()) {
            QVERIFY(db.execute(QStringLiteral("PRAGMA foreign_keys = OFF")));
            QVERIFY(db.execute(QStringLiteral("PRAGMA ignore_check_constraints = ON")));
        } else {
            for (const char* constraint : {"strategy_lineage DROP CONSTRAINT fk_strategy_lineage_descendant",
                                           "strategy_registry DROP CONSTRAINT fk_strategy_registry_parent"})
                QVERIFY(db.execute(QStringLiteral("ALTER TABLE %1").arg(QLatin1String(constraint))));
            QVERIFY(db.execute(QStringLiteral("ALTER TYPE strategystatus ADD VALUE 'experimental'")));
        }
        const QString insertEdge = QStringLiteral(
            "INSERT INTO strategy_lineage (ancestor_id, descendant_id, relationship_type, "
            "generation_distance, created_at) VALUES (?, ?, ?, 1, '2026-11-01T00:00:00.000Z')");
        QVERIFY(db.execute(insertEdge, {child, root, QStringLiteral("mutation")})); // a cycle
        QVERIFY(
            db.execute(insertEdge, {root, QStringLiteral("ghost-0099"), QStringLiteral("fork")})); // missing
        QVERIFY(db.execute(QStringLiteral("UPDATE strategy_registry SET parent_id = 'gone-0042' WHERE "
                                          "strategy_id = ?"),
                           {orphan}));
        QVERIFY(db.execute(
            QStringLiteral("UPDATE strategy_registry SET status = 'experimental' WHERE strategy_id = ?"),
            {child}));
        if (d.isSqlite()) // jsonb cannot hold text that is not JSON: SQLite only
            QVERIFY(db.execute(QStringLiteral("UPDATE strategy_registry SET risk_manager_config = "
                                              "'{\"stop_loss_pct\": 2.0,' WHERE strategy_id = ?"),
                               {root}));
        auto periods = db.query(
            QStringLiteral("SELECT id FROM strategy_performance WHERE strategy_id = ? ORDER BY period_start"),
            {root});
        QVERIFY(periods && periods->rows.size() == demoDays);
        QVERIFY(db.execute(QStringLiteral("UPDATE strategy_performance SET period_end = "
                                          "'2020-01-01T00:00:00.000Z' WHERE id = ?"),
                           {periods->value(5, 0)}));
        auto expected = StrategyStore(db).lineage();
        QVERIFY(expected);
        const LineageGraph& graph = *expected;

        StrategiesPage page;
        page.resize(1400, 900);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QVERIFY(loadAndWait(page, d.url));
        LineageScene& scene = *page.scene();

        // Every strategy is still drawn; the two that rows name but the registry lacks are marked boxes.
        QCOMPARE(scene.nodeItems().size(), graph.strategies().size() + 2);
        QCOMPARE(scene.diagram().missingCount(), 2);
        QSet<QString> missing;
        for (StrategyNodeItem* item : scene.nodeItems())
            if (item->isMissing()) {
                QVERIFY(item->isMarked());
                missing.insert(item->strategyId());
            }
        QCOMPARE(missing, QSet<QString>({QStringLiteral("ghost-0099"), QStringLiteral("gone-0042")}));
        int cycleLinks = 0;
        int missingLinks = 0;
        for (LineageLinkItem* link : scene.linkItems()) {
            cycleLinks += link->line().inCycle;
            missingLinks += link->line().toMissing;
            QCOMPARE(link->isMarked(), link->line().inCycle || link->line().toMissing);
        }
        QCOMPARE(cycleLinks, 1);
        QCOMPARE(missingLinks, 2);
        QCOMPARE(scene.linkItems().size(), graph.links().size() + 2);

        // The unknown status is drawn in the problem colour, with the text as stored.
        StrategyNodeItem* unknown = scene.nodeItem(child);
        QVERIFY(!unknown->status().has_value());
        QVERIFY(unknown->isMarked());
        QCOMPARE(unknown->bandColour(), LineageStyle::problem());
        QVERIFY(unknown->detail().contains(QStringLiteral("\"experimental\"")));
        QVERIFY(scene.nodeItem(root)->isMarked());
        QVERIFY(scene.nodeItem(orphan)->isMarked());

        // The page lists every problem the lineage found, naming what is wrong.
        const QStringList listed = page.problemList()->problems();
        QCOMPARE(listed, graph.problems());
        QVERIFY(mentions(listed, QStringLiteral("lineage cycle: ")));
        QVERIFY(mentions(listed, QStringLiteral("descendant ghost-0099 is not in strategy_registry")));
        QVERIFY(mentions(listed, QStringLiteral("parent_id gone-0042 is not in strategy_registry")));
        QVERIFY(mentions(listed, QStringLiteral("status \"experimental\" is not a strategystatus value")));
        if (d.isSqlite())
            QVERIFY(mentions(listed, QStringLiteral("risk_manager_config is not valid JSON")));
        QCOMPARE(page.problemList()->count(), listed.size());

        // The root's details: its problems, the configuration as stored, and the bad performance row.
        QSignalSpy detailed(&page, &StrategiesPage::detailsShown);
        page.selectStrategy(root);
        QVERIFY(detailed.wait(30000));
        const QStringList problems = page.details()->problems();
        QVERIFY2(mentions(problems, QStringLiteral("part of a cycle")), qPrintable(problems.join('\n')));
        QVERIFY(mentions(problems, QStringLiteral("ghost-0099")));
        QVERIFY(mentions(problems, QStringLiteral("is before period_start")));
        if (d.isSqlite()) { // the text that is not JSON is shown as stored, marked
            const QString config = page.details()->configurationText()->toPlainText();
            QVERIFY2(config.contains(QStringLiteral("⚠ not valid JSON")), qPrintable(config));
            QVERIFY(config.contains(QStringLiteral("{\"stop_loss_pct\": 2.0,")));
            QVERIFY(mentions(problems, QStringLiteral("risk_manager_config is not valid JSON")));
        }

        QVERIFY(keepScreenshots(page, QStringLiteral("strategy-lineage-problems")));

        // The focus still works through the cycle, and keeps the line to the missing strategy.
        page.focusOnSelected();
        const int r = graph.indexOf(root);
        QSet<QString> kept = ids(graph, graph.ancestors(r)) + ids(graph, graph.descendants(r));
        kept.insert(root);
        kept.insert(QStringLiteral("ghost-0099")); // a line joins it to the root
        if (kept.contains(orphan))
            kept.insert(QStringLiteral("gone-0042"));
        QSet<QString> shown;
        for (StrategyNodeItem* item : scene.nodeItems())
            if (!item->isDimmed())
                shown.insert(item->strategyId());
        QCOMPARE(shown, kept);

        // A click on a problem shows the strategy it names.
        for (int row = 0; row < page.problemList()->count(); ++row)
            if (page.problemList()->strategyOf(row) == orphan) {
                const QRect line = page.problemList()->visualItemRect(page.problemList()->item(row));
                QTest::mouseClick(page.problemList()->viewport(), Qt::LeftButton, {}, line.center());
                break;
            }
        QCOMPARE(scene.selectedStrategy(), graph.indexOf(orphan));

        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("bad.png"));
        QVERIFY(page.exportPng(png).ok());
        QVERIFY(QFileInfo(png).size() > 0);
    }

    void aDatabaseWithoutStrategyTablesOffersTheDemo()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("state.db"));
        const Status made = RiskStateDemo::create(path);
        QVERIFY2(made.ok(), qPrintable(made.ok() ? QString() : made.error().toText()));
        MainWindow window;
        window.resize(1300, 850);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        StrategiesPage& page = *window.strategies();
        QSignalSpy shown(&page, &StrategiesPage::lineageShown);
        ConnectionTarget target;
        target.url = QStringLiteral("sqlite:") + path;
        target.migrations = RiskStateDemo::bundledSet();
        window.open(target);
        QVERIFY(shown.wait(60000));
        QCOMPARE(shown.first().at(0).toBool(), false);
        window.actions()->showStrategies->trigger();
        QCOMPARE(window.pages()->currentWidget(), &page);
        QVERIFY(!page.isShowingLineage());
        QVERIFY2(page.emptyText().contains(QStringLiteral("has no strategy tables")),
                 qPrintable(page.emptyText()));
        QVERIFY(page.emptyText().contains(QStringLiteral("strategy_registry")));
        QVERIFY(page.emptyText().contains(QStringLiteral("migrations/strategy")));
        QVERIFY(page.openDemoButton()->isVisible());

        // One click opens the strategy demo (created beside the risk-state demo) on this tab.
        shown.clear();
        page.openDemoButton()->click();
        QVERIFY(shown.wait(120000));
        QCOMPARE(shown.first().at(0).toBool(), true);
        QCOMPARE(window.target()->url, QStringLiteral("sqlite:") + DemoWorkspace::strategiesPath());
        QCOMPARE(window.pages()->currentWidget(), &page);
        QVERIFY(page.isShowingLineage());
        QCOMPARE(page.scene()->nodeItems().size(), StrategyDemo::firstLaunch().count);

        // Closing the database leaves no lineage behind.
        window.closeDatabase();
        QVERIFY(!page.isShowingLineage());
        QVERIFY(page.scene()->nodeItems().isEmpty());
    }

private:
    void engines()
    {
        QTest::addColumn<QString>("engine");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgresql") << QStringLiteral("postgresql");
    }

    QTemporaryDir m_home;
};

QTEST_MAIN(TestLineageView)
#include "tst_lineage_view.moc"
