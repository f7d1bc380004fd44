#include "sessions/SessionTable.h"

#include <QHeaderView>

#include "sessions/SessionText.h"
#include "theme/Theme.h"

namespace strata {

namespace {

QTableWidgetItem* cell(const QString& text, bool number = false)
{
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    if (number)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QString pids(const QList<int>& list)
{
    QStringList out;
    for (int p : list)
        out << QString::number(p);
    return out.join(QStringLiteral(", "));
}

} // namespace

SessionTable::SessionTable(QWidget* parent) : QTableWidget(parent)
{
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setAlternatingRowColors(true);
    setShowGrid(false);
    setWordWrap(false);
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    connect(&Theme::instance(), &Theme::changed, this, &SessionTable::restyle);
}

void SessionTable::display(const SessionsSnapshot& snapshot)
{
    const int selected = selectedPid();
    setSortingEnabled(false);
    if (snapshot.dialect == Dialect::Sqlite)
        showFileHolders(snapshot);
    else
        showServer(snapshot);
    restyle();
    selectPid(selected);
}

void SessionTable::showServer(const SessionsSnapshot& snapshot)
{
    setColumnCount(QueryColumn + 1);
    QStringList headers(QueryColumn + 1);
    headers[PidColumn] = tr("PID");
    headers[UserColumn] = tr("User");
    headers[ApplicationColumn] = tr("Application");
    headers[StateColumn] = tr("State");
    headers[WaitColumn] = tr("Waits for");
    headers[BlockedByColumn] = tr("Blocked by");
    headers[QueryAgeColumn] = tr("Statement for");
    headers[TransactionAgeColumn] = tr("Transaction for");
    headers[DatabaseColumn] = tr("Database");
    headers[ClientColumn] = tr("Client");
    headers[BackendColumn] = tr("Process");
    headers[QueryColumn] = tr("Statement (the last one when idle)");
    setHorizontalHeaderLabels(headers);
    const auto& sessions = snapshot.report.sessions;
    setRowCount(int(sessions.size()));
    for (int row = 0; row < sessions.size(); ++row) {
        const BlockingSession& s = sessions[row];
        QTableWidgetItem* pid = cell(QString::number(s.pid), true);
        pid->setData(Qt::UserRole, s.pid);
        setItem(row, PidColumn, pid);
        setItem(row, UserColumn, cell(s.user));
        setItem(row, ApplicationColumn, cell(s.applicationName));
        setItem(row, ClientColumn, cell(s.client));
        setItem(row, DatabaseColumn, cell(s.database));
        setItem(row, StateColumn, cell(s.state));
        setItem(
            row, QueryAgeColumn,
            cell(s.state == QLatin1String("active") ? SessionText::duration(s.queryMs) : QString(), true));
        setItem(row, TransactionAgeColumn, cell(SessionText::duration(s.transactionMs), true));
        QTableWidgetItem* wait = cell(SessionText::wait(s));
        wait->setToolTip(s.awaitedLock.isEmpty() ? QString() : tr("Waits for %1").arg(s.awaitedLock));
        setItem(row, WaitColumn, wait);
        setItem(row, BlockedByColumn, cell(pids(s.blockedBy)));
        setItem(row, BackendColumn, cell(s.backendType));
        QTableWidgetItem* query = cell(s.query.simplified().left(300));
        query->setToolTip(s.query.left(2000));
        setItem(row, QueryColumn, query);
    }
    resizeColumnsToContents();
    for (int c = 0; c < QueryColumn; ++c)
        setColumnWidth(c, std::min(columnWidth(c), c == DatabaseColumn || c == ClientColumn ? 150 : 220));
}

void SessionTable::showFileHolders(const SessionsSnapshot& snapshot)
{
    setColumnCount(2);
    setHorizontalHeaderLabels({tr("PID"), tr("Process that has the file open")});
    const auto& sessions = snapshot.report.sessions;
    setRowCount(int(sessions.size()));
    for (int row = 0; row < sessions.size(); ++row) {
        QTableWidgetItem* pid = cell(QString::number(sessions[row].pid), true);
        pid->setData(Qt::UserRole, sessions[row].pid);
        setItem(row, 0, pid);
        setItem(row, 1, cell(sessions[row].applicationName));
    }
    resizeColumnsToContents();
    setColumnWidth(0, std::max(columnWidth(0), 90));
}

void SessionTable::restyle()
{
    if (columnCount() <= BlockedByColumn)
        return;
    const QColor blocked = Theme::readable(QColor(0x8a, 0x5a, 0x00));
    for (int row = 0; row < rowCount(); ++row) {
        const bool waits = item(row, BlockedByColumn) && !item(row, BlockedByColumn)->text().isEmpty();
        for (int c = 0; c < columnCount(); ++c)
            if (QTableWidgetItem* it = item(row, c))
                it->setData(Qt::ForegroundRole, waits ? QVariant(blocked) : QVariant());
    }
}

int SessionTable::selectedPid() const
{
    const QList<QTableWidgetItem*> items = selectedItems();
    if (items.isEmpty())
        return 0;
    const QTableWidgetItem* first = item(items.first()->row(), PidColumn);
    return first ? first->data(Qt::UserRole).toInt() : 0;
}

int SessionTable::rowOf(int pid) const
{
    for (int row = 0; row < rowCount(); ++row)
        if (item(row, PidColumn) && item(row, PidColumn)->data(Qt::UserRole).toInt() == pid)
            return row;
    return -1;
}

void SessionTable::selectPid(int pid)
{
    const int row = pid > 0 ? rowOf(pid) : -1;
    if (row >= 0)
        selectRow(row);
}

} // namespace strata
