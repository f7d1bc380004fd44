#pragma once

#include <QMessageBox>

#include "console/StatementOutcome.h"

namespace strata {

/// The question a write on a production database asks once it has run inside its transaction: what it did
/// (the exact rows an UPDATE or DELETE changed, counted in that transaction), that those rows stay locked
/// until the answer, and Commit or Roll back. Roll back is the default: Enter or Esc changes nothing.
class WriteConfirmation : public QMessageBox
{
    Q_OBJECT

public:
    WriteConfirmation(const StatementOutcome& outcome, const QString& database, QWidget* parent);

    /// "This UPDATE will change 1,234 rows of <database>. Commit?"
    static QString question(const StatementOutcome& outcome, const QString& database);
    QAbstractButton* commitButton() const { return m_commit; }
    QAbstractButton* rollbackButton() const { return m_rollback; }

private:
    QAbstractButton* m_commit;
    QAbstractButton* m_rollback;
};

} // namespace strata
