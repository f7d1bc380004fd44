#pragma once

#include <QTreeWidget>

#include "verify/CheckResult.h"

namespace strata {

/// A list of checks as they come in: each with its result (passed, failed, not run) and what was found.
/// A failed check is shown in the error colour; annotateLastFailure() adds what to do.
class CheckList : public QTreeWidget
{
    Q_OBJECT

public:
    explicit CheckList(QWidget* parent = nullptr);

    void add(const CheckResult& check);
    /// A line that is not a check (a phase heading, a step).
    void addNote(const QString& text);
    /// Adds what to do to the newest failed check (a phase that stops learns it only at its end).
    void annotateLastFailure(const QString& whatToDo);
    qsizetype failedCount() const { return m_failed; }
    qsizetype passedCount() const { return m_passed; }
    void reset();

private:
    qsizetype m_failed = 0;
    qsizetype m_passed = 0;
};

} // namespace strata
