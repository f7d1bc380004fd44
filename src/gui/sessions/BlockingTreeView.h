#pragma once

#include <QTreeWidget>

#include "sessions/SessionsSnapshot.h"

namespace strata {

/// Who blocks whom: each session that holds a lock others wait for, the ones that hold up the most first,
/// with the sessions waiting for it beneath it (and those waiting for them beneath those). Each item
/// carries its session's pid (Qt::UserRole).
class BlockingTreeView : public QTreeWidget
{
    Q_OBJECT

public:
    enum Column { SessionColumn, WaitColumn, StateColumn, QueryColumn };

    explicit BlockingTreeView(QWidget* parent = nullptr);
    void display(const SessionsSnapshot& snapshot);
    /// The tree as text, one line per session, indented as it is drawn (for tests and copying).
    QStringList lines() const;
    int selectedPid() const;
    void selectPid(int pid);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void restyle();
    /// The session column as wide as its names, up to a third of the view (at least 380 px).
    void fitSessionColumn();
    QTreeWidgetItem* itemFor(const BlockingSession& s, const SessionsSnapshot& snapshot, bool root) const;
};

} // namespace strata
