#pragma once

#include <memory>
#include <optional>

#include <QDialog>

#include "migrations/ScriptComparison.h"

namespace Ui {
class ChangedScriptDialog;
}

namespace strata {

/// An applied step whose file changed: the text that was applied on the left, the file now on the right,
/// changed lines highlighted, and on top whether only whitespace, only comments or the SQL changed. Accept
/// asks the timeline to record the current file (after its own confirmation).
class ChangedScriptDialog : public QDialog
{
    Q_OBJECT

public:
    struct Subject
    {
        QString slot;                   ///< "2.1"
        QString file;                   ///< relative to the set
        QString appliedChecksum;        ///< what the history records
        QString currentChecksum;        ///< the file's now
        std::optional<QString> applied; ///< none when the applied text was not kept
        QString current;
    };

    explicit ChangedScriptDialog(const Subject& subject, QWidget* parent = nullptr);
    ~ChangedScriptDialog() override;

    const Subject& subject() const { return m_subject; }
    /// A database opened read-only: nothing can be accepted, the diff is still shown.
    void setReadOnlyDatabase(bool readOnly);
    ScriptComparison::Verdict verdict() const { return m_comparison.verdict(); }
    QString verdictText() const;
    /// The two panes as shown (lines aligned: a line missing on one side is blank there).
    QString appliedPane() const;
    QString currentPane() const;
    /// Lines that differ between the two sides.
    qsizetype changedLines() const { return m_changedLines; }

Q_SIGNALS:
    /// The operator chose to accept the current file.
    void acceptRequested(const QString& slot);

private:
    void showDiff();
    void showCurrentOnly();

    std::unique_ptr<Ui::ChangedScriptDialog> m_ui;
    Subject m_subject;
    ScriptComparison m_comparison;
    qsizetype m_changedLines = 0;
};

} // namespace strata
