// The family window on real widgets, offscreen, on SQLite and PostgreSQL: the family of a demo strategy with
// at least three generations opened from the Strategies tab (StrategiesPage::openFamily) and read on a
// worker; the table has one row per member with the figures the core reads, sorts by Sharpe, the parallel
// coordinates have one line per member and an axis per varying parameter and per result, a click on a line
// selects the member's row, the attribution has one bar group per generation; the lineage's edges show
// their rows' performance_improvement and risk_change. With STRATA_SCREENSHOT_DIR set, pictures of the
// window and of the lineage are kept there.

#include <cmath>

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QtTest>

#include "../gui/Screenshots.h"
#include "StrategyDatabase.h"
#include "analytics/AttributionChart.h"
#include "analytics/FamilyReader.h"
#include "analytics/FamilyTable.h"
#include "analytics/FamilyTableModel.h"
#include "analytics/FamilyWindow.h"
#include "analytics/ParallelCoordinatesChart.h"
#include "common/ErrorBanner.h"
#include "strategy/LineageLinkItem.h"
#include "strategy/LineageScene.h"
#include "strategy/LineageView.h"
#include "strategy/StrategiesPage.h"
#include "strategy/StrategyDemo.h"
#include "strategy/StrategyDetails.h"
#include "strategy/StrategyNodeItem.h"
#include "strategy/StrategyStore.h"
#include "theme/Theme.h"

using namespace strata;
using namespace strata::test;

namespace {

/// The demo strategy whose descendants span the most generations, and how many (the root's included).
QString deepestRoot(const LineageGraph& graph, int* generations)
{
    QString best;
    *generations = 0;
    for (int i = 0; i < graph.strategies().size(); ++i) {
        int deepest = 0;
        for (int node : graph.descendants(i))
            deepest = std::max(deepest, graph.distance(i, node));
        if (deepest + 1 > *generations) {
            *generations = deepest + 1;
            best = graph.strategies().at(i).strategyId;
        }
    }
    return best;
}

/// With STRATA_SCREENSHOT_DIR set, saves `widget` there as NAME.png (scripts/screenshots.sh sets it).
void shoot(QWidget& widget, const QString& name)
{
    const QString folder = qEnvironmentVariable("STRATA_SCREENSHOT_DIR");
    if (folder.isEmpty())
        return;
    QVERIFY(QDir().mkpath(folder));
    screenshots::settle();
    QVERIFY(widget.grab().save(QDir(folder).filePath(name + QStringLiteral(".png"))));
}

/// "+0.235" or "−0.0123" back to a number.
double parseFigure(QString text)
{
    text.replace(QStringLiteral("−"), QStringLiteral("-"));
    bool ok = false;
    const double value = text.toDouble(&ok);
    return ok ? value : std::nan("");
}

} // namespace

