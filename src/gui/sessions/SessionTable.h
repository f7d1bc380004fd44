#pragma once

#include <QTableWidget>

#include "sessions/SessionsSnapshot.h"

namespace strata {

/// Every session of the server, one row each (PostgreSQL), or the processes that have the SQLite file open.
/// Each row carries its pid (Qt::UserRole on the first cell).
class SessionTable : public QTableWidget
{
    Q_OBJECT

public:
    enum Column {
        PidColumn,
        UserColumn,
        ApplicationColumn,
        StateColumn,
        WaitColumn,
        BlockedByColumn,
        QueryAgeColumn,
        TransactionAgeColumn,
        DatabaseColumn,
        ClientColumn,
        BackendColumn,
        QueryColumn
    };

    explicit SessionTable(QWidget* parent = nullptr);
    void display(const SessionsSnapshot& snapshot);
    int selectedPid() const;
    void selectPid(int pid);
    /// The row of `pid`, -1 when it is not listed.
    int rowOf(int pid) const;

private:
    void restyle();
    void showServer(const SessionsSnapshot& snapshot);
    void showFileHolders(const SessionsSnapshot& snapshot);
};

} // namespace strata
