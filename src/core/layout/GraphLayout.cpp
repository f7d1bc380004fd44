#include "layout/GraphLayout.h"

#include <algorithm>
#include <cmath>
#include <mutex>

#include <QElapsedTimer>
#include <QHash>
#include <QSet>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

namespace strata {

namespace {

/// Graphviz's context and its layouts share global state: one layout at a time, whatever the thread.
std::mutex& graphvizLock()
{
    static std::mutex lock;
    return lock;
}

/// Graphviz's messages of the layout running now (guarded by graphvizLock()).
QString& graphvizMessages()
{
    static QString messages;
    return messages;
}

int collectMessage(char* message)
{
    graphvizMessages() += QString::fromUtf8(message).trimmed() + QLatin1Char(' ');
    return 0;
}

/// One context for the process, made on first use: loading the plugins' configuration once is cheaper than
/// once per layout.
GVC_t* context()
{
    static GVC_t* gvc = gvContext();
    return gvc;
}

QByteArray inches(double points)
{
    return QByteArray::number(points / 72.0, 'f', 4);
}

/// An HTML-like label that takes exactly `size` points and shows nothing: the caller draws the text.
QByteArray emptyLabelOfSize(QSizeF size)
{
    const auto w = static_cast<int>(std::ceil(std::max(1.0, size.width())));
    const auto h = static_cast<int>(std::ceil(std::max(1.0, size.height())));
    return QByteArrayLiteral("<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\"><TR>"
                             "<TD FIXEDSIZE=\"TRUE\" WIDTH=\"") +
           QByteArray::number(w) + QByteArrayLiteral("\" HEIGHT=\"") + QByteArray::number(h) +
           QByteArrayLiteral("\"></TD></TR></TABLE>");
}

void setHtml(Agraph_t* g, void* object, Agsym_t* attribute, const QByteArray& html)
{
    char* text = agstrdup_html(g, const_cast<char*>(html.constData()));
    agxset(object, attribute, text);
    agstrfree(g, text);
}

void setText(void* object, Agsym_t* attribute, const QByteArray& value)
{
    agxset(object, attribute, const_cast<char*>(value.constData()));
}

Agsym_t* declare(Agraph_t* g, int kind, const char* name, const char* defaultValue)
{
    return agattr(g, kind, const_cast<char*>(name), const_cast<char*>(defaultValue));
}

/// Record fields stack across the rank direction: top to bottom in LR/RL, left to right in TB/BT unless
/// braced. Rows are always meant top to bottom, so TB/BT get the braces.
QByteArray recordLabel(const QStringList& ports, const QString& rankdir)
{
    QByteArray fields;
    for (int i = 0; i < ports.size(); ++i)
        fields += (i ? "|<p" : "<p") + QByteArray::number(i) + '>';
    const bool vertical = rankdir == QLatin1String("LR") || rankdir == QLatin1String("RL");
    return vertical ? fields : '{' + fields + '}';
}

Error badGraph(const QString& what)
{
    return Error::badInput(what,
                           QStringLiteral("Give every box a unique id and let lines join known boxes "
                                          "and ports."),
                           QStringLiteral("Nothing was laid out."));
}

/// The input checked before Graphviz sees it: Graphviz would otherwise invent missing boxes silently.
Status check(const LayoutGraph& graph, QHash<QString, int>& nodeIndex)
{
    for (int i = 0; i < graph.nodes.size(); ++i) {
        const QString& id = graph.nodes[i].id;
        if (id.isEmpty())
            return badGraph(QStringLiteral("Box %1 of the graph has no id.").arg(i + 1));
        if (nodeIndex.contains(id))
            return badGraph(QStringLiteral("Two boxes of the graph have the id \"%1\".").arg(id));
        nodeIndex.insert(id, i);
    }
    for (const LayoutEdge& edge : graph.edges) {
        for (const auto& [end, port] :
             {std::pair{edge.from, edge.fromPort}, std::pair{edge.to, edge.toPort}}) {
            if (!nodeIndex.contains(end))
                return badGraph(
                    QStringLiteral("A line of the graph joins \"%1\", which is not a box of it.").arg(end));
            if (!port.isEmpty() && !graph.nodes[nodeIndex.value(end)].ports.contains(port))
                return badGraph(
                    QStringLiteral("A line of the graph joins port \"%1\" of \"%2\", which has no "
                                   "such port.")
                        .arg(port, end));
        }
    }
    return {};
}

/// Graphviz's coordinates (origin at the bottom left, y up) to the caller's (origin at the top left, y down).
struct Flip
{
    boxf bb;
    QPointF operator()(pointf p) const { return {p.x - bb.LL.x, bb.UR.y - p.y}; }
    QRectF operator()(boxf b) const { return QRectF((*this)(b.LL), (*this)(b.UR)).normalized(); }
};

QRectF centredRect(QPointF centre, QSizeF size)
{
    return {centre.x() - size.width() / 2, centre.y() - size.height() / 2, size.width(), size.height()};
}

} // namespace

Result<GraphPlacement> GraphLayout::place(const LayoutGraph& graph)
{
    QHash<QString, int> nodeIndex;
    if (Status valid = check(graph, nodeIndex); !valid)
        return valid.error();
    GraphPlacement placement;
    if (graph.nodes.isEmpty())
        return placement;

    const LayoutSettings& settings = graph.settings;
    std::lock_guard lock(graphvizLock());
    QElapsedTimer clock;
    clock.start();
    graphvizMessages().clear();
    agseterr(AGERR);
    agseterrf(collectMessage);
    GVC_t* gvc = context();

    Agraph_t* g = agopen(const_cast<char*>("strata"), Agdirected, nullptr);
    setText(g, declare(g, AGRAPH, "rankdir", ""), settings.rankdir.toUtf8());
    setText(g, declare(g, AGRAPH, "splines", ""), settings.splines.toUtf8());
    setText(g, declare(g, AGRAPH, "nodesep", ""), inches(settings.nodesep));
    setText(g, declare(g, AGRAPH, "ranksep", ""), inches(settings.ranksep));
    // dot keeps a cluster's boxes together itself. Packing a graph that has clusters crashes Graphviz 2.42
    // now and then in gv_postprocess (seen on the ER diagram of a database with several schemas), so a
    // clustered graph is laid out whole.
    const bool clustered = std::any_of(graph.nodes.cbegin(), graph.nodes.cend(),
                                       [](const LayoutNode& n) { return !n.cluster.isEmpty(); });
    if (settings.packComponents && !clustered) {
        setText(g, declare(g, AGRAPH, "pack", ""), "true");
        setText(g, declare(g, AGRAPH, "packmode", ""), "graph");
    }
    for (auto it = settings.extra.cbegin(); it != settings.extra.cend(); ++it)
        setText(g, declare(g, AGRAPH, it.key().toUtf8().constData(), ""), it.value().toUtf8());
    Agsym_t* graphLabel = declare(g, AGRAPH, "label", "");
    declare(g, AGRAPH, "labelloc", "t");
    declare(g, AGRAPH, "labeljust", "l");
    Agsym_t* shape = declare(g, AGNODE, "shape", "box");
    declare(g, AGNODE, "fixedsize", "true");
    Agsym_t* width = declare(g, AGNODE, "width", "1");
    Agsym_t* height = declare(g, AGNODE, "height", "0.5");
    Agsym_t* nodeLabel = declare(g, AGNODE, "label", "");
    Agsym_t* tailport = declare(g, AGEDGE, "tailport", "");
    Agsym_t* headport = declare(g, AGEDGE, "headport", "");
    Agsym_t* dir = declare(g, AGEDGE, "dir", "forward");
    Agsym_t* edgeLabel = declare(g, AGEDGE, "label", "");

    QHash<QString, Agraph_t*> clusters;
    QList<QString> clusterOrder;
    QList<Agnode_t*> nodes;
    for (int i = 0; i < graph.nodes.size(); ++i) {
        const LayoutNode& in = graph.nodes[i];
        Agnode_t* n = agnode(g, const_cast<char*>(("n" + QByteArray::number(i)).constData()), 1);
        setText(n, width, inches(in.width));
        setText(n, height, inches(in.height));
        if (!in.ports.isEmpty()) {
            setText(n, shape, "record");
            setText(n, nodeLabel, recordLabel(in.ports, settings.rankdir));
        }
        if (!in.cluster.isEmpty()) {
            Agraph_t*& sub = clusters[in.cluster];
            if (!sub) {
                const QByteArray name = "cluster_" + QByteArray::number(clusterOrder.size());
                sub = agsubg(g, const_cast<char*>(name.constData()), 1);
                setHtml(sub, sub, graphLabel, emptyLabelOfSize(graph.clusterLabelSize));
                clusterOrder.append(in.cluster);
            }
            agsubnode(sub, n, 1);
        }
        nodes.append(n);
    }
    QList<Agedge_t*> edges;
    for (int i = 0; i < graph.edges.size(); ++i) {
        const LayoutEdge& in = graph.edges[i];
        const int from = nodeIndex.value(in.from);
        const int to = nodeIndex.value(in.to);
        Agedge_t* e = agedge(g, nodes[from], nodes[to],
                             const_cast<char*>(("e" + QByteArray::number(i)).constData()), 1);
        if (!in.fromPort.isEmpty())
            setText(e, tailport, "p" + QByteArray::number(graph.nodes[from].ports.indexOf(in.fromPort)));
        if (!in.toPort.isEmpty())
            setText(e, headport, "p" + QByteArray::number(graph.nodes[to].ports.indexOf(in.toPort)));
        setText(e, dir,
                in.arrowAtFrom ? (in.arrowAtTo ? "both" : "back") : (in.arrowAtTo ? "forward" : "none"));
        if (!in.labelSize.isEmpty())
            setHtml(g, e, edgeLabel, emptyLabelOfSize(in.labelSize));
        edges.append(e);
    }

    if (gvLayout(gvc, g, settings.engine.toUtf8().constData()) != 0) {
        const QString said = graphvizMessages().trimmed();
        agclose(g);
        return Error::failed(
            QStringLiteral("Graphviz could not lay out the graph with the \"%1\" engine%2")
                .arg(settings.engine, said.isEmpty() ? QStringLiteral(".") : QStringLiteral(": ") + said),
            QStringLiteral("Nothing was laid out."),
            QStringLiteral("Use one of Graphviz's engines (dot, neato, fdp, sfdp, circo, twopi)."));
    }

    const Flip flip{GD_bb(g)};
    placement.bounds = flip(GD_bb(g));
    for (int i = 0; i < graph.nodes.size(); ++i) {
        const LayoutNode& in = graph.nodes[i];
        placement.nodes.append({in.id, centredRect(flip(ND_coord(nodes[i])), QSizeF(in.width, in.height))});
    }
    for (int i = 0; i < graph.edges.size(); ++i) {
        const LayoutEdge& in = graph.edges[i];
        PlacedEdge out{i, in.from, in.to, {}, {}, {}, {}};
        if (const splines* route = ED_spl(edges[i])) {
            for (int b = 0; b < route->size; ++b) {
                const bezier& piece = route->list[b];
                for (int p = (b == 0 || out.path.isEmpty()) ? 0 : 1; p < piece.size; ++p)
                    out.path.append(flip(piece.list[p]));
                if (b == 0 && piece.sflag)
                    out.fromTip = flip(piece.sp);
                if (b == route->size - 1 && piece.eflag)
                    out.toTip = flip(piece.ep);
            }
        }
        if (out.path.size() < 2) // no route from Graphviz (rare, with some spline modes): a straight line
            out.path = {placement.nodes[nodeIndex.value(in.from)].centre(),
                        placement.nodes[nodeIndex.value(in.to)].centre()};
        if (const textlabel_t* label = ED_label(edges[i]); label && !in.labelSize.isEmpty())
            out.labelRect = centredRect(flip(label->pos), in.labelSize);
        placement.edges.append(out);
    }
    for (const QString& name : clusterOrder) {
        Agraph_t* sub = clusters.value(name);
        PlacedCluster out{name, graph.clusterLabels.value(name, name), flip(GD_bb(sub)), {}};
        if (const textlabel_t* label = GD_label(sub))
            out.labelRect = centredRect(flip(label->pos), graph.clusterLabelSize);
        placement.clusters.append(out);
    }
    gvFreeLayout(gvc, g);
    agclose(g);
    placement.milliseconds = clock.elapsed();
    return placement;
}

} // namespace strata
