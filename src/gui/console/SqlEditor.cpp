#include "console/SqlEditor.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QScrollBar>
#include <QStringListModel>

#include "common/SqlHighlighter.h"

namespace strata {

SqlEditor::SqlEditor(QWidget* parent) : QPlainTextEdit(parent)
{
    setObjectName(QStringLiteral("sqlEditor"));
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTabStopDistance(fontMetrics().horizontalAdvance(QLatin1Char(' ')) * 4);
    setPlaceholderText(
        tr("Type SQL here. Ctrl+Return runs the statement under the cursor (or the selection), "
           "Ctrl+Shift+Return the whole script, Esc cancels."));
    m_highlighter = new SqlHighlighter(document());
    m_names = new QStringListModel(this);
    m_completer = new QCompleter(m_names, this);
    m_completer->setObjectName(QStringLiteral("sqlCompleter"));
    m_completer->setWidget(this);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setModelSorting(QCompleter::CaseInsensitivelySortedModel);
    connect(m_completer, qOverload<const QString&>(&QCompleter::activated), this,
            &SqlEditor::insertCompletion);
}

namespace {

QStringList sortedNames(QStringList names)
{
    names.removeDuplicates();
    std::sort(names.begin(), names.end(),
              [](const QString& a, const QString& b) { return a.compare(b, Qt::CaseInsensitive) < 0; });
    return names;
}

} // namespace

void SqlEditor::setNames(const QStringList& names, const QHash<QString, QStringList>& columnsOf)
{
    m_all = sortedNames(names);
    m_columnsOf = columnsOf;
    m_names->setStringList(m_all);
}

QString SqlEditor::tableBeforeDot() const
{
    const QTextCursor cursor = textCursor();
    const QString line = cursor.block().text().left(cursor.positionInBlock());
    int dot = int(line.size());
    while (dot > 0 && (line.at(dot - 1).isLetterOrNumber() || line.at(dot - 1) == QLatin1Char('_')))
        --dot;
    if (dot == 0 || line.at(dot - 1) != QLatin1Char('.'))
        return {};
    int start = dot - 1;
    while (start > 0 && (line.at(start - 1).isLetterOrNumber() || line.at(start - 1) == QLatin1Char('_') ||
                         line.at(start - 1) == QLatin1Char('"')))
        --start;
    QString table = line.mid(start, dot - 1 - start);
    table.remove(QLatin1Char('"'));
    return table.toLower();
}

QString SqlEditor::wordBeforeCursor() const
{
    const QTextCursor cursor = textCursor();
    const QString line = cursor.block().text().left(cursor.positionInBlock());
    int start = int(line.size());
    while (start > 0 && (line.at(start - 1).isLetterOrNumber() || line.at(start - 1) == QLatin1Char('_')))
        --start;
    return line.mid(start);
}

void SqlEditor::offerCompletion(bool evenIfShort)
{
    const QString word = wordBeforeCursor();
    // After "fills." only the columns of fills are offered, and at once.
    const QString table = tableBeforeDot();
    const QStringList offered = m_columnsOf.contains(table) ? sortedNames(m_columnsOf.value(table)) : m_all;
    if (m_names->stringList() != offered)
        m_names->setStringList(offered);
    if (!table.isEmpty() && m_columnsOf.contains(table))
        evenIfShort = true;
    if ((word.size() < 2 && !evenIfShort) || m_names->rowCount() == 0) {
        m_completer->popup()->hide();
        return;
    }
    if (word != m_completer->completionPrefix()) {
        m_completer->setCompletionPrefix(word);
        m_completer->popup()->setCurrentIndex(m_completer->completionModel()->index(0, 0));
    }
    if (m_completer->completionCount() == 0 ||
        (m_completer->completionCount() == 1 && m_completer->currentCompletion() == word)) {
        m_completer->popup()->hide();
        return;
    }
    QRect rect = cursorRect();
    rect.setWidth(m_completer->popup()->sizeHintForColumn(0) +
                  m_completer->popup()->verticalScrollBar()->sizeHint().width());
    m_completer->complete(rect);
}

void SqlEditor::insertCompletion(const QString& name)
{
    QTextCursor cursor = textCursor();
    const int typed = int(m_completer->completionPrefix().size());
    cursor.movePosition(QTextCursor::Left, QTextCursor::KeepAnchor, typed);
    cursor.insertText(name);
    setTextCursor(cursor);
}

void SqlEditor::moveCursorTo(int position)
{
    QTextCursor cursor = textCursor();
    cursor.setPosition(std::clamp(position, 0, document()->characterCount() - 1));
    setTextCursor(cursor);
    ensureCursorVisible();
    setFocus();
}

void SqlEditor::markRunning(int start, int length)
{
    m_running = length > 0 ? start : -1;
    m_runningLength = length;
    m_error = -1;
    showMarks();
}

void SqlEditor::markError(int position)
{
    m_running = -1;
    m_error = position;
    showMarks();
}

void SqlEditor::clearMarks()
{
    m_running = -1;
    m_error = -1;
    showMarks();
}

void SqlEditor::showMarks()
{
    QList<QTextEdit::ExtraSelection> marks;
    const int end = document()->characterCount() - 1;
    if (m_running >= 0 && m_running < end) {
        QTextEdit::ExtraSelection mark;
        mark.cursor = QTextCursor(document());
        mark.cursor.setPosition(m_running);
        mark.cursor.setPosition(std::min(end, m_running + m_runningLength), QTextCursor::KeepAnchor);
        // The selection's colour, faint: readable under the text's own colours in either theme.
        QColor tint = palette().color(QPalette::Highlight);
        tint.setAlpha(60);
        mark.format.setBackground(tint);
        marks << mark;
    }
    if (m_error >= 0 && m_error < end) {
        QTextEdit::ExtraSelection mark;
        mark.cursor = QTextCursor(document());
        mark.cursor.setPosition(m_error);
        mark.cursor.movePosition(QTextCursor::EndOfWord, QTextCursor::KeepAnchor);
        if (!mark.cursor.hasSelection())
            mark.cursor.movePosition(QTextCursor::NextCharacter, QTextCursor::KeepAnchor);
        mark.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        mark.format.setUnderlineColor(QColor(0xe0, 0x3b, 0x2e));
        marks << mark;
    }
    setExtraSelections(marks);
}

void SqlEditor::keyPressEvent(QKeyEvent* event)
{
    if (m_completer->popup()->isVisible()) {
        switch (event->key()) {
        case Qt::Key_Enter:
        case Qt::Key_Return:
        case Qt::Key_Tab:
            if (!(event->modifiers() & Qt::ControlModifier)) {
                event->ignore(); // the completer's popup takes it
                return;
            }
            break;
        case Qt::Key_Escape:
            m_completer->popup()->hide();
            return;
        default:
            break;
        }
    }
    if (event->key() == Qt::Key_Space && event->modifiers() == Qt::ControlModifier) {
        offerCompletion(true);
        return;
    }
    // Run and cancel from the keyboard where the operator types, whatever the window's shortcuts do.
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) &&
        (event->modifiers() & Qt::ControlModifier)) {
        Q_EMIT runRequested(event->modifiers() & Qt::ShiftModifier);
        return;
    }
    if (event->key() == Qt::Key_Escape && event->modifiers() == Qt::NoModifier) {
        Q_EMIT cancelRequested();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
    const QString text = event->text();
    if (!text.isEmpty() &&
        (text.at(0).isLetterOrNumber() || text.at(0) == QLatin1Char('_') || text.at(0) == QLatin1Char('.')))
        offerCompletion();
    else if (m_completer->popup()->isVisible() && event->key() != Qt::Key_Shift)
        offerCompletion();
}

} // namespace strata
