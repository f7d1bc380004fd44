#include "analytics/MetricTableView.h"

#include <algorithm>
#include <cmath>

#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMenu>
#include <QScrollBar>

#include "strategy/ChartStyle.h"
#include "theme/Theme.h"

namespace strata {

MetricTableView::MetricTableView(QWidget* parent) : QTableWidget(parent)
{
    setObjectName(QStringLiteral("metricTable"));
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setSelectionBehavior(QAbstractItemView::SelectItems);
    setAlternatingRowColors(false);
    setWordWrap(false);
    setShowGrid(false);
    verticalHeader()->setVisible(false);
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    horizontalHeader()->setHighlightSections(false);
    horizontalHeader()->setDefaultAlignment(Qt::AlignRight | Qt::AlignVCenter);
    // The table is as tall as its rows: the report around it scrolls, not the table.
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    setContextMenuPolicy(Qt::CustomContextMenu);
    connect(this, &QWidget::customContextMenuRequested, this, [this](const QPoint& at) {
        QMenu menu(this);
        menu.addAction(tr("Copy"), this, [this] { copyToClipboard(); });
        menu.addAction(tr("Copy the whole table"), this, [this] {
            clearSelection();
            copyToClipboard();
        });
        menu.exec(viewport()->mapToGlobal(at));
    });
    connect(&Theme::instance(), &Theme::changed, this, &MetricTableView::restyle);
}

QString MetricTableView::formatValue(const MetricDefinition& definition, double value)
{
    if (!std::isfinite(value))
        return QStringLiteral("-");
    switch (definition.unit) {
    case MetricDefinition::Unit::Percent:
        return QStringLiteral("%1 %").arg(QString::number(value * 100.0, 'f', 2));
    case MetricDefinition::Unit::Ratio:
        return QString::number(value, 'f', 2);
    case MetricDefinition::Unit::Days:
    case MetricDefinition::Unit::Count:
        return QString::number(std::llround(value));
    case MetricDefinition::Unit::Date:
        return QDate::fromJulianDay(std::llround(value)).toString(Qt::ISODate);
    }
    return QString::number(value);
}

QString MetricTableView::displayLabel(const MetricDefinition& definition)
{
    return definition.label;
}

void MetricTableView::setAnalytics(const StrategyAnalytics& analytics)
{
    clear();
    m_sectionRows.clear();
    const QList<MetricDefinition>& definitions = MetricDefinition::all();
    QStringList sections;
    for (const MetricDefinition& definition : definitions)
        if (!sections.contains(definition.section))
            sections << definition.section;
    setColumnCount(int(analytics.metrics.size()) + 1);
    QStringList headers{tr("Metric")};
    for (const MetricColumn& column : analytics.metrics)
        headers << column.title;
    setHorizontalHeaderLabels(headers);
    horizontalHeaderItem(0)->setTextAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    setRowCount(int(definitions.size() + sections.size()));
    m_metricRows = int(definitions.size());

    QFont sectionFont = font();
    sectionFont.setBold(true);
    int row = 0;
    // Rows grouped by section, in the order each section first appears; within one, the table's order.
    for (const QString& section : std::as_const(sections)) {
        auto* heading = new QTableWidgetItem(section);
        heading->setFont(sectionFont);
        heading->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        setItem(row, 0, heading);
        setSpan(row, 0, 1, columnCount());
        m_sectionRows << row;
        ++row;
        for (const MetricDefinition& definition : definitions) {
            if (definition.section != section)
                continue;
            auto* label = new QTableWidgetItem(QStringLiteral("  ") + displayLabel(definition));
            label->setData(Qt::UserRole, definition.key);
            label->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
            setItem(row, 0, label);
            for (qsizetype c = 0; c < analytics.metrics.size(); ++c) {
                auto* cell =
                    new QTableWidgetItem(formatValue(definition, analytics.metrics[c].value(definition.key)));
                cell->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                cell->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
                setItem(row, int(c) + 1, cell);
            }
            ++row;
        }
    }
    restyle();
    // Columns as wide as their text (with room to breathe), the table no wider than they are: in a wide
    // window the figures stay next to their labels instead of across the screen.
    resizeColumnsToContents();
    setColumnWidth(0, std::max(columnWidth(0) + 48, 240));
    for (int c = 1; c < columnCount(); ++c)
        setColumnWidth(c, std::max(columnWidth(c) + 32, 140));
    setFixedHeight(sizeHint().height());
    setMaximumWidth(sizeHint().width());
}

void MetricTableView::restyle()
{
    // Section headings on a band a shade off the background, in both themes.
    const QColor band = Theme::isDark() ? QColor(0x2b, 0x2f, 0x34) : QColor(0xee, 0xf1, 0xf4);
    for (int row : std::as_const(m_sectionRows))
        if (QTableWidgetItem* heading = item(row, 0))
            heading->setBackground(band);
}

int MetricTableView::rowOf(const QString& key) const
{
    for (int row = 0; row < rowCount(); ++row)
        if (const QTableWidgetItem* label = item(row, 0); label && label->data(Qt::UserRole) == key)
            return row;
    return -1;
}

int MetricTableView::columnOf(const QString& title) const
{
    for (int c = 0; c < columnCount(); ++c)
        if (horizontalHeaderItem(c) && horizontalHeaderItem(c)->text() == title)
            return c;
    return -1;
}

QString MetricTableView::cellText(int row, int column) const
{
    const QTableWidgetItem* cell = item(row, column);
    return cell ? cell->text() : QString();
}

QString MetricTableView::copyText() const
{
    const QModelIndexList selected =
        selectionModel() ? selectionModel()->selectedIndexes() : QModelIndexList();
    int top = 0, bottom = rowCount() - 1, left = 0, right = columnCount() - 1;
    if (!selected.isEmpty()) {
        top = rowCount();
        bottom = -1;
        left = columnCount();
        right = -1;
        for (const QModelIndex& index : selected) {
            top = std::min(top, index.row());
            bottom = std::max(bottom, index.row());
            left = std::min(left, index.column());
            right = std::max(right, index.column());
        }
    }
    QStringList lines;
    QStringList header;
    for (int c = left; c <= right; ++c)
        header << (horizontalHeaderItem(c) ? horizontalHeaderItem(c)->text() : QString());
    lines << header.join(QLatin1Char('\t'));
    for (int row = top; row <= bottom; ++row) {
        QStringList cells;
        for (int c = left; c <= right; ++c)
            cells << cellText(row, c).trimmed();
        lines << cells.join(QLatin1Char('\t'));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

void MetricTableView::copyToClipboard() const
{
    QApplication::clipboard()->setText(copyText());
}

void MetricTableView::keyPressEvent(QKeyEvent* event)
{
    if (event->matches(QKeySequence::Copy)) {
        copyToClipboard();
        event->accept();
        return;
    }
    QTableWidget::keyPressEvent(event);
}

QSize MetricTableView::sizeHint() const
{
    int height = horizontalHeader()->sizeHint().height() + 2 * frameWidth() + 2;
    for (int row = 0; row < rowCount(); ++row)
        height += rowHeight(row);
    if (horizontalScrollBar()->isVisible())
        height += horizontalScrollBar()->height();
    int width = 2 * frameWidth();
    for (int c = 0; c < columnCount(); ++c)
        width += columnWidth(c);
    return {width, height};
}

} // namespace strata
