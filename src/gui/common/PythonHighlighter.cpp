#include "common/PythonHighlighter.h"

#include <utility>

#include <QSet>

namespace strata {

namespace {

/// The block states: a line that ends inside a triple-quoted string carries which one.
enum State { Code = 0, InDoubleTriple = 1, InSingleTriple = 2 };

bool isKeyword(const QString& word)
{
    static const QSet<QString> keywords{
        QStringLiteral("False"),  QStringLiteral("None"),     QStringLiteral("True"),
        QStringLiteral("and"),    QStringLiteral("as"),       QStringLiteral("assert"),
        QStringLiteral("async"),  QStringLiteral("await"),    QStringLiteral("break"),
        QStringLiteral("class"),  QStringLiteral("continue"), QStringLiteral("def"),
        QStringLiteral("del"),    QStringLiteral("elif"),     QStringLiteral("else"),
        QStringLiteral("except"), QStringLiteral("finally"),  QStringLiteral("for"),
        QStringLiteral("from"),   QStringLiteral("global"),   QStringLiteral("if"),
        QStringLiteral("import"), QStringLiteral("in"),       QStringLiteral("is"),
        QStringLiteral("lambda"), QStringLiteral("nonlocal"), QStringLiteral("not"),
        QStringLiteral("or"),     QStringLiteral("pass"),     QStringLiteral("raise"),
        QStringLiteral("return"), QStringLiteral("try"),      QStringLiteral("while"),
        QStringLiteral("with"),   QStringLiteral("yield")};
    return keywords.contains(word);
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

} // namespace

QColor PythonHighlighter::keywordColour()
{
    return {0x1f, 0x4e, 0x99};
}

QColor PythonHighlighter::stringColour()
{
    return {0x2e, 0x7d, 0x32};
}

QColor PythonHighlighter::commentColour()
{
    return {0x75, 0x75, 0x75};
}

PythonHighlighter::PythonHighlighter(QTextDocument* document) : QSyntaxHighlighter(document)
{
    m_keyword.setForeground(keywordColour());
    m_keyword.setFontWeight(QFont::Bold);
    m_string.setForeground(stringColour());
    m_number.setForeground(QColor(0x8a, 0x4b, 0x08));
    m_comment.setForeground(commentColour());
    m_comment.setFontItalic(true);
}

std::pair<qsizetype, bool> PythonHighlighter::stringEnd(const QString& text, qsizetype from,
                                                        const QString& quote)
{
    for (qsizetype i = from; i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('\\')) {
            ++i;
            continue;
        }
        if (text.mid(i, quote.size()) == quote)
            return {i + quote.size(), true};
    }
    return {text.size(), false};
}

void PythonHighlighter::highlightBlock(const QString& text)
{
    setCurrentBlockState(Code);
    qsizetype i = 0;
    // A triple-quoted string (a docstring) left open on the line before.
    if (const int open = previousBlockState(); open == InDoubleTriple || open == InSingleTriple) {
        const QString quote = open == InDoubleTriple ? QStringLiteral("\"\"\"") : QStringLiteral("'''");
        const auto [end, closed] = stringEnd(text, 0, quote);
        setFormat(0, static_cast<int>(end), m_string);
        if (!closed) {
            setCurrentBlockState(open);
            return;
        }
        i = end;
    }
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('#')) {
            setFormat(static_cast<int>(i), static_cast<int>(text.size() - i), m_comment);
            return;
        }
        if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            const QString triple(3, c);
            const QString quote = text.mid(i, 3) == triple ? triple : QString(c);
            const auto [end, closed] = stringEnd(text, i + quote.size(), quote);
            setFormat(static_cast<int>(i), static_cast<int>(end - i), m_string);
            if (!closed && quote.size() == 3)
                setCurrentBlockState(c == QLatin1Char('"') ? InDoubleTriple : InSingleTriple);
            i = end;
            continue;
        }
        if (isWordChar(c)) {
            qsizetype end = i;
            while (end < text.size() && isWordChar(text.at(end)))
                ++end;
            const QString word = text.mid(i, end - i);
            if (isKeyword(word))
                setFormat(static_cast<int>(i), static_cast<int>(end - i), m_keyword);
            else if (c.isDigit())
                setFormat(static_cast<int>(i), static_cast<int>(end - i), m_number);
            i = end;
            continue;
        }
        ++i;
    }
}

} // namespace strata
