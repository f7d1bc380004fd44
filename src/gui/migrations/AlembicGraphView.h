#pragma once

#include <memory>

#include <QPointer>
#include <QStringList>

#include "common/DiagramView.h"
#include "common/Result.h"
#include "layout/GraphPlacement.h"
#include "tools/alembic/AlembicStatus.h"

class QGraphicsItem;
class QGraphicsScene;
class QThread;

namespace strata {

/// An Alembic project's revision graph as the timeline draws it: one box per revision, its first revision at
/// the top and its heads at the bottom, a line from each down revision to the revision that revises it
/// (dashed for depends_on). Applied revisions are green, pending ones blue; the revisions alembic_version
/// holds are outlined and marked "current"; heads, merges and branch points carry a tag; heads that no merge
/// joins are red. Every drawn item names itself (data(Role) and data(Id)) so that tests can read the picture.
///
/// Graphviz places the boxes on a worker thread, so that a project of thousands of revisions never freezes
/// the window ("Laying out 2,000 revisions…" meanwhile); a layout finished after a newer graph was asked for
/// is dropped.
class AlembicGraphView : public DiagramView
{
    Q_OBJECT

public:
    /// What an item of the scene is: data(Role) is "revision", "edge", "tag", "legend" or "warning" (an
    /// alembic_version row that no revision file has).
    static constexpr int Role = 0;
    /// A revision's id; an edge's "<down revision>-><revision>"; a tag's text.
    static constexpr int Id = 1;
    /// A revision's state ("applied", "pending"); an edge's kind ("down_revision", "depends_on").
    static constexpr int Kind = 2;
    /// A revision that is a head no merge joins: true.
    static constexpr int Conflict = 3;

    explicit AlembicGraphView(QWidget* parent = nullptr);
    ~AlembicGraphView() override;

    /// Starts laying out `status`'s graph on a worker and draws it when the worker is done (laidOut).
    void showGraph(const AlembicStatus& status);
    /// Empties the picture; a layout still running is dropped when it finishes.
    void clearGraph();
    /// A layout runs on the worker: the picture holds only the "Laying out…" message.
    bool isLayingOut() const { return m_layingOut; }
    /// Workers still running a layout, a dropped one included (each ends on its own; the view waits for them
    /// only when it closes).
    int layoutsRunning() const;

    /// The items drawn for `role`, in drawing order.
    QList<QGraphicsItem*> itemsOf(const QString& role) const;
    /// The box of a revision, or null.
    QGraphicsItem* revisionItem(const QString& id) const;
    /// The texts drawn inside and on a revision's box (id, message, tags).
    QStringList textsOf(const QString& id) const;
    /// Selects a revision's box and scrolls to it (the step chosen in the list); empty clears the selection.
    void selectRevision(const QString& id);
    /// The selected revision, empty when none is.
    QString selectedRevision() const;

Q_SIGNALS:
    /// The operator clicked a revision's box.
    void revisionSelected(const QString& id);
    /// A layout of `revisions` boxes started on the worker.
    void layoutStarted(int revisions);
    /// The graph is drawn: `revisions` boxes, Graphviz took `milliseconds` on the worker.
    void laidOut(int revisions, qint64 milliseconds);

private:
    struct Pending; ///< what a layout on the worker is for: the status and each edge's kind
    /// Draws `pending`'s graph as Graphviz placed it.
    void draw(const Pending& pending, const Result<GraphPlacement>& placed);

    QGraphicsScene* m_scene;
    QList<QPointer<QThread>> m_workers;
    int m_generation = 0; ///< a layout's result is drawn only if no later graph was asked for meanwhile
    bool m_layingOut = false;
    QString m_selectWhenDrawn; ///< a revision chosen in the list while its graph was being laid out
};

} // namespace strata
