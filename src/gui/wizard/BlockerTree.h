#pragma once

#include <QTreeWidget>

#include "preflight/BlockerReport.h"

namespace strata {

/// The live blockers as a blocking tree: each session that blocks others at the top, the sessions it blocks
/// under it, with pid, application, state, age, its locks on the plan's tables (or why it is listed) and
/// its query. A session that surely holds up the first step says so in words and with an icon. On SQLite:
/// the processes that have the file open, by name and pid.
class BlockerTree : public QTreeWidget
{
    Q_OBJECT

public:
    enum Column { PidColumn, ApplicationColumn, StateColumn, AgeColumn, WhyColumn, QueryColumn };
    /// Each row carries its session's pid in this role of PidColumn.
    static constexpr int PidRole = Qt::UserRole;

    explicit BlockerTree(QWidget* parent = nullptr);

    void showReport(const BlockerReport& report);
    /// The pid of the selected session; 0 when none is selected.
    int selectedPid() const;
    /// The pids shown, top to bottom (children after their parent).
    QList<int> shownPids() const;
    bool selectPid(int pid);
    /// "3 s", "4 min 10 s"; empty for -1.
    static QString age(qint64 ms);

private:
    QTreeWidgetItem* addSession(const BlockerReport& report, const BlockingSession& session,
                                QTreeWidgetItem* parent, QList<int>& path);
};

} // namespace strata
