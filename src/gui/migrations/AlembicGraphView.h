#pragma once

#include <QStringList>

#include "common/DiagramView.h"
#include "tools/alembic/AlembicStatus.h"

class QGraphicsItem;
class QGraphicsScene;

namespace strata {

/// An Alembic project's revision graph as the timeline draws it: one box per revision, its first revision at
/// the top and its heads at the bottom, a line from each down revision to the revision that revises it
/// (dashed for depends_on). Applied revisions are green, pending ones blue; the revisions alembic_version
/// holds are outlined and marked "current"; heads, merges and branch points carry a tag; heads that no merge
/// joins are red. Every drawn item names itself (data(Role) and data(Id)) so that tests can read the picture.
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

    void showGraph(const AlembicStatus& status);
    void clearGraph();

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

private:
    QGraphicsScene* m_scene;
};

} // namespace strata
