#pragma once

#include <QTableWidget>

#include "analytics/MetricDefinition.h"
#include "analytics/StrategyAnalytics.h"

namespace strata {

/// The full metric table of a tearsheet: every row of MetricDefinition::all(), grouped under its section,
/// with a column per MetricColumn of the analytics (Strategy, Benchmark, In sample, Out of sample). Values
/// are formatted by unit (percent, ratio, days, dates, counts); a metric not defined for a column is "-".
/// Ctrl+C (or the context menu) copies the selection, or the whole table, as tab-separated text.
class MetricTableView : public QTableWidget
{
    Q_OBJECT

public:
    explicit MetricTableView(QWidget* parent = nullptr);

    void setAnalytics(const StrategyAnalytics& analytics);

    /// `value` as the table shows it for `definition`: "12.34 %", "1.23", "45", "2024-03-12", "-" for NaN.
    static QString formatValue(const MetricDefinition& definition, double value);

    /// The label the table shows for `definition` (its QuantStats label, drawable by desktop fonts).
    static QString displayLabel(const MetricDefinition& definition);
    /// The row showing metric `key`, -1 when none.
    int rowOf(const QString& key) const;
    /// The column titled `title` ("Benchmark"), -1 when none.
    int columnOf(const QString& title) const;
    /// The text of a cell, as shown.
    QString cellText(int row, int column) const;
    int metricRows() const { return m_metricRows; }
    /// The selection (or everything when nothing is selected) as tab-separated lines, with the headers.
    QString copyText() const;

    QSize sizeHint() const override;

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    void copyToClipboard() const;
    void restyle();

    int m_metricRows = 0;
    QList<int> m_sectionRows;
};

} // namespace strata
