#pragma once

#include <optional>
#include <utility>

#include <QWidget>

class QButtonGroup;
class QLabel;

namespace strata {

/// The periods an operator reviews a strategy over, like a trading desk's report.
enum class PeriodPreset { OneMonth, ThreeMonths, YearToDate, OneYear, All };

/// The time range of `preset` for a history from `first` to `last` (seconds since the epoch, UTC), clamped
/// to the history: the last month, three months or year ending at `last`, the year of `last` so far, or all.
std::pair<double, double> presetRange(PeriodPreset preset, double first, double last);

/// Buttons 1M 3M YTD 1Y All and the range shown. A range picked by dragging or zooming a chart is shown
/// with no button checked.
class PeriodSelector : public QWidget
{
    Q_OBJECT

public:
    explicit PeriodSelector(QWidget* parent = nullptr);

    /// Checks `preset`'s button and emits presetChosen, as a click does.
    void choose(PeriodPreset preset);
    /// Shows `from`–`to`; checks `preset`'s button, or none for a dragged or zoomed range.
    void showRange(double from, double to, std::optional<PeriodPreset> preset = std::nullopt);
    QString rangeText() const;

Q_SIGNALS:
    void presetChosen(PeriodPreset preset);

private:
    QButtonGroup* m_buttons;
    QLabel* m_range;
};

} // namespace strata
