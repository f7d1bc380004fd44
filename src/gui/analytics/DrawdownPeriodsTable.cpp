#include "analytics/DrawdownPeriodsTable.h"

#include <QHeaderView>

#include "strategy/ChartStyle.h"

namespace strata {

DrawdownPeriodsTable::DrawdownPeriodsTable(QWidget* parent) : QTableWidget(parent)
{
    setObjectName(QStringLiteral("drawdownPeriods"));
    setColumnCount(6);
    setHorizontalHeaderLabels({tr("#"), tr("Start"), tr("Valley"), tr("Recovery"), tr("Depth"), tr("Days")});
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setShowGrid(false);
    setWordWrap(false);
    verticalHeader()->setVisible(false);
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    horizontalHeader()->setHighlightSections(false);
    horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setToolTip(tr("Click a period to show it on the time charts; double-click a chart to see everything."));
    connect(this, &QTableWidget::cellClicked, this, [this](int row, int) {
        if (row < 0 || row >= m_periods.size())
            return;
        const DrawdownPeriod& period = m_periods.at(row);
        Q_EMIT periodClicked(period.start, period.recovered() ? period.end : m_lastDay);
    });
}

void DrawdownPeriodsTable::setPeriods(const QList<DrawdownPeriod>& periods, const QDate& lastDay)
{
    m_periods = periods;
    m_lastDay = lastDay;
    clearContents();
    setRowCount(int(periods.size()));
    const auto cell = [this](int row, int column, const QString& text, Qt::Alignment align) {
        auto* item = new QTableWidgetItem(text);
        item->setTextAlignment(align | Qt::AlignVCenter);
        setItem(row, column, item);
        return item;
    };
    for (int row = 0; row < periods.size(); ++row) {
        const DrawdownPeriod& period = periods.at(row);
        cell(row, 0, QString::number(row + 1), Qt::AlignRight);
        cell(row, 1, period.start.toString(Qt::ISODate), Qt::AlignLeft);
        cell(row, 2, period.valley.toString(Qt::ISODate), Qt::AlignLeft);
        cell(row, 3, period.recovered() ? period.end.toString(Qt::ISODate) : tr("not recovered"),
             Qt::AlignLeft);
        cell(row, 4, QStringLiteral("%1 %").arg(QString::number(period.depth * 100.0, 'f', 2)),
             Qt::AlignRight)
            ->setForeground(chartstyle::lossColour());
        cell(row, 5, QString::number(period.days), Qt::AlignRight);
    }
    setFixedHeight(sizeHint().height());
}

QSize DrawdownPeriodsTable::sizeHint() const
{
    int height = horizontalHeader()->sizeHint().height() + 2 * frameWidth() + 2;
    height += verticalHeader()->defaultSectionSize() * std::max(1, rowCount());
    return {QTableWidget::sizeHint().width(), height};
}

} // namespace strata
