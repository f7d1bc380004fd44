#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QThread>
#include <QtTest>

#include "layout/GraphLayout.h"

using namespace strata;

namespace {

/// How far `point` is from `rect` (0 inside or on its border).
double distance(QPointF point, const QRectF& rect)
{
    const double dx = std::max({rect.left() - point.x(), 0.0, point.x() - rect.right()});
    const double dy = std::max({rect.top() - point.y(), 0.0, point.y() - rect.bottom()});
    return std::hypot(dx, dy);
}

LayoutNode box(const QString& id, double width = 120, double height = 60, const QStringList& ports = {})
{
    LayoutNode node;
    node.id = id;
    node.width = width;
    node.height = height;
    node.ports = ports;
    return node;
}

LayoutEdge line(const QString& from, const QString& to)
{
    LayoutEdge edge;
    edge.from = from;
    edge.to = to;
    return edge;
}

/// A schema-like graph: `count` tables of varied sizes, most referencing one or two earlier tables.
LayoutGraph schemaLike(int count, quint32 seed)
{
    QRandomGenerator random(seed);
    LayoutGraph graph;
    for (int i = 0; i < count; ++i)
        graph.nodes.append(
            box(QStringLiteral("t%1").arg(i), 100 + random.bounded(120), 40 + 20 * random.bounded(12)));
    for (int i = 1; i < count; ++i) {
        const int references = random.bounded(3); // 0, 1 or 2 foreign keys
        for (int r = 0; r < references; ++r)
            graph.edges.append(
                line(QStringLiteral("t%1").arg(random.bounded(i)), QStringLiteral("t%1").arg(i)));
    }
    return graph;
}

/// Fails with the first two boxes that overlap (touching borders are allowed).
QString firstOverlap(const GraphPlacement& placement)
{
    QList<PlacedNode> byLeft = placement.nodes;
    std::sort(byLeft.begin(), byLeft.end(),
              [](const PlacedNode& a, const PlacedNode& b) { return a.rect.left() < b.rect.left(); });
    for (qsizetype i = 0; i < byLeft.size(); ++i)
        for (qsizetype j = i + 1; j < byLeft.size() && byLeft[j].rect.left() < byLeft[i].rect.right() - 1;
             ++j)
            if (byLeft[i].rect.adjusted(1, 1, -1, -1).intersects(byLeft[j].rect.adjusted(1, 1, -1, -1)))
                return byLeft[i].id + QStringLiteral(" and ") + byLeft[j].id;
    return {};
}

QString describe(const Result<GraphPlacement>& result)
{
    return result ? QString() : result.error().toText();
}

} // namespace

class TestGraphLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void boxesDoNotOverlapAndKeepTheirSize()
    {
        const LayoutGraph graph = schemaLike(40, 7);
        const auto placed = GraphLayout::place(graph);
        QVERIFY2(placed, qPrintable(describe(placed)));
        QCOMPARE(placed->nodes.size(), graph.nodes.size());
        for (int i = 0; i < graph.nodes.size(); ++i) {
            QCOMPARE(placed->nodes[i].id, graph.nodes[i].id);
            QCOMPARE(placed->nodes[i].rect.size(), QSizeF(graph.nodes[i].width, graph.nodes[i].height));
            QVERIFY(placed->bounds.adjusted(-1, -1, 1, 1).contains(placed->nodes[i].rect));
        }
        QCOMPARE(placed->bounds.topLeft(), QPointF(0, 0));
        const QString overlap = firstOverlap(*placed);
        QVERIFY2(overlap.isEmpty(), qPrintable(QStringLiteral("overlapping boxes: ") + overlap));
    }

    void everyLineStartsAtItsSourceAndEndsAtItsTarget()
    {
        const LayoutGraph graph = schemaLike(40, 11);
        QVERIFY(!graph.edges.isEmpty());
        const auto placed = GraphLayout::place(graph);
        QVERIFY2(placed, qPrintable(describe(placed)));
        QCOMPARE(placed->edges.size(), graph.edges.size());
        for (const PlacedEdge& edge : placed->edges) {
            QCOMPARE(edge.from, graph.edges[edge.index].from);
            QVERIFY(edge.path.size() >= 2);
            QCOMPARE((edge.path.size() - 1) % 3, 0); // a start point, then whole Bézier segments
            const QRectF from = placed->node(edge.from)->rect;
            const QRectF to = placed->node(edge.to)->rect;
            QVERIFY2(
                distance(edge.path.first(), from) < 2,
                qPrintable(QStringLiteral("%1 -> %2 starts away from its source").arg(edge.from, edge.to)));
            QVERIFY(edge.toTip.has_value()); // arrowAtTo by default: the tip touches the target
            QVERIFY(distance(*edge.toTip, to) < 2);
            QVERIFY(!edge.fromTip.has_value());
        }
    }

    void rankDirectionIsRespected_data()
    {
        QTest::addColumn<QString>("rankdir");
        QTest::addColumn<QPointF>("direction");
        QTest::newRow("LR") << QStringLiteral("LR") << QPointF(1, 0);
        QTest::newRow("RL") << QStringLiteral("RL") << QPointF(-1, 0);
        QTest::newRow("TB") << QStringLiteral("TB") << QPointF(0, 1);
        QTest::newRow("BT") << QStringLiteral("BT") << QPointF(0, -1);
    }

    void rankDirectionIsRespected()
    {
        QFETCH(QString, rankdir);
        QFETCH(QPointF, direction);
        LayoutGraph graph;
        graph.settings.rankdir = rankdir;
        graph.nodes = {box(QStringLiteral("a")), box(QStringLiteral("b")), box(QStringLiteral("c"))};
        graph.edges = {line(QStringLiteral("a"), QStringLiteral("b")),
                       line(QStringLiteral("b"), QStringLiteral("c"))};
        const auto placed = GraphLayout::place(graph);
        QVERIFY2(placed, qPrintable(describe(placed)));
        for (int i = 0; i + 1 < 3; ++i) {
            const QPointF step = placed->nodes[i + 1].centre() - placed->nodes[i].centre();
            const double along = QPointF::dotProduct(step, direction);
            const double across = std::abs(QPointF::dotProduct(step, QPointF(direction.y(), direction.x())));
            QVERIFY2(
                along > 60 && across < 1,
                qPrintable(QStringLiteral("step %1: along %2, across %3").arg(i).arg(along).arg(across)));
        }
    }

    void portsAttachLinesToTheirRows()
    {
        // Two tables of six 20-point rows: the line leaves row 4 of "orders" and reaches row 2 of "fills".
        LayoutGraph graph;
        const QStringList rows{QStringLiteral("header"), QStringLiteral("id"), QStringLiteral("a"),
                               QStringLiteral("b"),      QStringLiteral("c"),  QStringLiteral("d")};
        graph.nodes = {box(QStringLiteral("orders"), 140, 120, rows),
                       box(QStringLiteral("fills"), 140, 120, rows)};
        LayoutEdge edge = line(QStringLiteral("orders"), QStringLiteral("fills"));
        edge.fromPort = QStringLiteral("c");
        edge.toPort = QStringLiteral("a");
        graph.edges = {edge};
        const auto placed = GraphLayout::place(graph);
        QVERIFY2(placed, qPrintable(describe(placed)));
        const QRectF orders = placed->nodes[0].rect;
        const QRectF fills = placed->nodes[1].rect;
        const QPointF start = placed->edges[0].path.first();
        const QPointF tip = *placed->edges[0].toTip;
        QVERIFY2(std::abs(start.y() - (orders.top() + 4.5 * 20)) < 2, qPrintable(QString::number(start.y())));
        QVERIFY(std::abs(start.x() - orders.right()) < 2);
        QVERIFY2(std::abs(tip.y() - (fills.top() + 2.5 * 20)) < 2, qPrintable(QString::number(tip.y())));
        QVERIFY(std::abs(tip.x() - fills.left()) < 2);
    }

    void aCycleAndASelfReferenceStillLayOut()
    {
        LayoutGraph graph;
        graph.nodes = {box(QStringLiteral("a")), box(QStringLiteral("b")), box(QStringLiteral("c"))};
        graph.edges = {
            line(QStringLiteral("a"), QStringLiteral("b")), line(QStringLiteral("b"), QStringLiteral("c")),
            line(QStringLiteral("c"), QStringLiteral("a")), line(QStringLiteral("a"), QStringLiteral("a"))};
        const auto placed = GraphLayout::place(graph);
        QVERIFY2(placed, qPrintable(describe(placed)));
        QCOMPARE(placed->edges.size(), 4);
        for (const PlacedEdge& edge : placed->edges) {
            QVERIFY(edge.path.size() >= 4); // a real curve, not the straight fallback
            QVERIFY(distance(edge.path.first(), placed->node(edge.from)->rect) < 2);
        }
        QVERIFY(firstOverlap(*placed).isEmpty());
    }

    void labelsGetRoomOfTheirSize()
    {
        LayoutGraph graph;
        graph.nodes = {box(QStringLiteral("a")), box(QStringLiteral("b"))};
        LayoutEdge edge = line(QStringLiteral("a"), QStringLiteral("b"));
        edge.labelSize = QSizeF(90, 14);
        graph.edges = {edge, line(QStringLiteral("b"), QStringLiteral("a"))};
        const auto placed = GraphLayout::place(graph);
        QVERIFY2(placed, qPrintable(describe(placed)));
        const QRectF label = placed->edges[0].labelRect;
        QCOMPARE(label.size(), QSizeF(90, 14));
        QVERIFY(placed->bounds.adjusted(-1, -1, 1, 1).contains(label));
        for (const PlacedNode& node : placed->nodes)
            QVERIFY(!node.rect.adjusted(1, 1, -1, -1).intersects(label));
        QVERIFY(placed->edges[1].labelRect.isEmpty());
    }

    void clustersHoldTheirBoxes()
    {
        LayoutGraph graph;
        for (const char* name : {"public.a", "public.b", "risk.c", "risk.d", "loose"}) {
            LayoutNode node = box(QString::fromLatin1(name));
            node.cluster =
                node.id.contains(QLatin1Char('.')) ? node.id.section(QLatin1Char('.'), 0, 0) : QString();
            graph.nodes.append(node);
        }
        graph.clusterLabels.insert(QStringLiteral("risk"), QStringLiteral("Schema risk"));
        graph.edges = {line(QStringLiteral("public.a"), QStringLiteral("risk.c"))};
        const auto placed = GraphLayout::place(graph);
        QVERIFY2(placed, qPrintable(describe(placed)));
        QCOMPARE(placed->clusters.size(), 2);
        for (const PlacedCluster& cluster : placed->clusters) {
            QCOMPARE(cluster.label, cluster.name == QLatin1String("risk") ? QStringLiteral("Schema risk")
                                                                          : QStringLiteral("public"));
            QVERIFY(!cluster.labelRect.isEmpty());
            QVERIFY(cluster.rect.contains(cluster.labelRect.center()));
            for (const PlacedNode& node : placed->nodes) {
                const bool member = node.id.startsWith(cluster.name + QLatin1Char('.'));
                QCOMPARE(cluster.rect.contains(node.rect), member);
            }
        }
    }

    void anEmptyGraphIsAnEmptyPlacement()
    {
        const auto placed = GraphLayout::place(LayoutGraph{});
        QVERIFY(placed);
        QVERIFY(placed->nodes.isEmpty());
        QVERIFY(placed->edges.isEmpty());
        QVERIFY(placed->bounds.isEmpty());
    }

    void badGraphsAreRefusedWithTheReason()
    {
        LayoutGraph unknownEnd;
        unknownEnd.nodes = {box(QStringLiteral("a"))};
        unknownEnd.edges = {line(QStringLiteral("a"), QStringLiteral("ghost"))};
        auto placed = GraphLayout::place(unknownEnd);
        QVERIFY(!placed);
        QCOMPARE(placed.error().code, ExitCode::BadInput);
        QVERIFY(placed.error().what.contains(QStringLiteral("\"ghost\"")));

        LayoutGraph duplicate;
        duplicate.nodes = {box(QStringLiteral("a")), box(QStringLiteral("a"))};
        placed = GraphLayout::place(duplicate);
        QVERIFY(!placed);
        QVERIFY(placed.error().what.contains(QStringLiteral("Two boxes")));

        LayoutGraph unnamed;
        unnamed.nodes = {box(QString())};
        QVERIFY(!GraphLayout::place(unnamed));

        LayoutGraph unknownPort;
        unknownPort.nodes = {box(QStringLiteral("a"), 100, 40, {QStringLiteral("id")}),
                             box(QStringLiteral("b"))};
        LayoutEdge edge = line(QStringLiteral("a"), QStringLiteral("b"));
        edge.fromPort = QStringLiteral("name");
        unknownPort.edges = {edge};
        placed = GraphLayout::place(unknownPort);
        QVERIFY(!placed);
        QVERIFY(placed.error().what.contains(QStringLiteral("port \"name\"")));

        LayoutGraph unknownEngine;
        unknownEngine.nodes = {box(QStringLiteral("a"))};
        unknownEngine.settings.engine = QStringLiteral("no-such-engine");
        placed = GraphLayout::place(unknownEngine);
        QVERIFY(!placed);
        QCOMPARE(placed.error().code, ExitCode::Failed);
        QVERIFY(placed.error().what.contains(QStringLiteral("no-such-engine")));
        QVERIFY(!placed.error().next.isEmpty());

        // Graphviz is still usable after its errors.
        QVERIFY(GraphLayout::place(schemaLike(5, 3)));
    }

    void otherEnginesByName()
    {
        LayoutGraph graph = schemaLike(12, 5);
        graph.settings.engine = QStringLiteral("neato");
        graph.settings.extra.insert(QStringLiteral("overlap"), QStringLiteral("false"));
        const auto placed = GraphLayout::place(graph);
        QVERIFY2(placed, qPrintable(describe(placed)));
        QCOMPARE(placed->nodes.size(), 12);
        QVERIFY(firstOverlap(*placed).isEmpty());
    }

    void layoutsFromSeveralThreadsAtOnceAgree()
    {
        const LayoutGraph graph = schemaLike(60, 21);
        const auto reference = GraphLayout::place(graph);
        QVERIFY(reference);
        QList<std::optional<Result<GraphPlacement>>> results(4);
        QList<QThread*> threads;
        for (int i = 0; i < 4; ++i)
            threads.append(
                QThread::create([&graph, &results, i] { results[i] = GraphLayout::place(graph); }));
        for (QThread* thread : threads)
            thread->start();
        for (QThread* thread : threads) {
            QVERIFY(thread->wait(60000));
            delete thread;
        }
        for (const auto& result : results) {
            QVERIFY(result.has_value() && result->ok());
            for (int n = 0; n < graph.nodes.size(); ++n)
                QCOMPARE((*result)->nodes[n].rect, reference->nodes[n].rect);
            QCOMPARE((*result)->edges.size(), reference->edges.size());
        }
    }

    void twoThousandTablesLayOut()
    {
        const LayoutGraph graph = schemaLike(2000, 2000);
        QElapsedTimer clock;
        clock.start();
        const auto placed = GraphLayout::place(graph);
        const qint64 elapsed = clock.elapsed();
        QVERIFY2(placed, qPrintable(describe(placed)));
        qInfo("2,000 boxes and %lld lines laid out in %lld ms (Graphviz %lld ms); picture %.0f x %.0f points",
              static_cast<long long>(graph.edges.size()), static_cast<long long>(elapsed),
              static_cast<long long>(placed->milliseconds), placed->bounds.width(), placed->bounds.height());
        QCOMPARE(placed->nodes.size(), 2000);
        for (const PlacedEdge& edge : placed->edges)
            QVERIFY(edge.path.size() >= 2);
        QVERIFY(firstOverlap(*placed).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestGraphLayout)
#include "tst_graph_layout.moc"
