#pragma once

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

    /// The names offered: tables and columns of the open database.
    void setNames(const QStringList& names);
    QStringList names() const;
    QCompleter* completer() const { return m_completer; }
    /// Offers completions of the word before the cursor (what typing does; public for tests).
    void offerCompletion(bool evenIfShort = false);
    /// Puts the cursor at character `position` of the text and shows it.
    void moveCursorTo(int position);

Q_SIGNALS:
    /// Ctrl+Return (the statement under the cursor or the selection), Ctrl+Shift+Return (the whole script).
    void runRequested(bool script);
    /// Esc with no completion open.
    void cancelRequested();

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    QString wordBeforeCursor() const;
    void insertCompletion(const QString& name);

    SqlHighlighter* m_highlighter;
    QCompleter* m_completer;
    QStringListModel* m_names;
};

} // namespace strata
