#include "common/ErrorBanner.h"

#include <QHBoxLayout>
#include <QLabel>

namespace strata {

ErrorBanner::ErrorBanner(QWidget* parent) : QFrame(parent), m_label(new QLabel(this))
{
    setFrameShape(QFrame::StyledPanel);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->addWidget(m_label);
    hide();
}

void ErrorBanner::showError(const Error& error)
{
    setStyleSheet(QStringLiteral(
        "strata--ErrorBanner { background: #fdecea; border: 1px solid #e0a39c; border-radius: 4px; }"));
    QString html = QStringLiteral("<b>%1</b>")
                       .arg(error.what.toHtmlEscaped().replace(QLatin1Char('\n'), QLatin1String("<br>")));
    if (!error.unchanged.isEmpty())
        html += QStringLiteral("<br>%1").arg(error.unchanged.toHtmlEscaped());
    if (!error.next.isEmpty())
        html += QStringLiteral("<br><i>Next:</i> %1")
                    .arg(error.next.toHtmlEscaped().replace(QLatin1Char('\n'), QLatin1String("<br>")));
    m_label->setText(html);
    show();
}

void ErrorBanner::showNotice(const QString& text)
{
    setStyleSheet(QStringLiteral(
        "strata--ErrorBanner { background: #e8f1fb; border: 1px solid #9dbde0; border-radius: 4px; }"));
    m_label->setText(text.toHtmlEscaped());
    show();
}

void ErrorBanner::clear()
{
    m_label->clear();
    hide();
}

QString ErrorBanner::text() const
{
    return m_label->text();
}

} // namespace strata
