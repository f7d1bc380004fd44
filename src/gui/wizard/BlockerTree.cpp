#include "wizard/BlockerTree.h"

#include <QApplication>
#include <QHeaderView>
#include <QStyle>
#include <QTreeWidgetItemIterator>

#include "theme/Theme.h"

namespace strata {

BlockerTree::BlockerTree(QWidget* parent) : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("blockerTree"));
    setHeaderLabels(
        {tr("Session"), tr("Application"), tr("State"), tr("Age"), tr("Why it is listed"), tr("Query")});
    setRootIsDecorated(true);
    setUniformRowHeights(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    header()->setStretchLastSection(true);
}

QString BlockerTree::age(qint64 ms)
{
    if (ms < 0)
        return {};
    const qint64 s = ms / 1000;
    if (s < 60)
        return tr("%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
    if (s < 3600)
        return tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    return tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
}

QTreeWidgetItem* BlockerTree::addSession(const BlockerReport& report, const BlockingSession& session,
                                         QTreeWidgetItem* parent, QList<int>& path)
{
    const bool blocks = session.blocksThePlan(report.longTransactionMs);
    QString query = session.query.simplified();
    if (query.size() > 200)
        query = query.left(197) + QStringLiteral("...");
    const QStringList texts = {QStringLiteral("pid %1").arg(session.pid),
                               session.applicationName.isEmpty() ? tr("(no name)") : session.applicationName,
                               session.state,
                               age(session.transactionMs >= 0 ? session.transactionMs : session.stateMs),
                               (blocks ? tr("BLOCKS THE PLAN: ") : QString()) +
                                   session.reasons(report.longTransactionMs).join(QStringLiteral("; ")),
                               query};
    auto* item = parent ? new QTreeWidgetItem(parent, texts) : new QTreeWidgetItem(this, texts);
    item->setData(PidColumn, PidRole, session.pid);
    item->setIcon(PidColumn, QApplication::style()->standardIcon(blocks ? QStyle::SP_MessageBoxCritical
                                                                        : QStyle::SP_MessageBoxWarning));
    if (blocks)
        item->setForeground(WhyColumn, Theme::readable(QColor(0xb7, 0x1c, 0x1c)));
    QString tip = session.title() + QLatin1Char('\n') +
                  session.reasons(report.longTransactionMs).join(QStringLiteral("; "));
    if (!session.client.isEmpty())
        tip += tr("\nfrom %1").arg(session.client);
    if (!session.query.isEmpty())
        tip += tr("\nquery: %1").arg(session.query);
    for (int c = 0; c < columnCount(); ++c)
        item->setToolTip(c, tip);
    path << session.pid;
    for (int pid : session.blocks)
        if (const BlockingSession* blocked = report.find(pid); blocked && !path.contains(pid))
            addSession(report, *blocked, item, path);
    path.removeLast();
    item->setExpanded(true);
    return item;
}

void BlockerTree::showReport(const BlockerReport& report)
{
    const int selected = selectedPid();
    clear();
    QList<int> path;
    for (const auto& root : report.roots())
        addSession(report, root, nullptr, path);
    for (int c = 0; c < QueryColumn; ++c)
        resizeColumnToContents(c);
    setColumnWidth(WhyColumn, std::min(columnWidth(WhyColumn), 380));
    // The session to act on first: the one selected before, else the first that surely holds up the plan.
    if (selected == 0 || !selectPid(selected))
        for (const auto& s : report.planBlockers())
            if (selectPid(s.pid))
                break;
}

int BlockerTree::selectedPid() const
{
    const QTreeWidgetItem* item = currentItem();
    return item && item->isSelected() ? item->data(PidColumn, PidRole).toInt() : 0;
}

QList<int> BlockerTree::shownPids() const
{
    QList<int> pids;
    for (QTreeWidgetItemIterator it(const_cast<BlockerTree*>(this)); *it; ++it)
        pids << (*it)->data(PidColumn, PidRole).toInt();
    return pids;
}

bool BlockerTree::selectPid(int pid)
{
    for (QTreeWidgetItemIterator it(this); *it; ++it)
        if ((*it)->data(PidColumn, PidRole).toInt() == pid) {
            setCurrentItem(*it);
            (*it)->setSelected(true);
            return true;
        }
    return false;
}

} // namespace strata
