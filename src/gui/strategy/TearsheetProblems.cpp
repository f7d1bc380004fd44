#include "strategy/TearsheetProblems.h"

#include <QLabel>
#include <QVBoxLayout>

#include "common/Counted.h"

namespace strata {

namespace {
constexpr int shownAtMost = 12; ///< a long list would push the charts off the screen
} // namespace

TearsheetProblems::TearsheetProblems(QWidget* parent) : QFrame(parent), m_label(new QLabel(this))
{
    setObjectName(QStringLiteral("tearsheetProblems"));
    setStyleSheet(QStringLiteral("#tearsheetProblems { background: #fff8e5; border: 1px solid #e8c36a; "
                                 "border-radius: 4px; }"));
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
