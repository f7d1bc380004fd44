#pragma once

#include <QDialog>

#include "migrations/NewMigrationStep.h"

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace strata {

/// Shows a new migration step before it is written: where it goes in the set's folder, what it runs and
/// what its rollback runs. "Write step" writes the file(s) and says where; nothing is applied: the operator
/// reviews the step and applies it with Migrations > Migrate…, as every other step.
class NewStepDialog : public QDialog
{
    Q_OBJECT

public:
    NewStepDialog(NewMigrationStep step, QWidget* parent = nullptr);

    const NewMigrationStep& step() const { return m_step; }
    /// Writes the step (the Write step button does this); false when it could not be written.
    bool writeStep();
    QString outcome() const;
    QPushButton* writeButton() const { return m_write; }

Q_SIGNALS:
    /// The step was written: its forward file's absolute path.
    void stepWritten(const QString& path);

private:
    NewMigrationStep m_step;
    QLabel* m_where;
    QPlainTextEdit* m_forward;
    QPlainTextEdit* m_rollback;
    QLabel* m_outcome;
    QPushButton* m_write;
    QPushButton* m_close;
};

} // namespace strata