class TestFamilyView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgresql") << QStringLiteral("postgresql");
    }

    void familyWindow()
    {
        QFETCH_GLOBAL(QString, engine);
        StrategyDatabase d(engine);
        STRATA_REQUIRE_STRATEGY_DB(d);
        StrategyDemo::Options options;
        options.count = 40;
        options.days = 120;
        options.seed = 7;
        auto filled = StrategyDemo::fill(*d.db, options);
        QVERIFY2(filled, filled ? "" : qPrintable(filled.error().toText()));
        auto graph = StrategyStore(*d.db).lineage();
        QVERIFY(graph);
        int generations = 0;
        const QString rootId = deepestRoot(*graph, &generations);
        QVERIFY2(generations >= 3,
                 qPrintable(QStringLiteral("deepest family: %1 generations").arg(generations)));
        // What the core reads for the family, on a connection of the test's own.
        auto expected = FamilyReader(*d.db).read(rootId);
        QVERIFY2(expected, expected ? "" : qPrintable(expected.error().toText()));
        const FamilyView& family = *expected;
        // Generations are counted along the longest path from the root (a merge sits below both its parents).
        QSet<int> generationsOfMembers;
        for (const FamilyView::Member& m : family.members)
            generationsOfMembers.insert(m.generation);
        QCOMPARE(family.generations.size(), generationsOfMembers.size());
        QVERIFY(family.generations.size() >= generations);
        generations = static_cast<int>(family.generations.size());

        StrategiesPage page;
        page.resize(1400, 900);
        page.show();
        QSignalSpy lineage(&page, &StrategiesPage::lineageShown);
        auto url = ConnectionUrl::parse(d.url);
        QVERIFY(url);
        page.load(*url);
        QVERIFY(lineage.wait(60000));
        QVERIFY(lineage.first().at(0).toBool());

        // The details' Family… button opens it; StrategiesPage::openFamily is what it calls.
        page.selectStrategy(rootId);
        QTRY_VERIFY(page.details()->familyButton()->isEnabled());
        QCOMPARE(page.details()->familyButton()->text(), QStringLiteral("Family…"));
        QSignalSpy requested(page.details(), &StrategyDetails::familyRequested);
        page.details()->familyButton()->click();
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.first().at(0).toString(), rootId);
        FamilyWindow* window = page.familyWindow();
        QVERIFY(window);
        QSignalSpy shown(window, &FamilyWindow::familyShown);
        QVERIFY(shown.wait(60000) || !shown.isEmpty());
        QCOMPARE(shown.first().at(0).toString(), rootId);
        QVERIFY(window->isWindow());
        QVERIFY(window->banner()->isHidden() || window->banner()->text().isEmpty());

        // The table: one row per member, with the core's figures.
        FamilyTable* table = window->table();
        FamilyTableModel* model = table->familyModel();
        QCOMPARE(model->rowCount(), family.members.size());
        const int sharpeColumn = model->columnOf(QStringLiteral("sharpe"));
        const int cagrColumn = model->columnOf(QStringLiteral("cagr"));
        QVERIFY(sharpeColumn > 0 && cagrColumn > 0);
        for (int row = 0; row < family.members.size(); ++row) {
            const FamilyView::Member& m = family.members.at(row);
            QCOMPARE(model->index(row, FamilyTableModel::idColumn).data().toString(), m.strategyId);
            QCOMPARE(model->index(row, FamilyTableModel::generationColumn).data().toInt(), m.generation);
            if (std::isfinite(m.sharpe)) {
                QCOMPARE(model->index(row, sharpeColumn).data().toString(),
                         QString::number(m.sharpe, 'f', 2));
                QCOMPARE(model->index(row, sharpeColumn).data(FamilyTableModel::SortRole).toDouble(),
                         m.sharpe);
            }
            if (std::isfinite(m.cagr))
                QCOMPARE(model->index(row, cagrColumn).data().toString(),
                         QString::number(m.cagr * 100, 'f', 1) + QStringLiteral(" %"));
            // Every parameter the member changed from its parent is marked in its column.
            for (const QString& name : m.changed) {
                const int column = model->columnOf(name);
                QVERIFY2(column >= model->firstParameterColumn(), qPrintable(name));
                QVERIFY(model->index(row, column).data(FamilyTableModel::ChangedRole).toBool());
                QVERIFY(model->index(row, column).data().toString().startsWith(QStringLiteral("● ")));
            }
        }

        // Sorting by Sharpe, highest first, orders the rows by it.
        table->sortByColumn(sharpeColumn, Qt::DescendingOrder);
        double previous = std::numeric_limits<double>::infinity();
        double highest = -std::numeric_limits<double>::infinity();
        for (const FamilyView::Member& m : family.members)
            if (std::isfinite(m.sharpe))
                highest = std::max(highest, m.sharpe);
        for (int row = 0; row < table->proxy()->rowCount(); ++row) {
            const double sharpe =
                table->proxy()->index(row, sharpeColumn).data(FamilyTableModel::SortRole).toDouble();
            QVERIFY2(sharpe <= previous,
                     qPrintable(QStringLiteral("row %1: %2 after %3").arg(row).arg(sharpe).arg(previous)));
            previous = sharpe;
        }
        QCOMPARE(table->proxy()->index(0, sharpeColumn).data(FamilyTableModel::SortRole).toDouble(), highest);

        // The parallel coordinates: one line per member; an axis per varying parameter, then the results.
        ParallelCoordinatesChart* chart = window->parallelCoordinates();
        QCOMPARE(chart->lineCount(), family.members.size());
        QStringList varying;
        for (const QString& name : family.parameterNames) {
            QSet<QString> values;
            for (const FamilyView::Member& m : family.members)
                values.insert(QString::fromUtf8(
                    QJsonDocument(QJsonObject{{QStringLiteral("v"), m.parameters.value(name)}})
                        .toJson(QJsonDocument::Compact)));
            if (values.size() > 1)
                varying << name;
        }
        QVERIFY2(!varying.isEmpty(), "the demo family's members differ in some parameter");
        const QStringList results = {QStringLiteral("sharpe"), QStringLiteral("cagr"),
                                     QStringLiteral("max_drawdown"), QStringLiteral("volatility"),
                                     QStringLiteral("win_rate")};
        QCOMPARE(chart->axisKeys(), varying.mid(0, ParallelCoordinatesChart::maxParameterAxes) + results);
        QCOMPARE(chart->parametersLeftOut(),
                 std::max<qsizetype>(0, varying.size() - ParallelCoordinatesChart::maxParameterAxes));

        // A click on a member's line (where no other line passes) selects its row in the table.
        QString clicked;
        QPointF at;
        for (int i = family.members.size() - 1; i > 0 && clicked.isEmpty(); --i) {
            const QString id = family.members.at(i).strategyId;
            for (int axis = 0; axis + 1 < chart->axes().size() && clicked.isEmpty(); ++axis) {
                const QPointF middle = (chart->pointOf(id, axis) + chart->pointOf(id, axis + 1)) / 2;
                if (chart->memberAt(middle) == id) {
                    clicked = id;
                    at = middle;
                }
            }
        }
        QVERIFY2(!clicked.isEmpty(), "some member's line can be told apart");
        QTest::mouseClick(chart, Qt::LeftButton, {}, at.toPoint());
        QCOMPARE(chart->selectedMember(), clicked);
        QCOMPARE(table->selectedMember(), clicked);
        // And selecting a row emphasises its line.
        const QString other = family.members.first().strategyId;
        table->selectMember(other);
        QCOMPARE(chart->selectedMember(), other);

        // The attribution: one stacked bar group per generation, the mean Sharpe per generation.
        AttributionChart* attribution = window->attribution();
        QCOMPARE(attribution->generationCount(), generations);
        QCOMPARE(attribution->components().size(), 3);
        for (QCPBars* bars : attribution->components())
            QCOMPARE(bars->data()->size(), generations);
        QCOMPARE(attribution->meanSharpe()->data()->size(), generations);
        for (int g = 0; g < generations; ++g) {
            QCOMPARE(attribution->components().at(0)->data()->at(g)->value,
                     std::isfinite(family.generations.at(g).attribution[0])
                         ? family.generations.at(g).attribution[0]
                         : 0.0);
            QCOMPARE(attribution->meanSharpe()->data()->at(g)->value, family.generations.at(g).meanSharpe);
        }

        // The lineage's edges: each direct row's performance_improvement and risk_change on its label.
        int withFigures = 0;
        for (QGraphicsItem* item : page.scene()->items()) {
            auto* link = qgraphicsitem_cast<LineageLinkItem*>(item);
            if (!link || link->line().link < 0)
                continue;
            const LineageGraph::Link& l = graph->links().at(link->line().link);
            const QString parent = graph->strategies().at(l.parent).strategyId;
            const QString child = graph->strategies().at(l.child).strategyId;
            for (const LineageEdge& e : graph->edges()) {
                if (e.ancestorId != parent || e.descendantId != child || e.generationDistance != 1 ||
                    !e.performanceImprovement)
                    continue;
                const QStringList parts = link->figuresText().split(QStringLiteral(" · risk "));
                QCOMPARE(parts.size(), 2);
                // Three significant digits of the stored value, signed.
                const double figure = parseFigure(parts.at(0));
                QVERIFY2(
                    std::abs(figure - *e.performanceImprovement) <=
                        0.005 * std::abs(*e.performanceImprovement) + 1e-12,
                    qPrintable(
                        QStringLiteral("%1 shown for %2").arg(parts.at(0)).arg(*e.performanceImprovement)));
                QVERIFY(parts.at(0).startsWith(*e.performanceImprovement > 0 ? QStringLiteral("+")
                                                                             : QStringLiteral("−")));
                if (e.riskChange) {
                    const double risk = parseFigure(parts.at(1));
                    QVERIFY(std::abs(risk - *e.riskChange) <= 0.005 * std::abs(*e.riskChange) + 1e-12);
                }
                QVERIFY(link->toolTip().contains(QStringLiteral("performance_improvement")));
                ++withFigures;
                break;
            }
        }
        QVERIFY2(withFigures > 0, "the demo's direct lineage rows carry performance_improvement");

        if (engine != QLatin1String("sqlite"))
            return;
        // Pictures, looked at: the window on the smallest and a large screen, light and dark, and the
        // lineage.
        Theme& theme = Theme::instance();
        const Theme::Choice before = theme.choice();
        theme.choose(Theme::Choice::Light);
        page.selectStrategy(rootId);
        page.focusOnSelected();
        page.resize(1600, 1000);
        // At 100 %, the root at the left of the view and its descendants to its right.
        screenshots::settle();
        page.view()->setZoom(1.0);
        const QRectF root = page.scene()->nodeItem(rootId)->sceneBoundingRect();
        page.view()->centerOn(root.center() +
                              QPointF(page.view()->viewport()->width() / 2.0 - root.width(), 0));
        shoot(*page.view(), QStringLiteral("lineage-edge-figures-light"));
        theme.choose(Theme::Choice::Dark);
        shoot(*page.view(), QStringLiteral("lineage-edge-figures-dark"));
        theme.choose(before);
        QVERIFY(
            keepScreenshots(*window, QStringLiteral("family-window"), withinTheScreen(QSize(1400, 1000))));
        QVERIFY(keepScreenshots(page, QStringLiteral("lineage-edge-figures")));
    }
};

QTEST_MAIN(TestFamilyView)
#include "tst_family_view.moc"
