#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QTimer>
#include <QWidget>

#include "common/Error.h"
#include "connection/ConnectionUrl.h"
#include "console/StatementOutcome.h"

class QLabel;
class QPushButton;
class QTabWidget;

namespace strata {

class ConsoleThread;
class ConsoleWorker;
class ErrorBanner;
class ExplainPanel;
class ModeStrip;
class ResultGrid;
class ResultSpool;
class SqlEditor;

/// One query of the console: the editor, what running may do (read-only or write mode), and the result
/// area (the rows, or a statement's plan). Statements run one at a time on the tab's own worker and
/// connection; Esc or Cancel stops them at once.
class QueryTab : public QWidget
{
    Q_OBJECT

public:
    QueryTab(ConnectionUrl url, bool production, QWidget* parent = nullptr);
    ~QueryTab() override;

    /// Runs the selection, or else the statement under the cursor (Ctrl+Return).
    void runCurrent();
    /// Runs every statement of the editor, in order (Ctrl+Shift+Return).
    void runScript();
    /// Stops the running statement (Esc); the status then says "cancelled".
    void cancel();
    void explainCurrent(bool analyze);

    void setProduction(bool production);
    void setWriteMode(bool on);
    bool writeMode() const;
    bool isRunning() const { return m_runId != 0; }
    /// A statement that may change the database is running (write mode): closing the window asks.
    bool isWriting() const { return isRunning() && writeMode(); }
    /// Stops everything and closes the connection without waiting; stopped() says when it has ended.
    void stopWorker();
    bool workerEnding() const;

    SqlEditor* editor() const { return m_editor; }
    ResultGrid* grid() const { return m_grid; }
    ErrorBanner* banner() const { return m_banner; }
    ModeStrip* modeStrip() const { return m_mode; }
    QPushButton* runButton() const { return m_run; }
    QPushButton* cancelButton() const { return m_cancel; }
    QPushButton* writeButton() const { return m_write; }
    QPushButton* analyzeButton() const { return m_analyzeButton; }
    QTabWidget* resultArea() const { return m_results; }
    /// The worker of the tab's connection (nullptr before the first run); for measuring.
    ConsoleWorker* worker() const;
    ExplainPanel* explainPanel() const { return m_explain; }
    /// "SELECT · 1,000 rows returned · 12.3 ms", "cancelled after 12,000 rows", "Running…".
    QString statusText() const;

Q_SIGNALS:
    /// Write mode was switched on or off (the page marks the tab's title).
    void writeModeChanged(bool on);
    /// The first rows of a result are in the grid (painted at the next paint).
    void firstRowsShown();
    /// A run (one statement or a script) ended: the status says how.
    void runEnded(bool ok);
    void tableRequested(const QString& schema, const QString& table);

private:
    struct Piece
    {
        QString sql;
        int offset = 0; ///< of the statement's first character in the editor
    };
    void start(QList<Piece> pieces);
    void runNext();
    void ensureWorker();
    void onResultStarted(int id, std::shared_ptr<ResultSpool> spool);
    void onRowsArrived(int id);
    void takeRows();
    void onFinished(int id, bool ok, const StatementOutcome& outcome, const Error& error, int position);
    void onHeld(int id, const StatementOutcome& outcome);
    void onHeldEnded(int id, bool committed, const Error& error);
    void endRun(bool ok, const QString& status);
    /// Keeps the statement in the database's history (without secrets).
    void remember(bool ok, const StatementOutcome& outcome, const QString& error);
    /// Keeps a production write's answer in the operations log.
    void recordOperation(bool committed);
    void showStatus(const QString& text);
    void updateMode();
    QList<Piece> currentPieces() const;

    ConnectionUrl m_url;
    bool m_production = false;
    SqlEditor* m_editor;
    ModeStrip* m_mode;
    ErrorBanner* m_banner;
    QTabWidget* m_results;
    ResultGrid* m_grid;
    ExplainPanel* m_explain = nullptr;
    QPushButton* m_run;
    QPushButton* m_runScript;
    QPushButton* m_cancel;
    QPushButton* m_write;
    QPushButton* m_explainButton;
    QPushButton* m_analyzeButton;
    QLabel* m_status;
    ConsoleThread* m_thread = nullptr;

    QList<Piece> m_queue;
    Piece m_current;
    int m_nextId = 0;
    int m_runId = 0;
    bool m_cancelled = false;
    bool m_shownRows = false;
    int m_statementsDone = 0;
    qint64 m_affected = 0;
    StatementOutcome m_lastOutcome;
    QElapsedTimer m_clock;
    QTimer m_takeRows;
};

} // namespace strata
