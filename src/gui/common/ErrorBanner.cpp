#include "common/ErrorBanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

#include "common/MenuRemedy.h"
#include "theme/Theme.h"

namespace strata {

namespace {

/// A pale box with dark text, or on the dark theme a deep box of the same hue with light text.
QString bannerStyle(bool error)
{
    const bool dark = Theme::isDark();
    const QString box = error ? (dark ? QStringLiteral("#3d2424; border: 1px solid #7a3b35")
                                      : QStringLiteral("#fdecea; border: 1px solid #e0a39c"))
                              : (dark ? QStringLiteral("#1f3047; border: 1px solid #3f6590")
                                      : QStringLiteral("#e8f1fb; border: 1px solid #9dbde0"));
    const QString text = dark ? QStringLiteral("#ececec") : QStringLiteral("#1d1d1d");
    return QStringLiteral("strata--ErrorBanner { background: %1; border-radius: 4px; } "
                          "strata--ErrorBanner QLabel, strata--ErrorBanner QToolButton { color: %2; }")
        .arg(box, text);
}

} // namespace

ErrorBanner::ErrorBanner(QWidget* parent)
    : QFrame(parent), m_label(new QLabel(this)), m_showDetails(new QToolButton(this)),
      m_details(new QLabel(this))
{
    setFrameShape(QFrame::StyledPanel);
    // Always rich text: escaped text without a tag looked plain to the label, and a notice naming a menu path
    // ("Backup > Restore") was drawn "Backup &gt; Restore".
    m_label->setTextFormat(Qt::RichText);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_showDetails->setObjectName(QStringLiteral("showDetails"));
    m_showDetails->setText(tr("Details"));
    m_showDetails->setCheckable(true);
    m_showDetails->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_showDetails->setArrowType(Qt::RightArrow);
    m_showDetails->setAutoRaise(true);
    m_showDetails->hide();
    m_details->setObjectName(QStringLiteral("details"));
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::PlainText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->hide();
    connect(m_showDetails, &QToolButton::toggled, this, [this](bool on) {
        m_showDetails->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
        m_details->setVisible(on);
    });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->setSpacing(2);
    layout->addWidget(m_label);
    auto* more = new QHBoxLayout;
    more->addWidget(m_showDetails);
    more->addStretch();
    layout->addLayout(more);
    layout->addWidget(m_details);
    connect(&Theme::instance(), &Theme::changed, this, [this] { setStyleSheet(bannerStyle(m_isError)); });
    hide();
}

void ErrorBanner::showError(const Error& raw)
{
    Error error = MenuRemedy::of(raw);
    // What a library said beyond its first line (libpq's indented hints, a tool's output) is for Details:
    // the banner keeps what happened and what to do.
    QStringList shown;
    QStringList more;
    const QStringList lines = error.what.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i)
        (i > 0 && (lines.at(i).startsWith(QLatin1Char('\t')) || lines.at(i).startsWith(QLatin1String("  ")))
             ? more
             : shown)
            << lines.at(i);
    error.what = shown.join(QLatin1Char('\n'));
    m_details->setText(more.join(QLatin1Char('\n')).trimmed());
    m_showDetails->setChecked(false);
    m_showDetails->setVisible(!more.isEmpty());
    m_details->hide();
    m_isError = true;
    setStyleSheet(bannerStyle(m_isError));
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
    m_isError = false;
    setStyleSheet(bannerStyle(m_isError));
    m_label->setText(
        MenuRemedy::wording(text).toHtmlEscaped().replace(QLatin1Char('\n'), QLatin1String("<br>")));
    m_details->clear();
    m_details->hide();
    m_showDetails->hide();
    show();
}

void ErrorBanner::clear()
{
    m_label->clear();
    m_details->clear();
    m_details->hide();
    m_showDetails->hide();
    hide();
}

QString ErrorBanner::text() const
{
    return m_label->text();
}

QString ErrorBanner::details() const
{
    return m_details->text();
}

} // namespace strata
