#include "sessions/BlockingTreeView.h"

#include <functional>

#include <QHeaderView>
#include <QSet>

#include "common/Counted.h"
#include "sessions/SessionText.h"
#include "theme/Theme.h"

namespace strata {

namespace {

constexpr int kPidRole = Qt::UserRole;
constexpr int kRootRole = Qt::UserRole + 1;

} // namespace

BlockingTreeView::BlockingTreeView(QWidget* parent) : QTreeWidget(parent)
{
    setHeaderLabels({tr("Session"), tr("Holds / waits"), tr("State"), tr("Statement")});
    setRootIsDecorated(true);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    header()->setStretchLastSection(true);
    header()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    setColumnWidth(SessionColumn, 330);
    setColumnWidth(WaitColumn, 250);
    setColumnWidth(StateColumn, 200);
    connect(&Theme::instance(), &Theme::changed, this, &BlockingTreeView::restyle);
}

QTreeWidgetItem* BlockingTreeView::itemFor(const BlockingSession& s, const SessionsSnapshot& snapshot,
                                           bool root) const
{
    auto* item = new QTreeWidgetItem;
    item->setText(SessionColumn, SessionText::who(s));
    const int behind = snapshot.blockedBehind(s.pid);
    QString role;
    if (root)
        role = tr("holds the lock · %1 waiting").arg(counted(behind, tr("session"), tr("sessions")));
    else
        role = (s.awaitedLock.isEmpty()
                    ? tr("waits (%1)").arg(SessionText::wait(s).isEmpty() ? tr("Lock") : SessionText::wait(s))
                    : tr("waits for %1").arg(s.awaitedLock)) +
               (behind > 0 ? tr(" · %1 waiting for it").arg(counted(behind, tr("session"), tr("sessions")))
                           : QString());
    item->setText(WaitColumn, role);
    QString state = s.state.isEmpty() ? s.backendType : s.state;
    if (s.stateMs >= 0)
        state += QStringLiteral(" · %1").arg(SessionText::duration(s.stateMs));
    item->setText(StateColumn, state);
    // An idle session's query is its last statement, not one it runs now.
    const bool running = s.state == QLatin1String("active");
    item->setText(QueryColumn,
                  (running || s.query.isEmpty() ? QString() : tr("last: ")) + s.query.simplified().left(300));
    item->setToolTip(QueryColumn, s.query.left(2000));
    item->setToolTip(SessionColumn, SessionText::who(s) + QLatin1Char('\n') + s.client);
    item->setData(SessionColumn, kPidRole, s.pid);
    item->setData(SessionColumn, kRootRole, root);
    QFont font = item->font(SessionColumn);
    font.setBold(root);
    item->setFont(SessionColumn, font);
    return item;
}

void BlockingTreeView::display(const SessionsSnapshot& snapshot)
{
    const int selected = selectedPid();
    clear();
    const QList<const BlockingSession*> roots = snapshot.blockingRoots();
    if (roots.isEmpty()) {
        auto* none = new QTreeWidgetItem(this);
        none->setText(SessionColumn, tr("No session waits for another's lock."));
        none->setFlags(Qt::ItemIsEnabled);
        restyle();
        return;
    }
    QSet<int> placed;
    std::function<void(QTreeWidgetItem*, const BlockingSession&)> addChildren =
        [&](QTreeWidgetItem* parent, const BlockingSession& holder) {
            for (int pid : holder.blocks) {
                const BlockingSession* waiter = snapshot.report.find(pid);
                if (!waiter)
                    continue;
                QTreeWidgetItem* child = itemFor(*waiter, snapshot, false);
                parent->addChild(child);
                if (!placed.contains(pid)) { // a cycle or a session waiting for two: drawn once in full
                    placed.insert(pid);
                    addChildren(child, *waiter);
                }
            }
        };
    for (const BlockingSession* root : roots) {
        placed.insert(root->pid);
        QTreeWidgetItem* item = itemFor(*root, snapshot, true);
        addTopLevelItem(item);
        addChildren(item, *root);
    }
    expandAll();
    for (int c : {WaitColumn, StateColumn})
        resizeColumnToContents(c);
    fitSessionColumn();
    restyle();
    selectPid(selected);
}

void BlockingTreeView::fitSessionColumn()
{
    resizeColumnToContents(SessionColumn);
    setColumnWidth(SessionColumn,
                   std::min(columnWidth(SessionColumn) + 12, std::max(380, viewport()->width() / 3)));
}

void BlockingTreeView::resizeEvent(QResizeEvent* event)
{
    QTreeWidget::resizeEvent(event);
    if (topLevelItemCount() > 0)
        fitSessionColumn();
}

void BlockingTreeView::restyle()
{
    const QColor holder = Theme::readable(QColor(0xb0, 0x30, 0x20));
    const QColor waiter = Theme::readable(QColor(0x8a, 0x5a, 0x00));
    for (QTreeWidgetItemIterator it(this); *it; ++it) {
        if (!(*it)->data(SessionColumn, kPidRole).isValid())
            continue;
        const bool root = (*it)->data(SessionColumn, kRootRole).toBool();
        (*it)->setForeground(WaitColumn, root ? holder : waiter);
    }
}

QStringList BlockingTreeView::lines() const
{
    QStringList out;
    for (QTreeWidgetItemIterator it(const_cast<BlockingTreeView*>(this)); *it; ++it) {
        int depth = 0;
        for (QTreeWidgetItem* p = (*it)->parent(); p; p = p->parent())
            ++depth;
        out << QString(depth * 2, QLatin1Char(' ')) + (*it)->text(SessionColumn) + QStringLiteral(" — ") +
                   (*it)->text(WaitColumn);
    }
    return out;
}

int BlockingTreeView::selectedPid() const
{
    const QList<QTreeWidgetItem*> items = selectedItems();
    return items.isEmpty() ? 0 : items.first()->data(SessionColumn, kPidRole).toInt();
}

void BlockingTreeView::selectPid(int pid)
{
    if (pid <= 0)
        return;
    for (QTreeWidgetItemIterator it(this); *it; ++it)
        if ((*it)->data(SessionColumn, kPidRole).toInt() == pid) {
            setCurrentItem(*it);
            return;
        }
}

} // namespace strata
