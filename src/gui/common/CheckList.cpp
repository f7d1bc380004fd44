#include "common/CheckList.h"

#include <QHeaderView>
#include <QStyle>

#include "common/MenuRemedy.h"
#include "theme/Theme.h"

namespace strata {

CheckList::CheckList(QWidget* parent) : QTreeWidget(parent)
{
    setColumnCount(3);
    setHeaderLabels({tr("Check"), tr("Result"), tr("Details")});
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setWordWrap(true);
    header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    header()->setStretchLastSection(true);
}

void CheckList::add(const CheckResult& check)
{
    auto* item = new QTreeWidgetItem(this);
    item->setText(0, check.name);
    const QString detail = MenuRemedy::wording(check.detail);
    switch (check.state) {
    case CheckResult::State::Passed:
        ++m_passed;
        item->setText(1, tr("passed"));
        item->setIcon(1, style()->standardIcon(QStyle::SP_DialogApplyButton));
        break;
    case CheckResult::State::Failed:
        ++m_failed;
        item->setText(1, tr("FAILED"));
        item->setIcon(1, style()->standardIcon(QStyle::SP_MessageBoxCritical));
        item->setForeground(1, Theme::readable(QColor(0xb0, 0x20, 0x20)));
        break;
    case CheckResult::State::NotRun:
        item->setText(1, tr("not run"));
        item->setIcon(1, style()->standardIcon(QStyle::SP_MessageBoxInformation));
        break;
    }
    item->setText(2, detail);
    item->setToolTip(2, detail);
    scrollToItem(item);
}

void CheckList::addNote(const QString& text)
{
    auto* item = new QTreeWidgetItem(this);
    item->setText(0, text);
    item->setFirstColumnSpanned(true);
    QFont font = item->font(0);
    font.setBold(true);
    item->setFont(0, font);
}

void CheckList::annotateLastFailure(const QString& whatToDo)
{
    for (int i = topLevelItemCount() - 1; i >= 0; --i) {
        QTreeWidgetItem* item = topLevelItem(i);
        if (item->text(1) != tr("FAILED"))
            continue;
        const QString detail =
            item->text(2) + QStringLiteral("\n") + tr("What to do: %1").arg(MenuRemedy::wording(whatToDo));
        item->setText(2, detail);
        item->setToolTip(2, detail);
        return;
    }
}

void CheckList::reset()
{
    clear();
    m_failed = 0;
    m_passed = 0;
}

} // namespace strata
