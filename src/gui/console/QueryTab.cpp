#include "console/QueryTab.h"

#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTabWidget>
#include <QTextDocumentFragment>
#include <QVBoxLayout>

#include "browse/GridScroller.h"
#include "common/ErrorBanner.h"
#include "connection/Database.h"
#include "console/ConsoleStatements.h"
#include "console/ConsoleThread.h"
#include "console/ConsoleWorker.h"
#include "console/ModeStrip.h"
#include "console/OperationsLog.h"
#include "console/QueryButtons.h"
#include "console/QueryHistory.h"
#include "console/ResultGrid.h"
#include "console/ResultModel.h"
#include "console/ResultSpool.h"
#include "console/RunRecords.h"
#include "console/RunText.h"
#include "console/SqlEditor.h"
#include "console/StatementKind.h"
#include "console/WriteConfirmation.h"
#include "explain/ExplainPanel.h"

namespace strata {

QueryTab::QueryTab(ConnectionUrl url, bool production, QWidget* parent)
    : QWidget(parent), m_url(std::move(url)), m_production(production)
{
    m_editor = new SqlEditor(this);
    m_mode = new ModeStrip(this);
    m_banner = new ErrorBanner(this);
    m_banner->setObjectName(QStringLiteral("consoleBanner"));
    m_banner->clear();
    auto* buttons = new QueryButtons(this);
    m_run = buttons->run;
    m_runScript = buttons->runScript;
    m_cancel = buttons->cancel;
    m_explainButton = buttons->explain;
    m_analyzeButton = buttons->analyze;
    m_write = buttons->write;

    m_grid = new ResultGrid(m_url, this);
    m_results = new QTabWidget(this);
    m_results->setObjectName(QStringLiteral("resultArea"));
    m_results->setDocumentMode(true);
    m_results->addTab(m_grid, tr("Result"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("consoleStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* resultPane = new QWidget(this);
    auto* resultLayout = new QVBoxLayout(resultPane);
    resultLayout->setContentsMargins(0, 0, 0, 0);
    resultLayout->addWidget(m_banner);
    resultLayout->addWidget(m_results, 1);
    resultLayout->addWidget(m_status);

    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_editor);
    split->addWidget(resultPane);
    // The result (or the plan) gets most of the height: a query is a few lines, its answer is many.
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(buttons);
    layout->addWidget(m_mode);
    layout->addWidget(split, 1);

    connect(m_run, &QPushButton::clicked, this, &QueryTab::runCurrent);
    connect(m_runScript, &QPushButton::clicked, this, &QueryTab::runScript);
    connect(m_cancel, &QPushButton::clicked, this, &QueryTab::cancel);
    connect(m_explainButton, &QPushButton::clicked, this, [this] { explainCurrent(false); });
    connect(m_analyzeButton, &QPushButton::clicked, this, [this] { explainCurrent(true); });
    connect(m_write, &QPushButton::toggled, this, &QueryTab::updateMode);
    connect(m_editor, &SqlEditor::runRequested, this,
            [this](bool script) { script ? runScript() : runCurrent(); });
    connect(m_editor, &SqlEditor::cancelRequested, this, &QueryTab::cancel);
    m_takeRows.setSingleShot(true);
    m_takeRows.setInterval(100);
    connect(&m_takeRows, &QTimer::timeout, this, &QueryTab::takeRows);
    auto* run = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    run->setContext(Qt::WidgetWithChildrenShortcut);
    connect(run, &QShortcut::activated, this, &QueryTab::runCurrent);
    auto* script = new QShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return), this);
    script->setContext(Qt::WidgetWithChildrenShortcut);
    connect(script, &QShortcut::activated, this, &QueryTab::runScript);
    auto* stop = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    stop->setContext(Qt::WidgetWithChildrenShortcut);
    connect(stop, &QShortcut::activated, this, &QueryTab::cancel);
    updateMode();
    showStatus(tr("Nothing run yet."));
}

QueryTab::~QueryTab()
{
    stopWorker();
}

bool QueryTab::writeMode() const
{
    return m_write->isChecked();
}

void QueryTab::setWriteMode(bool on)
{
    m_write->setChecked(on);
}

void QueryTab::setProduction(bool production)
{
    m_production = production;
    updateMode();
}

void QueryTab::updateMode()
{
    m_mode->show(writeMode(), m_production, m_url.display());
    // The button says the state in words: a pressed look alone is faint in some styles and themes.
    m_write->setText(writeMode() ? tr("Write mode: on") : tr("Write mode: off"));
    m_write->setStyleSheet(writeMode() ? QStringLiteral("QPushButton#writeMode { font-weight: bold; }")
                                       : QString());
    Q_EMIT writeModeChanged(writeMode());
}

void QueryTab::ensureWorker()
{
    if (m_thread)
        return;
    m_thread = new ConsoleThread(m_url, this);
    ConsoleWorker* worker = m_thread->worker();
    connect(worker, &ConsoleWorker::resultStarted, this, &QueryTab::onResultStarted);
    connect(worker, &ConsoleWorker::rowsArrived, this, &QueryTab::onRowsArrived);
    connect(worker, &ConsoleWorker::finished, this, &QueryTab::onFinished);
    connect(worker, &ConsoleWorker::held, this, &QueryTab::onHeld);
    connect(worker, &ConsoleWorker::heldEnded, this, &QueryTab::onHeldEnded);
}

void QueryTab::stopWorker()
{
    if (!m_thread)
        return;
    m_thread->stop();
    m_thread->deleteLater();
    m_thread = nullptr;
    m_queue.clear();
    if (isRunning())
        endRun(false, tr("Cancelled: the tab's connection was closed."));
}

ConsoleWorker* QueryTab::worker() const
{
    return m_thread ? m_thread->worker() : nullptr;
}

bool QueryTab::workerEnding() const
{
    return ConsoleThread::ending() > 0;
}

QList<QueryTab::Piece> QueryTab::currentPieces() const
{
    const QTextCursor cursor = m_editor->textCursor();
    const Dialect dialect = m_url.dialect();
    QList<Piece> pieces;
    if (cursor.hasSelection()) {
        const int base = cursor.selectionStart();
        const QString selected = cursor.selection().toPlainText();
        for (const ConsoleStatement& statement : ConsoleStatements::split(dialect, selected))
            pieces << Piece{statement.text, base + statement.start};
        return pieces;
    }
    if (const auto statement =
            ConsoleStatements::statementAt(dialect, m_editor->toPlainText(), cursor.position()))
        pieces << Piece{statement->text, statement->start};
    return pieces;
}

void QueryTab::runCurrent()
{
    start(currentPieces());
}

void QueryTab::runScript()
{
    QList<Piece> pieces;
    for (const ConsoleStatement& statement :
         ConsoleStatements::split(m_url.dialect(), m_editor->toPlainText()))
        pieces << Piece{statement.text, statement.start};
    start(pieces);
}

void QueryTab::start(QList<Piece> pieces)
{
    if (isRunning())
        return;
    if (pieces.isEmpty()) {
        m_banner->showNotice(
            tr("There is no statement under the cursor: type one, or select the text to run."));
        return;
    }
    m_banner->clear();
    m_results->setCurrentWidget(m_grid);
    // The previous result goes: rows left from another statement would read as this one's.
    m_grid->model()->setSpool(nullptr);
    m_grid->setStatement({});
    m_queue = std::move(pieces);
    m_cancelled = false;
    m_statementsDone = 0;
    m_affected = 0;
    m_lastOutcome = {};
    m_run->setEnabled(false);
    m_runScript->setEnabled(false);
    m_cancel->setEnabled(true);
    m_write->setEnabled(false);
    m_clock.start();
    ensureWorker();
    runNext();
}

void QueryTab::runNext()
{
    if (m_queue.isEmpty()) {
        endRun(true,
               RunText::summary(m_statementsDone, m_lastOutcome, m_affected, m_clock.nsecsElapsed() / 1000));
        return;
    }
    m_current = m_queue.takeFirst();
    m_editor->markRunning(m_current.offset, int(m_current.sql.size()));
    m_runId = ++m_nextId;
    m_shownRows = false;
    showStatus(tr("Running…"));
    ConsoleWorker* worker = m_thread->worker();
    QMetaObject::invokeMethod(
        worker,
        [worker, id = m_runId, sql = m_current.sql, write = writeMode(), ask = m_production] {
            worker->run(id, sql, write, ask);
        },
        Qt::QueuedConnection);
}

void QueryTab::onResultStarted(int id, std::shared_ptr<ResultSpool> spool)
{
    if (id != m_runId)
        return;
    m_grid->model()->setSpool(std::move(spool));
    m_grid->setStatement(m_current.sql);
    m_grid->scroller()->scrollToRow(0);
}

void QueryTab::onRowsArrived(int id)
{
    if (id != m_runId) {
        if (m_thread)
            m_thread->worker()->rowsTaken();
        return;
    }
    // The first rows show at once; after them the grid takes what arrived a few times a second, so a fast
    // stream of batches never keeps the GUI thread busy (the worker announces again only once taken).
    if (m_shownRows) {
        if (!m_takeRows.isActive())
            m_takeRows.start();
        return;
    }
    takeRows();
}

void QueryTab::takeRows()
{
    if (m_thread)
        m_thread->worker()->rowsTaken();
    if (!isRunning())
        return;
    m_grid->model()->takeNewRows();
    if (!m_shownRows && m_grid->model()->rowCount() > 0) {
        m_shownRows = true;
        Q_EMIT firstRowsShown();
    }
    showStatus(
        tr("Running… %1 so far · %2")
            .arg(RunText::rows(m_grid->model()->rowCount()), RunText::time(m_clock.nsecsElapsed() / 1000)));
}

void QueryTab::onFinished(int id, bool ok, const StatementOutcome& outcome, const Error& error, int position)
{
    if (id != m_runId)
        return;
    m_grid->model()->takeNewRows();
    if (!m_shownRows && m_grid->model()->rowCount() > 0) {
        m_shownRows = true;
        Q_EMIT firstRowsShown();
    }
    const qint64 rows = m_grid->model()->rowCount();
    remember(ok && !m_cancelled, outcome, m_cancelled ? tr("cancelled") : error.what);
    if (m_cancelled) {
        endRun(false, tr("Cancelled after %1 and %2; the statement was stopped.")
                          .arg(RunText::rows(rows), RunText::time(m_clock.nsecsElapsed() / 1000)));
        return;
    }
    if (!ok) {
        m_queue.clear();
        m_banner->showError(error);
        if (position >= 0) {
            m_editor->moveCursorTo(m_current.offset + position);
            m_editor->markError(m_current.offset + position);
        }
        endRun(false, tr("Failed after %1: %2")
                          .arg(RunText::time(m_clock.nsecsElapsed() / 1000),
                               error.what.section(QLatin1Char('\n'), 0, 0)));
        return;
    }
    ++m_statementsDone;
    if (outcome.rowsAffected > 0)
        m_affected += outcome.rowsAffected;
    if (!outcome.columns.isEmpty() || m_lastOutcome.columns.isEmpty())
        m_lastOutcome = outcome;
    else
        m_lastOutcome.rowsAffected = outcome.rowsAffected;
    runNext();
}

void QueryTab::onHeld(int id, const StatementOutcome& outcome)
{
    if (id != m_runId)
        return;
    showStatus(tr("Waiting for your answer: the %1 holds its rows locked.").arg(outcome.command));
    auto* question = new WriteConfirmation(outcome, m_url.display(), this);
    question->setAttribute(Qt::WA_DeleteOnClose);
    connect(question, &QMessageBox::finished, this, [this, question, id, outcome] {
        const bool commit = question->clickedButton() == question->commitButton();
        m_lastOutcome = outcome;
        showStatus(commit ? tr("Committing…") : tr("Rolling back…"));
        if (m_thread) {
            ConsoleWorker* worker = m_thread->worker();
            QMetaObject::invokeMethod(
                worker, [worker, id, commit] { worker->finishHeld(id, commit); }, Qt::QueuedConnection);
        }
    });
    question->open();
}

void QueryTab::onHeldEnded(int id, bool committed, const Error& error)
{
    if (id != m_runId)
        return;
    // Every answer is kept, committed or not: the log says what was asked on the production database.
    recordOperation(committed && error.what.isEmpty());
    if (!error.what.isEmpty()) {
        m_queue.clear();
        m_banner->showError(error);
        endRun(false,
               tr("The transaction could not be ended: %1").arg(error.what.section(QLatin1Char('\n'), 0, 0)));
        return;
    }
    if (!committed) {
        const int skipped = int(m_queue.size());
        m_queue.clear();
        m_banner->showNotice(
            skipped > 0 ? tr("Rolled back: %1 is as it was. The %2 statements after it were not run.")
                              .arg(m_url.display())
                              .arg(skipped)
                        : tr("Rolled back: %1 is as it was.").arg(m_url.display()));
        endRun(false, tr("Rolled back: nothing changed."));
        return;
    }
    ++m_statementsDone;
    if (m_lastOutcome.rowsAffected > 0)
        m_affected += m_lastOutcome.rowsAffected;
    runNext();
}

void QueryTab::remember(bool ok, const StatementOutcome& outcome, const QString& error)
{
    RunRecords::remember(m_url, m_current.sql, ok, outcome, error);
}

void QueryTab::recordOperation(bool committed)
{
    if (const Status kept =
            RunRecords::recordOperation(m_url, m_current.sql, m_lastOutcome.rowsAffected, committed);
        !kept)
        m_banner->showError(kept.error().prefixed(tr("The operations log could not be written.")));
}

void QueryTab::cancel()
{
    if (!isRunning()) {
        if (m_explain && m_explain->isRunning())
            m_explain->cancel();
        return;
    }
    m_cancelled = true;
    m_queue.clear();
    showStatus(tr("Cancelling…"));
    if (m_thread)
        m_thread->worker()->interrupt(m_runId);
}

void QueryTab::endRun(bool ok, const QString& status)
{
    m_takeRows.stop();
    if (m_editor->errorMarkStart() < 0)
        m_editor->clearMarks();
    m_runId = 0;
    m_run->setEnabled(true);
    m_runScript->setEnabled(true);
    m_cancel->setEnabled(false);
    m_write->setEnabled(true);
    showStatus(status);
    Q_EMIT runEnded(ok);
}

void QueryTab::showStatus(const QString& text)
{
    m_status->setText(text);
}

QString QueryTab::statusText() const
{
    return m_status->text();
}

void QueryTab::explainCurrent(bool analyze)
{
    const QList<Piece> pieces = currentPieces();
    if (pieces.isEmpty()) {
        m_banner->showNotice(tr("There is no statement under the cursor to explain."));
        return;
    }
    if (!m_explain) {
        m_explain = new ExplainPanel(m_url, this);
        m_explain->setObjectName(QStringLiteral("consolePlan"));
        m_results->addTab(m_explain, tr("Plan"));
        connect(m_explain, &ExplainPanel::tableRequested, this, &QueryTab::tableRequested);
    }
    // Explain Analyze runs the statement (rolled back at the end): a write on a production database takes
    // its locks and fires its triggers while it runs, so it asks first, as a write does.
    const QString sql = pieces.first().sql;
    const StatementKind::Kind kind = StatementKind::ofText(m_url.dialect(), sql);
    if (analyze && m_production && StatementKind::changes(kind)) {
        QMessageBox question(
            QMessageBox::Warning, tr("Explain Analyze on a production database"),
            tr("Explain Analyze runs this %1 on %2, a production database, and rolls it back "
               "at the end. While it runs, it locks the rows it changes and fires their "
               "triggers. Run it?")
                .arg(Database::leadingKeyword(sql.toUtf8()), m_url.display()),
            QMessageBox::NoButton, this);
        QPushButton* run = question.addButton(tr("Run and roll back"), QMessageBox::AcceptRole);
        run->setObjectName(QStringLiteral("analyzeWrite"));
        question.setDefaultButton(question.addButton(QMessageBox::Cancel));
        question.exec();
        if (question.clickedButton() != run) {
            showStatus(tr("Explain Analyze not run: nothing was sent to the database."));
            return;
        }
    }
    m_banner->clear();
    m_results->setCurrentWidget(m_explain);
    m_explain->explain(sql, analyze);
}

} // namespace strata
