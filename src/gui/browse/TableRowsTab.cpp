#include "browse/TableRowsTab.h"

#include <QLabel>
#include <QTabWidget>

#include "browse/DataGridPage.h"
#include "schema/TablePage.h"

namespace strata {

TableRowsTab::TableRowsTab(TablePage& page) : QObject(&page), m_page(page)
{
    connect(&page, &TablePage::tableShown, this, &TableRowsTab::onTableShown);
    connect(page.tabs(), &QTabWidget::currentChanged, this, &TableRowsTab::onTabChanged);
}

void TableRowsTab::clear()
{
    m_table = {};
    showPlaceholder(tr("The table's rows are browsed here."));
}

void TableRowsTab::onTableShown(const TableInfo& table, Dialect)
{
    m_table = table;
    if (m_page.tabs()->currentIndex() == TablePage::DataTab)
        showGrid();
    else
        showPlaceholder(tr("The rows of %1 are read when this tab is opened.").arg(table.qualifiedName()));
}

void TableRowsTab::onTabChanged(int index)
{
    if (!m_replacing && index == TablePage::DataTab && m_gridFor != m_table.qualifiedName())
        showGrid();
}

void TableRowsTab::showGrid()
{
    const std::optional<ConnectionUrl>& url = m_page.connection();
    if (!url || m_table.name.isEmpty()) {
        showPlaceholder(tr("Open a database and a table to browse its rows."));
        return;
    }
    replaceTab(new DataGridPage(*url, m_table));
    m_gridFor = m_table.qualifiedName();
}

void TableRowsTab::showPlaceholder(const QString& text)
{
    auto* label = new QLabel(text);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    replaceTab(label);
    m_gridFor.clear();
}

void TableRowsTab::replaceTab(QWidget* widget)
{
    // Replacing the tab moves the current index for a moment; that is not the user opening the tab.
    const int current = m_page.tabs()->currentIndex();
    QWidget* old = m_page.tabs()->widget(TablePage::DataTab);
    m_replacing = true;
    m_page.setTabWidget(TablePage::DataTab, widget);
    m_page.tabs()->setCurrentIndex(current);
    m_replacing = false;
    if (old && old != widget)
        old->deleteLater(); // a grid gone from the tab stops reading and closes its connection
}

} // namespace strata
