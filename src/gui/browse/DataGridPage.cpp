#include "browse/DataGridPage.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QTableView>
#include <QTextDocumentFragment>
#include <QToolButton>
#include <QVBoxLayout>

#include "browse/GridCellDelegate.h"
#include "browse/GridScroller.h"
#include "browse/RowWindowModel.h"
#include "browse/TableBrowseModel.h"
#include "common/ErrorBanner.h"
#include "export/GridExport.h"
#include "theme/Theme.h"

namespace strata {

DataGridPage::DataGridPage(ConnectionUrl url, TableInfo table, BrowseOptions options, QWidget* parent)
    : QWidget(parent)
{
    m_model = new TableBrowseModel(url, std::move(table), options, this);
    m_window = new RowWindowModel(m_model, this);

    m_banner = new ErrorBanner(this);
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("gridFilter"));
    m_filter->setPlaceholderText(QStringLiteral("Rows that contain…"));
    m_filter->setClearButtonEnabled(true);
    m_column = new QComboBox(this);
    m_column->setObjectName(QStringLiteral("gridFilterColumn"));
    m_column->addItem(QStringLiteral("All text columns"), QString());
    for (const ColumnInfo& column : m_model->table().columns)
        m_column->addItem(column.name, column.name);
    auto* filterRow = new QHBoxLayout;
    filterRow->addWidget(new QLabel(QStringLiteral("Filter:"), this));
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(new QLabel(QStringLiteral("in"), this));
    filterRow->addWidget(m_column);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("dataGrid"));
    m_view->setModel(m_window);
    m_view->setItemDelegate(new GridCellDelegate(m_view));
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Uniform rows: the view computes positions instead of measuring ten million rows.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setDefaultSectionSize(150);
    m_view->horizontalHeader()->setStretchLastSection(true);
    // The header sorts only by the columns an index leads with (the model refuses the others).
    m_view->horizontalHeader()->setSectionsClickable(true);
    m_view->horizontalHeader()->setSortIndicatorShown(true);
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_rowBar = new QScrollBar(Qt::Vertical, this);
    m_rowBar->setObjectName(QStringLiteral("gridRows"));
    m_scroller = new GridScroller(*m_view, *m_window, *m_rowBar);

    // Export takes every row of the table (on a connection of its own), not the window the grid holds.
    const TableInfo& shown = m_model->table();
    const Dialect dialect = url.dialect();
    const QString schema = dialect == Dialect::Sqlite ? QString() : shown.schema;
    ExportSource source;
    source.url = url;
    source.what = shown.name;
    source.explanation =
        QStringLiteral("Every row of %1, read on a connection of its own: not only the rows on screen, and "
                       "without the filter.")
            .arg(shown.name);
    source.request = [schema, name = shown.name, dialect](ExportFormat format) {
        return ExportRequest::ofTable(schema, name, dialect, format);
    };
    m_export = new GridExport(m_view, std::move(source));
    auto* exportButton = new QToolButton(this);
    exportButton->setObjectName(QStringLiteral("gridExport"));
    exportButton->setDefaultAction(m_export->exportAction());
    filterRow->addWidget(exportButton);

    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("gridCount"));
    m_count->setTextFormat(Qt::RichText);
    m_paging = new QLabel(this);
    m_paging->setObjectName(QStringLiteral("gridPaging"));
    m_paging->setWordWrap(true);
    m_fetch = new QLabel(this);
    m_fetch->setObjectName(QStringLiteral("gridFetch"));
    auto* status = new QHBoxLayout;
    status->addWidget(m_count);
    status->addWidget(new QLabel(QStringLiteral("·"), this));
    status->addWidget(m_paging, 1);
    status->addWidget(m_fetch);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(filterRow);
    auto* grid = new QHBoxLayout;
    grid->setSpacing(0);
    grid->addWidget(m_view, 1);
    grid->addWidget(m_rowBar);
    layout->addLayout(grid, 1);
    layout->addLayout(status);

    m_filterDelay.setSingleShot(true);
    m_filterDelay.setInterval(400);
    connect(&m_filterDelay, &QTimer::timeout, this, &DataGridPage::applyFilter);
    connect(m_filter, &QLineEdit::textChanged, this, [this] { m_filterDelay.start(); });
    connect(m_filter, &QLineEdit::returnPressed, this, &DataGridPage::applyFilter);
    connect(m_column, &QComboBox::currentIndexChanged, this, &DataGridPage::applyFilter);
    connect(m_view->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this,
            &DataGridPage::sortRequested);
    connect(m_count, &QLabel::linkActivated, this, [this](const QString& link) {
        if (link == QLatin1String("count"))
            m_model->countExactly();
        else
            m_model->cancelCount();
    });
    connect(m_model, &TableBrowseModel::countChanged, this, &DataGridPage::updateStatus);
    connect(m_model, &TableBrowseModel::countingChanged, this, &DataGridPage::updateStatus);
    connect(m_model, &TableBrowseModel::pageFetched, this, &DataGridPage::updateStatus);
    connect(m_model, &QAbstractItemModel::modelReset, this, &DataGridPage::updateStatus);
    connect(m_model, &TableBrowseModel::failed, m_banner, &ErrorBanner::showError);
    m_banner->clear();
    if (const auto error = m_model->lastError())
        m_banner->showError(*error);
    updateStatus();
}

void DataGridPage::applyFilter()
{
    m_filterDelay.stop();
    const BrowseFilter filter{m_column->currentData().toString(), m_filter->text()};
    if (filter == m_model->filter())
        return;
    const Status applied = m_model->setFilter(filter);
    if (!applied)
        m_banner->showError(applied.error());
    else
        m_banner->clear();
}

void DataGridPage::sortRequested(int section, Qt::SortOrder order)
{
    if (section >= 0 && !m_model->isSortable(section)) {
        showSortIndicator(); // not a keyset order: the header goes back to what the grid shows
        return;
    }
    m_model->sort(section, order);
    showSortIndicator();
}

void DataGridPage::showSortIndicator()
{
    QHeaderView* header = m_view->horizontalHeader();
    const QSignalBlocker block(header);
    header->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
}

void DataGridPage::updateStatus()
{
    QString count = m_model->countText().toHtmlEscaped();
    if (m_model->countState() != TableBrowseModel::CountState::Exact) {
        if (m_model->isCounting())
            count += QStringLiteral(" · counting… <a href=\"stop\">Stop</a>");
        else
            count += QStringLiteral(" · exact count: <a href=\"count\">Count</a>");
    }
    m_count->setText(count);
    if (m_model->offsetPaging()) {
        m_paging->setText(QStringLiteral("⚠ ") + m_model->pagingText());
        m_paging->setStyleSheet(QStringLiteral("color: %1; font-weight: bold;")
                                    .arg(Theme::readable(QColor(0x9a, 0x67, 0x00)).name()));
    } else {
        m_paging->setText(m_model->pagingText());
        m_paging->setStyleSheet({});
    }
    const qint64 micros = m_model->lastFetchMicros();
    m_fetch->setText(micros < 0 ? QString()
                                : QStringLiteral("last page %1 ms").arg(double(micros) / 1000.0, 0, 'f', 1));
}

QString DataGridPage::statusText() const
{
    QStringList parts{QTextDocumentFragment::fromHtml(m_count->text()).toPlainText(), m_paging->text()};
    if (!m_fetch->text().isEmpty())
        parts << m_fetch->text();
    return parts.join(QStringLiteral(" · "));
}

} // namespace strata
