#include "common/ElidedLabel.h"

#include <algorithm>

#include <QFontMetrics>

namespace strata {

ElidedLabel::ElidedLabel(Qt::TextElideMode mode, int shownCharacters, QWidget* parent)
    : QLabel(parent), m_mode(mode), m_shownCharacters(shownCharacters)
{
    setTextFormat(Qt::PlainText);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
}

void ElidedLabel::setFullText(const QString& text)
{
    m_full = text;
    setToolTip(text);
    updateGeometry();
    elide();
}

QSize ElidedLabel::minimumSizeHint() const
{
    // Room for a few characters and the "…": the rest of the window decides the width.
    const QFontMetrics metrics(font());
    return {std::min(metrics.horizontalAdvance(m_full), m_shownCharacters * metrics.averageCharWidth()) +
                2 * margin(),
            QLabel::minimumSizeHint().height()};
}

QSize ElidedLabel::sizeHint() const
{
    const QFontMetrics metrics(font());
    return {metrics.horizontalAdvance(m_full) + 2 * margin(), QLabel::sizeHint().height()};
}

void ElidedLabel::resizeEvent(QResizeEvent* event)
{
    QLabel::resizeEvent(event);
    elide();
}

void ElidedLabel::elide()
{
    const QString shown = fontMetrics().elidedText(m_full, m_mode, contentsRect().width());
    if (shown != text())
        QLabel::setText(shown);
}

} // namespace strata
