#pragma once

#include <QFrame>

#include "migrations/Problem.h"
#include "migrations/ProblemRemedy.h"

class QPushButton;

namespace strata {

/// One problem on top of the timeline: what is wrong, what resolves it, and a button for each resolution
/// the app can carry out (none when the fix is editing files).
class ProblemRow : public QFrame
{
    Q_OBJECT

public:
    /// `otherTools` word the advice of a database another tool manages (ProblemRemedy::of).
    ProblemRow(const Problem& problem, const QList<ForeignHistory>& otherTools = {},
               QWidget* parent = nullptr);

    const Problem& problem() const { return m_problem; }
    /// "Changed file — 001_base/01_tables.sql was changed…\n→ See what changed…"
    QString text() const;
    /// The button of `action`, or null when this problem does not offer it.
    QPushButton* button(ProblemRemedy::Action action) const;

Q_SIGNALS:
    void actionRequested(const strata::Problem& problem, strata::ProblemRemedy::Action action);

private:
    Problem m_problem;
    ProblemRemedy m_remedy;
};

} // namespace strata
