#pragma once

#include <memory>

#include <QHash>
#include <QWidget>

#include "common/Error.h"
#include "jobs/StatusJob.h"
#include "migrations/ProblemRemedy.h"

class QPushButton;

namespace Ui {
class TimelinePage;
}

namespace strata {

class AlembicGraphView;
class ProblemPanel;
class PythonHighlighter;
class SqlHighlighter;

/// The migration timeline: the line operators read first ("v1 (baseline), v2 pending: 3 steps in 3
/// phases"), the problems on top with what resolves each, applied and pending steps, and the SQL of the
/// selected step.
class TimelinePage : public QWidget
{
    Q_OBJECT

public:
    explicit TimelinePage(QWidget* parent = nullptr);
    ~TimelinePage() override;

    void showLoading(const QString& what);
    void showStatus(const DatabaseStatus& status);
    void showError(const Error& error);
    void showNotice(const QString& text);
    void clear();

    QString summary() const;
    QStringList problems() const;
    ProblemPanel* problemPanel() const;
    class TimelineTree* tree() const;
    /// The revision graph, shown for a set read from an Alembic project (hidden otherwise).
    AlembicGraphView* alembicGraph() const { return m_alembicGraph; }
    QString previewedSql() const;
    /// The language the script preview is coloured as: "python" (an Alembic revision) or "sql".
    QString previewLanguage() const;
    QPushButton* acknowledgeButton() const { return m_acknowledge; }

Q_SIGNALS:
    /// A problem's button was clicked (Show diff…, Accept the current file…, Mark applied…, …).
    void problemActionRequested(const strata::Problem& problem, strata::ProblemRemedy::Action action);
    /// The operator pressed "Acknowledge…" under the notice of an interrupted run.
    void acknowledgeRunRequested(const QString& runId);

private:
    std::unique_ptr<Ui::TimelinePage> m_ui;
    SqlHighlighter* m_highlighter;
    PythonHighlighter* m_pythonHighlighter;
    QPushButton* m_acknowledge; ///< shown while a run waits for acknowledgement
    AlembicGraphView* m_alembicGraph;
    QHash<QString, QString> m_slotOfRevision; ///< an Alembic revision id -> its step's slot
    QString m_interruptedRun;
};

} // namespace strata
