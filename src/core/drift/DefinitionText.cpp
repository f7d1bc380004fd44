#include "drift/DefinitionText.h"

namespace strata {

namespace {

bool isPunctuation(QChar c)
{
    return QStringLiteral("(),;=<>+-*/|:").contains(c);
}

/// Whether text is "( … )" with the first parenthesis closing at the very end.
bool wrappedInParentheses(const QString& text)
{
    if (text.size() < 2 || text.front() != QLatin1Char('(') || text.back() != QLatin1Char(')'))
        return false;
    int depth = 0;
    bool inString = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\''))
            inString = !inString;
        if (inString)
            continue;
        if (c == QLatin1Char('('))
            ++depth;
        else if (c == QLatin1Char(')') && --depth == 0 && i != text.size() - 1)
            return false;
    }
    return depth == 0;
}

} // namespace

QString DefinitionText::normalise(const QString& text)
{
    QString out;
    out.reserve(text.size());
    bool inString = false;
    bool pendingSpace = false;
    for (const QChar c : text) {
        if (inString) {
            out += c;
            if (c == QLatin1Char('\''))
                inString = false;
            continue;
        }
        if (c.isSpace()) {
            pendingSpace = !out.isEmpty();
            continue;
        }
        if (c == QLatin1Char('"') || c == QLatin1Char('`'))
            continue;
        if (pendingSpace && !isPunctuation(c) && !isPunctuation(out.back()))
            out += QLatin1Char(' ');
        pendingSpace = false;
        if (c == QLatin1Char('\''))
            inString = true;
        out += c.toLower();
    }
    while (out.endsWith(QLatin1Char(';')))
        out.chop(1);
    while (wrappedInParentheses(out))
        out = out.mid(1, out.size() - 2);
    return out;
}

} // namespace strata
