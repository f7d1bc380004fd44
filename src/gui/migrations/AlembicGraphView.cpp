#include "migrations/AlembicGraphView.h"

#include <algorithm>
#include <optional>
#include <utility>

#include <QFontDatabase>
#include <QFontMetricsF>
#include <QGraphicsPathItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QPen>
#include <QSignalBlocker>
#include <QThread>

#include "common/Counted.h"
#include "common/GraphRoute.h"
#include "layout/GraphLayout.h"
#include "theme/Theme.h"

namespace strata {

namespace {

constexpr double kWidth = 212;
constexpr double kHeight = 70; ///< three lines: the id, the message, the tags
constexpr double kPad = 8;

// The light theme's colours; on the dark theme (View > Theme) texts and lines are lightened and fills
// deepened, same hues. Read when the graph is drawn: the timeline draws it again when the theme switches.
QColor pick(const QColor& light, const QColor& dark)
{
    return Theme::isDark() ? dark : light;
}
QColor kApplied()
{
    return Theme::readable(QColor(0x2e, 0x7d, 0x32));
}
QColor kAppliedFill()
{
    return pick(QColor(0xe8, 0xf5, 0xe9), QColor(0x1f, 0x33, 0x22));
}
QColor kPending()
{
    return Theme::readable(QColor(0x1f, 0x4e, 0x99));
}
QColor kPendingFill()
{
    return pick(QColor(0xe3, 0xed, 0xfb), QColor(0x1d, 0x2b, 0x40));
}
QColor kConflict()
{
    return Theme::readable(QColor(0xc6, 0x28, 0x28));
}
QColor kConflictFill()
{
    return pick(QColor(0xfd, 0xec, 0xec), QColor(0x3d, 0x24, 0x24));
}
QColor kEdge()
{
    return pick(QColor(0x60, 0x60, 0x60), QColor(0x9a, 0x9a, 0x9a));
}
/// A branch label.
QColor kLabel()
{
    return Theme::readable(QColor(0x6a, 0x1b, 0x9a));
}
QColor kMuted()
{
    return Theme::readable(QColor(0x55, 0x55, 0x55));
}
QColor kText(int grey)
{
    return pick(QColor(grey, grey, grey), QColor(0xe6, 0xe6, 0xe6));
}

QGraphicsSimpleTextItem* text(QGraphicsItem* parent, const QString& s, const QFont& font,
                              const QColor& colour)
{
    auto* t = new QGraphicsSimpleTextItem(s, parent);
    t->setFont(font);
    t->setBrush(colour);
    return t;
}

/// A rounded tag ("head", "merge", "current") whose right edge is at `right`.
double tag(QGraphicsItem* parent, const QString& label, double right, double y, const QColor& colour,
           bool filled)
{
    QFont font = QFontDatabase::systemFont(QFontDatabase::GeneralFont);
    font.setPointSizeF(7.5);
    font.setBold(true);
    const QFontMetricsF metrics(font);
    const double w = metrics.horizontalAdvance(label) + 10;
    const double h = metrics.height() + 2;
    QPainterPath path;
    path.addRoundedRect(QRectF(right - w, y, w, h), h / 2, h / 2);
    auto* pill = new QGraphicsPathItem(path, parent);
    pill->setPen(QPen(colour, 1));
    pill->setBrush(filled ? colour : pick(Qt::white, QColor(0x1f, 0x21, 0x24)));
    pill->setData(AlembicGraphView::Role, QStringLiteral("tag"));
    pill->setData(AlembicGraphView::Id, label);
    auto* t = text(pill, label, font, filled ? pick(Qt::white, QColor(0x1c, 0x1e, 0x21)) : colour);
    t->setPos(right - w + 5, y + 1);
    return w;
}

/// `text` broken into lines no wider than `width` in `font`.
QString wrapped(const QString& text, const QFont& font, double width)
{
    const QFontMetricsF metrics(font);
    QStringList lines{QString()};
    for (const QString& word : text.split(QLatin1Char(' '))) {
        const QString candidate = lines.last().isEmpty() ? word : lines.last() + QLatin1Char(' ') + word;
        if (metrics.horizontalAdvance(candidate) > width && !lines.last().isEmpty())
            lines << word;
        else
            lines.last() = candidate;
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

AlembicGraphView::AlembicGraphView(QWidget* parent)
    : DiagramView(Wheel::CtrlZooms, 0.3, 0.8, parent), m_scene(new QGraphicsScene(this))
{
    setScene(m_scene);
    setBackgroundBrush(pick(QColor(0xfa, 0xfa, 0xfa), QColor(0x1b, 0x1d, 0x20)));
    connect(&Theme::instance(), &Theme::changed, this,
            [this] { setBackgroundBrush(pick(QColor(0xfa, 0xfa, 0xfa), QColor(0x1b, 0x1d, 0x20))); });
    setMinimumWidth(280);
    setAlignment(Qt::AlignTop | Qt::AlignHCenter); // the first revisions at the top, as in the list
    setToolTip(tr("The Alembic revision graph: click a revision to see its step, Ctrl+wheel zooms, dragging "
                  "moves it"));
    connect(m_scene, &QGraphicsScene::selectionChanged, this, [this] {
        if (const QString id = selectedRevision(); !id.isEmpty())
            Q_EMIT revisionSelected(id);
    });
}

struct AlembicGraphView::Pending
{
    AlembicStatus status;
    QList<QPair<QString, QString>> kinds; ///< per edge: "<down>-><revision>" and down_revision or depends_on
};

AlembicGraphView::~AlembicGraphView()
{
    // Graphviz cannot be interrupted: a layout still running is waited for, only when the view closes.
    for (const QPointer<QThread>& worker : m_workers)
        if (worker)
            worker->wait();
}

int AlembicGraphView::layoutsRunning() const
{
    int running = 0;
    for (const QPointer<QThread>& worker : m_workers)
        if (worker && !worker->isFinished())
            ++running;
    return running;
}

void AlembicGraphView::clearGraph()
{
    ++m_generation; // a layout still running is for a graph no longer asked for
    m_layingOut = false;
    m_selectWhenDrawn.clear();
    m_scene->clear();
}

void AlembicGraphView::showGraph(const AlembicStatus& status)
{
    clearGraph();
    const int generation = m_generation;
    auto pending = std::make_shared<Pending>();
    pending->status = status;
    const AlembicGraph& graph = pending->status.graph;

    LayoutGraph layout;
    layout.settings.rankdir = QStringLiteral("TB");
    layout.settings.nodesep = 16;
    layout.settings.ranksep = 34;
    layout.settings.packComponents = false;
    const QStringList order = graph.order();
    for (const QString& id : order) {
        LayoutNode node;
        node.id = id;
        node.width = kWidth;
        node.height = kHeight;
        layout.nodes << node;
    }
    for (const QString& id : order) {
        const AlembicRevision* rev = graph.revision(id);
        for (const QString& parent : graph.requirements(id)) {
            LayoutEdge edge;
            edge.from = parent;
            edge.to = id;
            layout.edges << edge;
            pending->kinds << qMakePair(parent + QStringLiteral("->") + id,
                                        rev->downRevisions.contains(parent) ? QStringLiteral("down_revision")
                                                                            : QStringLiteral("depends_on"));
        }
    }

    // Graphviz on a worker: the window stays live while a long history is placed.
    const int revisions = static_cast<int>(order.size());
    m_layingOut = true;
    auto* message =
        m_scene->addSimpleText(tr("Laying out %1…").arg(counted(revisions, tr("revision"), tr("revisions"))));
    message->setData(Role, QStringLiteral("message"));
    message->setBrush(kMuted());
    m_scene->setSceneRect(m_scene->itemsBoundingRect().adjusted(-10, -10, 10, 10));
    Q_EMIT layoutStarted(revisions);

    auto result = std::make_shared<std::optional<Result<GraphPlacement>>>();
    QThread* worker =
        QThread::create([layout = std::move(layout), result] { *result = GraphLayout::place(layout); });
    worker->setObjectName(QStringLiteral("Alembic graph layout"));
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    connect(worker, &QThread::finished, this, [this, generation, pending, result, revisions] {
        if (generation != m_generation || !result->has_value())
            return; // a later graph took over
        m_layingOut = false;
        m_scene->clear();
        draw(*pending, **result);
        if (!m_selectWhenDrawn.isEmpty())
            selectRevision(std::exchange(m_selectWhenDrawn, QString()));
        Q_EMIT laidOut(revisions, (*result)->ok() ? (**result)->milliseconds : 0);
    });
    m_workers.removeAll(nullptr);
    m_workers.append(worker);
    worker->start();
}

void AlembicGraphView::draw(const Pending& pending, const Result<GraphPlacement>& placed)
{
    const AlembicStatus& status = pending.status;
    const auto& kinds = pending.kinds;
    const AlembicGraph& graph = status.graph;
    QSet<QString> conflicting;
    for (const QStringList& group : status.conflicts)
        for (const QString& id : group)
            conflicting.insert(id);
    const QStringList heads = graph.heads();
    const QStringList merges = graph.merges();
    const QStringList branchPoints = graph.branchPoints();
    if (!placed) {
        auto* t =
            m_scene->addSimpleText(tr("The revision graph cannot be drawn: %1").arg(placed.error().what));
        t->setData(Role, QStringLiteral("legend"));
        return;
    }

    // Legend first, above the graph, so it never covers a box.
    QFont small = QFontDatabase::systemFont(QFontDatabase::GeneralFont);
    small.setPointSizeF(8);
    const QString legendText =
        tr("Alembic revisions: green applied, blue pending, red: a head no merge joins. "
           "Lines go from a revision's down_revision to it (dashed: depends_on).");
    auto* legend = m_scene->addSimpleText(QString(), small);
    legend->setData(Role, QStringLiteral("legend"));
    legend->setBrush(kMuted());
    // Text is wrapped to the graph's width, never narrower than two boxes side by side.
    const double textWidth = std::max(placed->bounds.width(), 2 * kWidth + 16);
    legend->setText(wrapped(legendText, small, textWidth));
    const double left = (textWidth - placed->bounds.width()) / 2; // a narrow graph is centred under the text
    double top = legend->boundingRect().height() + 14;
    if (!status.unknownCurrent.isEmpty()) {
        // alembic_version names a revision no file has: the database is ahead of these files.
        QFont bold = small;
        bold.setBold(true);
        auto* ahead = m_scene->addSimpleText(
            wrapped(tr("alembic_version holds %1, which no revision file here has: the database is ahead of "
                       "these files (or they are not the project that migrated it).")
                        .arg(status.unknownCurrent.join(QStringLiteral(", "))),
                    bold, textWidth),
            bold);
        ahead->setBrush(kConflict());
        ahead->setData(Role, QStringLiteral("warning"));
        ahead->setPos(0, top - 6);
        top += ahead->boundingRect().height() + 8;
    }

    for (const PlacedEdge& e : placed->edges) {
        const QString kind = kinds.value(e.index).second;
        QPainterPath curve = graphroute::curve(e.path);
        curve.translate(left, top);
        auto* line = m_scene->addPath(
            curve, QPen(kEdge(), 1.4, kind == QLatin1String("depends_on") ? Qt::DashLine : Qt::SolidLine));
        line->setData(Role, QStringLiteral("edge"));
        line->setData(Id, kinds.value(e.index).first);
        line->setData(Kind, kind);
        line->setZValue(-1);
        if (e.toTip && !e.path.isEmpty()) {
            QPolygonF arrow = graphroute::arrowhead(e.path.last(), *e.toTip);
            arrow.translate(left, top);
            auto* head = m_scene->addPolygon(arrow, QPen(kEdge()), QBrush(kEdge()));
            head->setParentItem(line);
        }
    }

    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(9);
    mono.setBold(true);
    QFont body = QFontDatabase::systemFont(QFontDatabase::GeneralFont);
    body.setPointSizeF(9);
    const QFontMetricsF bodyMetrics(body);
    for (const PlacedNode& n : placed->nodes) {
        const AlembicRevision* rev = graph.revision(n.id);
        const bool applied = status.isApplied(n.id);
        const bool current = status.isCurrent(n.id);
        const bool conflict = conflicting.contains(n.id);
        const QColor edge = conflict ? kConflict() : applied ? kApplied() : kPending();
        const QColor fill = conflict ? kConflictFill() : applied ? kAppliedFill() : kPendingFill();
        const QRectF rect = n.rect.translated(left, top);
        QPainterPath path;
        path.addRoundedRect(QRectF(0, 0, rect.width(), rect.height()), 7, 7);
        auto* box = m_scene->addPath(path, QPen(edge, current ? 3.2 : 1.3), QBrush(fill));
        box->setPos(rect.topLeft());
        box->setData(Role, QStringLiteral("revision"));
        box->setData(Id, n.id);
        box->setData(Kind, applied ? QStringLiteral("applied") : QStringLiteral("pending"));
        box->setData(Conflict, conflict);
        box->setFlag(QGraphicsItem::ItemIsSelectable);
        box->setToolTip(QStringLiteral("%1\n%2\n%3").arg(n.id, rev->message, rev->path));

        // The id on the top line, the message below it (its first line, the whole of it in the tooltip), the
        // tags on the bottom line from the right edge leftwards.
        const QFontMetricsF monoMetrics(mono);
        auto* id = text(box, monoMetrics.elidedText(n.id, Qt::ElideMiddle, rect.width() - 2 * kPad), mono,
                        kText(0x21));
        id->setPos(kPad, 6);
        QStringList tags;
        if (current)
            tags << tr("current");
        if (heads.contains(n.id))
            tags << tr("head");
        if (merges.contains(n.id))
            tags << tr("merge");
        if (branchPoints.contains(n.id))
            tags << tr("branch point");
        for (const QString& label : rev->branchLabels)
            tags << label;
        double right = rect.width() - kPad;
        const double tagsTop = rect.height() - bodyMetrics.height() - 5;
        for (const QString& t : tags) {
            const bool strong = t == tr("current") || (t == tr("head") && conflict);
            const bool label = rev->branchLabels.contains(t);
            right -= tag(box, t, right, tagsTop,
                         t == tr("current") ? edge
                         : label            ? kLabel()
                         : conflict         ? kConflict()
                                            : kMuted(),
                         strong) +
                     4;
        }
        const QString message = rev->message.section(QLatin1Char('\n'), 0, 0);
        auto* msg = text(box,
                         bodyMetrics.elidedText(message.isEmpty() ? rev->slug() : message, Qt::ElideRight,
                                                rect.width() - 2 * kPad),
                         body, kText(0x33));
        msg->setPos(kPad, 6 + QFontMetricsF(mono).height() + 3);
    }
    m_scene->setSceneRect(m_scene->itemsBoundingRect().adjusted(-10, -10, 10, 10));

    // Readable first: fit the width if that stays readable, then show the current revision (or the first
    // pending one) rather than shrinking a long history to nothing.
    const double widthZoom = (viewport()->width() - 20) / std::max(1.0, m_scene->sceneRect().width());
    setZoom(std::clamp(widthZoom, 0.75, 1.0));
    QString focus = status.current.isEmpty() ? QString() : status.current.first();
    if (focus.isEmpty())
        for (const QString& id : graph.order())
            if (!status.isApplied(id)) {
                focus = id;
                break;
            }
    if (QGraphicsItem* item = revisionItem(focus))
        centerOn(item->sceneBoundingRect().center());
}

void AlembicGraphView::selectRevision(const QString& id)
{
    if (m_layingOut) { // chosen before the boxes are drawn: selected once they are
        m_selectWhenDrawn = id;
        return;
    }
    QGraphicsItem* item = revisionItem(id);
    if (item && item->isSelected())
        return;
    const QSignalBlocker quiet(m_scene); // chosen in the list: no echo back to it
    m_scene->clearSelection();
    if (!item)
        return;
    item->setSelected(true);
    ensureVisible(item, 20, 20);
}

QString AlembicGraphView::selectedRevision() const
{
    const auto selected = m_scene->selectedItems();
    for (QGraphicsItem* item : selected)
        if (item->data(Role).toString() == QLatin1String("revision"))
            return item->data(Id).toString();
    return {};
}

QList<QGraphicsItem*> AlembicGraphView::itemsOf(const QString& role) const
{
    QList<QGraphicsItem*> list;
    const auto all = m_scene->items(Qt::AscendingOrder);
    for (QGraphicsItem* item : all)
        if (item->data(Role).toString() == role)
            list << item;
    return list;
}

QGraphicsItem* AlembicGraphView::revisionItem(const QString& id) const
{
    for (QGraphicsItem* item : itemsOf(QStringLiteral("revision")))
        if (item->data(Id).toString() == id)
            return item;
    return nullptr;
}

QStringList AlembicGraphView::textsOf(const QString& id) const
{
    QStringList texts;
    QGraphicsItem* box = revisionItem(id);
    if (!box)
        return texts;
    QList<QGraphicsItem*> stack = box->childItems();
    while (!stack.isEmpty()) {
        QGraphicsItem* item = stack.takeFirst();
        if (auto* t = dynamic_cast<QGraphicsSimpleTextItem*>(item))
            texts << t->text();
        stack << item->childItems();
    }
    return texts;
}

} // namespace strata
