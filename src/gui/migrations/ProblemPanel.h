#pragma once

#include <QList>
#include <QScrollArea>

#include "migrations/Problem.h"
#include "migrations/ProblemRemedy.h"

class QVBoxLayout;

namespace strata {

class ProblemRow;

/// The problems on top of the timeline, one row each with what resolves it. Hidden when there are none.
class ProblemPanel : public QScrollArea
{
    Q_OBJECT

public:
    explicit ProblemPanel(QWidget* parent = nullptr);

    /// `otherTools`: the other tools' histories in the database, named by the advice to adopt one.
    void showProblems(const QList<Problem>& problems, const QList<ForeignHistory>& otherTools = {});
    void clear();
    QList<ProblemRow*> rows() const;
    /// The row of a problem of `kind` at `slot`, or null.
    ProblemRow* row(Problem::Kind kind, const QString& slot) const;

Q_SIGNALS:
    void actionRequested(const strata::Problem& problem, strata::ProblemRemedy::Action action);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    /// As tall as the rows need at the current width, up to kMaxHeight (then it scrolls).
    void fitHeight();

    QWidget* m_content;
    QVBoxLayout* m_layout;
};

} // namespace strata
