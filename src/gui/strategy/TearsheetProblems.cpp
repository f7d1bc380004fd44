#include "strategy/TearsheetProblems.h"

#include <QLabel>
#include <QVBoxLayout>

#include "common/Counted.h"
#include "theme/Theme.h"

namespace strata {

namespace {
constexpr int shownAtMost = 12; ///< a long list would push the charts off the screen
} // namespace

TearsheetProblems::TearsheetProblems(QWidget* parent) : QFrame(parent), m_label(new QLabel(this))
{
    setObjectName(QStringLiteral("tearsheetProblems"));
    const auto restyle = [this] {
        // A pale amber box, or a deep amber one on the dark theme (the text follows the palette).
        setStyleSheet(
            QStringLiteral("#tearsheetProblems { background: %1; border: 1px solid %2; border-radius: 4px; }")
                .arg(Theme::isDark() ? QStringLiteral("#3a3220") : QStringLiteral("#fff8e5"),
                     Theme::isDark() ? QStringLiteral("#8a7030") : QStringLiteral("#e8c36a")));
    };
    restyle();
    connect(&Theme::instance(), &Theme::changed, this, restyle);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_label->setTextFormat(Qt::RichText);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->addWidget(m_label);
    hide();
}

void TearsheetProblems::setProblems(const QStringList& problems)
{
    m_problems = problems;
    if (problems.isEmpty()) {
        m_label->clear();
        hide();
        return;
    }
    QString html = tr("<b>⚠ %1 left out or doubtful</b> — the charts are drawn from the other rows.")
                       .arg(counted(problems.size(), tr("performance row"), tr("performance rows")));
    html += QStringLiteral("<ul style=\"margin: 4px 0 0 -20px;\">");
    for (qsizetype i = 0; i < problems.size() && i < shownAtMost; ++i)
        html += QStringLiteral("<li>%1</li>").arg(problems[i].toHtmlEscaped());
    if (problems.size() > shownAtMost)
        html += tr("<li><i>and %1 more</i></li>").arg(problems.size() - shownAtMost);
    html += QStringLiteral("</ul>");
    m_label->setText(html);
    show();
}

} // namespace strata
