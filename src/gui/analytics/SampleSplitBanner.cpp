#include "analytics/SampleSplitBanner.h"

#include <QLabel>
#include <QVBoxLayout>

#include "theme/Theme.h"

namespace strata {

SampleSplitBanner::SampleSplitBanner(QWidget* parent)
    : QFrame(parent), m_verdict(new QLabel(this)), m_why(new QLabel(this))
{
    setObjectName(QStringLiteral("sampleSplitBanner"));
    QFont bold = m_verdict->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() + 0.5);
    m_verdict->setFont(bold);
    m_verdict->setWordWrap(true);
    m_verdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_why->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->setSpacing(2);
    layout->addWidget(m_verdict);
    layout->addWidget(m_why);
    setVisible(false);
    connect(&Theme::instance(), &Theme::changed, this, &SampleSplitBanner::restyle);
}

void SampleSplitBanner::setSplit(const SampleSplit& split)
{
    m_verdict->setText(split.verdict);
    QString why;
    if (split.boundary.isValid())
        why = tr("In sample before %1, out of sample from it (%2).")
                  .arg(split.boundary.toString(Qt::ISODate),
                       split.boundaryWhy.isEmpty() ? tr("the version's creation") : split.boundaryWhy);
    m_why->setText(why);
    m_why->setVisible(!why.isEmpty());
    m_tone = split.verdict.isEmpty() ? QString()
             : split.heldUp          ? QStringLiteral("held-up")
                                     : QStringLiteral("did-not-hold-up");
    setVisible(!split.verdict.isEmpty());
    restyle();
}

QString SampleSplitBanner::verdict() const
{
    return m_verdict->text();
}

void SampleSplitBanner::restyle()
{
    const bool dark = Theme::isDark();
    const bool heldUp = m_tone == QLatin1String("held-up");
    // Held up: a calm green band; did not: amber, the colour of a warning that is not an error.
    const QColor background = heldUp ? (dark ? QColor(0x1e, 0x3a, 0x2a) : QColor(0xe8, 0xf5, 0xec))
                                     : (dark ? QColor(0x45, 0x36, 0x12) : QColor(0xfd, 0xf3, 0xdc));
    const QColor border = heldUp ? (dark ? QColor(0x3f, 0x7a, 0x55) : QColor(0x9c, 0xd3, 0xae))
                                 : (dark ? QColor(0x9a, 0x76, 0x1c) : QColor(0xe7, 0xb4, 0x4c));
    const QColor text = dark ? QColor(0xec, 0xee, 0xf0) : QColor(0x1f, 0x24, 0x2b);
    setStyleSheet(
        QStringLiteral("#sampleSplitBanner { background: %1; border: 1px solid %2; border-radius: 4px; }"
                       "#sampleSplitBanner QLabel { color: %3; background: transparent; }")
            .arg(background.name(), border.name(), text.name()));
}

} // namespace strata
