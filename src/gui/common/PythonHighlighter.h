#pragma once

#include <utility>

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace strata {

/// Colours Python in previews (an Alembic revision file): keywords, strings (triple-quoted ones across
/// lines), numbers and comments. Read left to right, so that a '#' or a keyword inside a string stays
/// string, and a docstring's "Create Date:" is never taken for anything else.
class PythonHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    explicit PythonHighlighter(QTextDocument* document);

    /// The colours, for tests and for a legend.
    static QColor keywordColour();
    static QColor stringColour();
    static QColor commentColour();

protected:
    void highlightBlock(const QString& text) override;

private:
    /// From `from`, the end of a string opened by `quote` (one or three characters) and whether it closed
    /// on this line; backslash escapes are skipped.
    static std::pair<qsizetype, bool> stringEnd(const QString& text, qsizetype from, const QString& quote);

    QTextCharFormat m_keyword;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_comment;
};

} // namespace strata
