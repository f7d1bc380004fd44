#include "strategy/PeriodSelector.h"

#include <algorithm>

#include <QAbstractButton>
#include <QButtonGroup>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace strata {

std::pair<double, double> presetRange(PeriodPreset preset, double first, double last)
{
    const QDateTime end = QDateTime::fromSecsSinceEpoch(qint64(last), Qt::UTC);
    QDateTime start;
    switch (preset) {
    case PeriodPreset::OneMonth:
        start = end.addMonths(-1);
        break;
    case PeriodPreset::ThreeMonths:
        start = end.addMonths(-3);
        break;
    case PeriodPreset::YearToDate:
        start = QDateTime(QDate(end.date().year(), 1, 1), QTime(0, 0), Qt::UTC);
        break;
    case PeriodPreset::OneYear:
        start = end.addYears(-1);
        break;
    case PeriodPreset::All:
        return {first, last};
    }
    return {std::clamp(double(start.toSecsSinceEpoch()), first, last), last};
}

PeriodSelector::PeriodSelector(QWidget* parent)
    : QWidget(parent), m_buttons(new QButtonGroup(this)), m_range(new QLabel(this))
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    const std::pair<PeriodPreset, QString> presets[] = {{PeriodPreset::OneMonth, tr("1M")},
                                                        {PeriodPreset::ThreeMonths, tr("3M")},
                                                        {PeriodPreset::YearToDate, tr("YTD")},
                                                        {PeriodPreset::OneYear, tr("1Y")},
                                                        {PeriodPreset::All, tr("All")}};
    for (const auto& [preset, label] : presets) {
        auto* button = new QToolButton(this);
        button->setText(label);
        button->setCheckable(true);
        button->setAutoRaise(true);
        button->setMinimumWidth(36);
        m_buttons->addButton(button, int(preset));
        layout->addWidget(button);
    }
    m_buttons->setExclusive(true);
    m_range->setToolTip(tr("Drag with Shift on a chart to pick a range; the wheel zooms, dragging pans, a "
                           "double click shows everything."));
    layout->addSpacing(8);
    layout->addWidget(m_range);
    connect(m_buttons, &QButtonGroup::idClicked, this,
            [this](int id) { Q_EMIT presetChosen(PeriodPreset(id)); });
}

void PeriodSelector::choose(PeriodPreset preset)
{
    m_buttons->button(int(preset))->setChecked(true);
    Q_EMIT presetChosen(preset);
}

void PeriodSelector::showRange(double from, double to, std::optional<PeriodPreset> preset)
{
    if (preset) {
        m_buttons->button(int(*preset))->setChecked(true);
    } else if (QAbstractButton* checked = m_buttons->checkedButton()) {
        m_buttons->setExclusive(false); // an exclusive group never lets the last button go
        checked->setChecked(false);
        m_buttons->setExclusive(true);
    }
    const auto day = [](double seconds) {
        return QDateTime::fromSecsSinceEpoch(qint64(seconds), Qt::UTC).date().toString(Qt::ISODate);
    };
    m_range->setText(QStringLiteral("%1 – %2").arg(day(from), day(to)));
}

QString PeriodSelector::rangeText() const
{
    return m_range->text();
}

} // namespace strata
