#include "migrations/ProblemRow.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "common/MenuRemedy.h"
#include "theme/Theme.h"

namespace strata {

ProblemRow::ProblemRow(const Problem& problem, const QList<ForeignHistory>& otherTools, QWidget* parent)
    : QFrame(parent), m_problem(problem), m_remedy(ProblemRemedy::of(problem, otherTools))
{
    setObjectName(QStringLiteral("problem_%1_%2").arg(problem.kindName(), problem.slot));
    setFrameShape(QFrame::StyledPanel);
    // A pale red box, or on the dark theme a deep red one (the labels' text follows the palette); the
    // timeline makes its rows again when the theme switches.
    setStyleSheet(
        QStringLiteral("strata--ProblemRow { background: %1; border: 1px solid %2; border-radius: 3px; }")
            .arg(Theme::isDark() ? QStringLiteral("#3d2424") : QStringLiteral("#fdecea"),
                 Theme::isDark() ? QStringLiteral("#7a3b35") : QStringLiteral("#e0b4b0")));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    auto* texts = new QVBoxLayout;
    auto* what = new QLabel(tr("<b style='color:%4'>%1%2</b> — %3")
                                .arg(m_remedy.title.toHtmlEscaped(),
                                     problem.slot.isEmpty() ? QString() : tr(" (step %1)").arg(problem.slot),
                                     problem.message.toHtmlEscaped(),
                                     Theme::readable(QColor(0xc6, 0x28, 0x28)).name()),
                            this);
    what->setWordWrap(true);
    what->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* advice = new QLabel(QStringLiteral("→ ") + m_remedy.advice, this);
    advice->setWordWrap(true);
    advice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // The core's resolution (shared with strata-cli) in the app's words: its menu items and buttons.
    advice->setToolTip(MenuRemedy::wording(problem.resolution));
    texts->addWidget(what);
    texts->addWidget(advice);
    layout->addLayout(texts, 1);
    for (const auto action : m_remedy.actions) {
        auto* button = new QPushButton(ProblemRemedy::label(action), this);
        button->setObjectName(ProblemRemedy::name(action));
        connect(button, &QPushButton::clicked, this,
                [this, action] { Q_EMIT actionRequested(m_problem, action); });
        layout->addWidget(button, 0, Qt::AlignTop);
    }
}

QString ProblemRow::text() const
{
    return QStringLiteral("%1 — %2\n→ %3").arg(m_remedy.title, m_problem.message, m_remedy.advice);
}

QPushButton* ProblemRow::button(ProblemRemedy::Action action) const
{
    return findChild<QPushButton*>(ProblemRemedy::name(action), Qt::FindDirectChildrenOnly);
}

} // namespace strata
