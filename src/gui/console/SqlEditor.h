#pragma once

#include <QHash>
#include <QPlainTextEdit>
#include <QStringList>

class QCompleter;
class QStringListModel;

namespace strata {

class SqlHighlighter;

/// The text of one console query: SQL highlighted as elsewhere in Strata, and the names of the database's
/// tables and columns completed as they are typed (after two letters, or at once with Ctrl+Space).
class SqlEditor : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit SqlEditor(QWidget* parent = nullptr);

    /// The names offered: tables and columns of the open database, and each table's columns (by table name,
    /// lower case) for completing after "table.".
    void setNames(const QStringList& names, const QHash<QString, QStringList>& columnsOf = {});
    QStringList names() const { return m_all; }
    QCompleter* completer() const { return m_completer; }
    /// Offers completions of the word before the cursor (what typing does; public for tests).
    void offerCompletion(bool evenIfShort = false);
    /// Puts the cursor at character `position` of the text and shows it.
    void moveCursorTo(int position);
    /// Marks the statement that runs (a tint behind it) until clearMarks(); -1 length: none.
    void markRunning(int start, int length);
    /// Underlines the word at `position` where the engine saw an error.
    void markError(int position);
    void clearMarks();
    /// The marks shown now (for tests): the running statement's range, the error's position, or -1.
    int runningMarkStart() const { return m_running; }
    int errorMarkStart() const { return m_error; }

Q_SIGNALS:
    /// Ctrl+Return (the statement under the cursor or the selection), Ctrl+Shift+Return (the whole script).
    void runRequested(bool script);
    /// Esc with no completion open.
    void cancelRequested();

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    QString wordBeforeCursor() const;
    /// The table named before "name." when the cursor is after such a dot, lower case; empty otherwise.
    QString tableBeforeDot() const;
    void insertCompletion(const QString& name);
    void showMarks();

    int m_running = -1;
    int m_runningLength = 0;
    int m_error = -1;

    SqlHighlighter* m_highlighter;
    QCompleter* m_completer;
    QStringListModel* m_names;
    QStringList m_all;
    QHash<QString, QStringList> m_columnsOf;
};

} // namespace strata
