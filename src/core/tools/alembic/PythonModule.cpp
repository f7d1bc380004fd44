#include "tools/alembic/PythonModule.h"

#include <algorithm>

#include <QList>

namespace strata {

namespace {

struct Token
{
    enum class Type { Name, String, Number, Op, Newline };
    Type type = Type::Op;
    QString text;       ///< the name, the operator, or the string's decoded value
    bool plain = false; ///< a string that is neither bytes nor an f-string
    int line = 0;
    int column = 0;
    int depth = 0; ///< brackets open before this token
    qsizetype begin = 0;
    qsizetype end = 0;
};

using Tokens = QList<Token>;

Error unreadable(const QString& path, int line, const QString& what)
{
    return Error::badInput(
        QStringLiteral("%1, line %2: %3, so it is no Python module Alembic can load.")
            .arg(path)
            .arg(line)
            .arg(what),
        QStringLiteral("Correct the file (python3 -m py_compile %1 shows where), then run the command again.")
            .arg(path));
}

bool isIdentifierStart(QChar c)
{
    return c == QLatin1Char('_') || c.isLetter();
}

bool isIdentifierPart(QChar c)
{
    return c == QLatin1Char('_') || c.isLetterOrNumber();
}

int hexValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= '0' && u <= '9')
        return u - '0';
    if (u >= 'a' && u <= 'f')
        return u - 'a' + 10;
    if (u >= 'A' && u <= 'F')
        return u - 'A' + 10;
    return -1;
}

class Tokenizer
{
public:
    Tokenizer(const QString& text, const QString& path) : m_text(text), m_path(path) {}

    Result<Tokens> run()
    {
        const qsizetype n = m_text.size();
        while (m_i < n) {
            const QChar c = m_text[m_i];
            if (c == QLatin1Char('\n')) {
                if (m_openLines.isEmpty())
                    newline();
                nextLine(m_i + 1);
                continue;
            }
            if (c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\f') ||
                c == QLatin1Char('\r')) {
                ++m_i;
                continue;
            }
            if (c == QLatin1Char('#')) {
                while (m_i < n && m_text[m_i] != QLatin1Char('\n'))
                    ++m_i;
                continue;
            }
            if (c == QLatin1Char('\\')) {
                qsizetype j = m_i + 1;
                if (j < n && m_text[j] == QLatin1Char('\r'))
                    ++j;
                if (j < n && m_text[j] == QLatin1Char('\n')) {
                    nextLine(j + 1);
                    continue;
                }
                return unreadable(m_path, m_line,
                                  QStringLiteral("a backslash is not at the end of its line"));
            }
            if (isIdentifierStart(c)) {
                qsizetype j = m_i;
                while (j < n && isIdentifierPart(m_text[j]))
                    ++j;
                const QString word = m_text.mid(m_i, j - m_i);
                const QString prefix = word.toLower();
                static const QStringList prefixes{
                    QStringLiteral("r"),  QStringLiteral("u"),  QStringLiteral("b"),  QStringLiteral("f"),
                    QStringLiteral("br"), QStringLiteral("rb"), QStringLiteral("fr"), QStringLiteral("rf")};
                if (j < n && (m_text[j] == QLatin1Char('\'') || m_text[j] == QLatin1Char('"')) &&
                    prefixes.contains(prefix)) {
                    if (auto s = string(j, prefix); !s)
                        return s.error();
                    continue;
                }
                push(Token::Type::Name, word, j);
                continue;
            }
            if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
                if (auto s = string(m_i, QString()); !s)
                    return s.error();
                continue;
            }
            if (c.isDigit() || (c == QLatin1Char('.') && m_i + 1 < n && m_text[m_i + 1].isDigit())) {
                qsizetype j = m_i;
                while (j < n && (m_text[j].isLetterOrNumber() || m_text[j] == QLatin1Char('_') ||
                                 m_text[j] == QLatin1Char('.'))) {
                    const QChar d = m_text[j];
                    ++j;
                    if ((d == QLatin1Char('e') || d == QLatin1Char('E')) && j < n &&
                        (m_text[j] == QLatin1Char('+') || m_text[j] == QLatin1Char('-')))
                        ++j;
                }
                push(Token::Type::Number, m_text.mid(m_i, j - m_i), j);
                continue;
            }
            if (c == QLatin1Char('(') || c == QLatin1Char('[') || c == QLatin1Char('{')) {
                push(Token::Type::Op, QString(c), m_i + 1);
                m_openLines << m_line;
                continue;
            }
            if (c == QLatin1Char(')') || c == QLatin1Char(']') || c == QLatin1Char('}')) {
                if (m_openLines.isEmpty())
                    return unreadable(m_path, m_line,
                                      QStringLiteral("'%1' closes a bracket that was never opened").arg(c));
                m_openLines.removeLast();
                push(Token::Type::Op, QString(c), m_i + 1);
                continue;
            }
            const QString o = op();
            push(Token::Type::Op, o, m_i + o.size());
        }
        if (!m_openLines.isEmpty())
            return unreadable(m_path, m_openLines.last(),
                              QStringLiteral("a bracket opened here is never closed"));
        newline();
        return m_tokens;
    }

private:
    void nextLine(qsizetype next)
    {
        ++m_line;
        m_i = next;
        m_lineStart = next;
    }

    void newline()
    {
        if (!m_tokens.isEmpty() && m_tokens.last().type != Token::Type::Newline)
            push(Token::Type::Newline, QString(), m_i);
    }

    void push(Token::Type type, const QString& text, qsizetype end, bool plain = false, int line = 0,
              qsizetype begin = -1, int column = -1)
    {
        Token t;
        t.type = type;
        t.text = text;
        t.plain = plain;
        t.line = line ? line : m_line;
        t.begin = begin >= 0 ? begin : m_i;
        t.column = column >= 0 ? column : int(m_i - m_lineStart);
        t.end = end;
        t.depth = int(m_openLines.size());
        if (type == Token::Type::Op &&
            (text == QLatin1String(")") || text == QLatin1String("]") || text == QLatin1String("}")))
            t.depth += 1; // a closing bracket sits at the depth of what it closes
        m_tokens << t;
        if (type != Token::Type::Newline)
            m_i = end;
    }

    QString op() const
    {
        const QStringView rest = QStringView(m_text).mid(m_i);
        for (const char* o : {"**=", "//=", ">>=", "<<=", "..."})
            if (rest.startsWith(QLatin1String(o)))
                return QString::fromLatin1(o);
        for (const char* o : {"==", "!=", "<=", ">=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=",
                              ":=", "->", "**", "//", ">>", "<<"})
            if (rest.startsWith(QLatin1String(o)))
                return QString::fromLatin1(o);
        return QString(m_text[m_i]);
    }

    /// A string literal whose quote is at `quoteAt`; its prefix (if any) starts at m_i.
    Status string(qsizetype quoteAt, const QString& prefix)
    {
        const qsizetype n = m_text.size();
        const bool raw = prefix.contains(QLatin1Char('r'));
        const bool plain = !prefix.contains(QLatin1Char('b')) && !prefix.contains(QLatin1Char('f'));
        const QChar quote = m_text[quoteAt];
        const QStringView text(m_text);
        const auto isTriple = [&](qsizetype at) {
            return at + 2 < n && text[at] == quote && text[at + 1] == quote && text[at + 2] == quote;
        };
        const bool triple = isTriple(quoteAt);
        const int startLine = m_line;
        const qsizetype begin = m_i;
        const int column = int(m_i - m_lineStart);
        qsizetype j = quoteAt + (triple ? 3 : 1);
        QString value;
        while (true) {
            if (j >= n)
                return unreadable(m_path, startLine,
                                  QStringLiteral("a string starting here is never closed"));
            const QChar c = m_text[j];
            if (c == quote && (!triple || isTriple(j))) {
                j += triple ? 3 : 1;
                break;
            }
            if (c == QLatin1Char('\n')) {
                if (!triple)
                    return unreadable(m_path, startLine,
                                      QStringLiteral("a string starting here is never closed on its line"));
                ++m_line;
                m_lineStart = j + 1;
                value += c;
                ++j;
                continue;
            }
            if (c == QLatin1Char('\\') && j + 1 < n) {
                const QChar e = m_text[j + 1];
                if (e == QLatin1Char('\n')) {
                    ++m_line;
                    m_lineStart = j + 2;
                    if (raw)
                        value += QStringLiteral("\\\n");
                    j += 2;
                    continue;
                }
                if (raw) {
                    value += c;
                    value += e;
                    j += 2;
                    continue;
                }
                j = escape(j, value);
                continue;
            }
            value += c;
            ++j;
        }
        push(Token::Type::String, value, j, plain, startLine, begin, column);
        return {};
    }

    /// Decodes the escape at `at` (a backslash) into `value`; returns the index after it.
    qsizetype escape(qsizetype at, QString& value) const
    {
        const QChar e = m_text[at + 1];
        switch (e.unicode()) {
        case '\\':
        case '\'':
        case '"':
            value += e;
            return at + 2;
        case 'a':
            value += QChar(7);
            return at + 2;
        case 'b':
            value += QChar(8);
            return at + 2;
        case 'f':
            value += QChar(12);
            return at + 2;
        case 'n':
            value += QChar(10);
            return at + 2;
        case 'r':
            value += QChar(13);
            return at + 2;
        case 't':
            value += QChar(9);
            return at + 2;
        case 'v':
            value += QChar(11);
            return at + 2;
        case 'x':
        case 'u':
        case 'U': {
            const int digits = e == QLatin1Char('x') ? 2 : e == QLatin1Char('u') ? 4 : 8;
            char32_t code = 0;
            for (int k = 0; k < digits; ++k) {
                const qsizetype p = at + 2 + k;
                const int h = p < m_text.size() ? hexValue(m_text[p]) : -1;
                if (h < 0) {
                    value += QLatin1Char('\\');
                    return at + 1;
                }
                code = code * 16 + char32_t(h);
            }
            value += QString::fromUcs4(&code, 1);
            return at + 2 + digits;
        }
        default:
            break;
        }
        if (e >= QLatin1Char('0') && e <= QLatin1Char('7')) {
            char32_t code = 0;
            qsizetype p = at + 1;
            for (int k = 0;
                 k < 3 && p < m_text.size() && m_text[p] >= QLatin1Char('0') && m_text[p] <= QLatin1Char('7');
                 ++k, ++p)
                code = code * 8 + char32_t(m_text[p].unicode() - '0');
            value += QString::fromUcs4(&code, 1);
            return p;
        }
        value += QLatin1Char('\\');
        return at + 1;
    }

    const QString& m_text;
    const QString& m_path;
    qsizetype m_i = 0;
    qsizetype m_lineStart = 0;
    int m_line = 1;
    QList<int> m_openLines;
    Tokens m_tokens;
};

bool isOp(const Token& t, const char* op)
{
    return t.type == Token::Type::Op && t.text == QLatin1String(op);
}

bool isName(const Token& t, const char* name)
{
    return t.type == Token::Type::Name && t.text == QLatin1String(name);
}

/// Splits `tokens` where `op` appears at the depth of the first token.
QList<Tokens> splitAt(const Tokens& tokens, const char* op)
{
    QList<Tokens> parts{{}};
    const int depth = tokens.isEmpty() ? 0 : tokens.first().depth;
    for (const Token& t : tokens) {
        if (t.depth == depth && isOp(t, op))
            parts << Tokens{};
        else
            parts.last() << t;
    }
    return parts;
}

bool allPlainStrings(const Tokens& tokens)
{
    if (tokens.isEmpty())
        return false;
    for (const Token& t : tokens)
        if (t.type != Token::Type::String || !t.plain)
            return false;
    return true;
}

QString concatenated(const Tokens& tokens)
{
    QString s;
    for (const Token& t : tokens)
        s += t.text;
    return s;
}

/// Values nested deeper than this are not read (Other): no revision id needs it, and a file of a thousand
/// nested brackets must not exhaust the stack.
constexpr int kMaxNesting = 32;

PythonLiteral literal(const Tokens& tokens, const QString& source, int depth = 0);

/// The items of a tuple or list (trailing comma allowed); Other when one is not a string.
PythonLiteral sequence(const Tokens& inner, const QString& source, const PythonLiteral& other, int depth)
{
    PythonLiteral lit;
    lit.kind = PythonLiteral::Kind::Strings;
    if (inner.isEmpty())
        return lit;
    const auto parts = splitAt(inner, ",");
    for (int k = 0; k < parts.size(); ++k) {
        if (parts[k].isEmpty() && k == parts.size() - 1 && k > 0)
            break; // trailing comma
        const PythonLiteral item = literal(parts[k], source, depth + 1);
        if (item.kind != PythonLiteral::Kind::String)
            return other;
        lit.strings << item.text;
    }
    return lit;
}

PythonLiteral literal(const Tokens& tokens, const QString& source, int depth)
{
    PythonLiteral other;
    other.kind = PythonLiteral::Kind::Other;
    if (tokens.isEmpty())
        return other;
    other.text = source.mid(tokens.first().begin, tokens.last().end - tokens.first().begin);
    if (depth > kMaxNesting)
        return other;
    if (splitAt(tokens, ",").size() > 1)
        return sequence(tokens, source, other, depth); // a bare tuple: 'a', 'b'
    if (tokens.size() == 1 && isName(tokens.first(), "None")) {
        PythonLiteral none;
        none.kind = PythonLiteral::Kind::None;
        return none;
    }
    if (allPlainStrings(tokens)) {
        PythonLiteral s;
        s.kind = PythonLiteral::Kind::String;
        s.text = concatenated(tokens);
        return s;
    }
    const Token& first = tokens.first();
    const Token& last = tokens.last();
    const bool parens = isOp(first, "(") && isOp(last, ")");
    // A list, or a set (`branch_labels = {'risk'}`; Alembic's to_tuple takes any iterable). A dict's items
    // hold a ':' and are not strings, so a dict is not read.
    const bool brackets = (isOp(first, "[") && isOp(last, "]")) || (isOp(first, "{") && isOp(last, "}"));
    if ((parens || brackets) && last.depth == first.depth + 1) {
        // The closing bracket must be the one that matches the first: no other token at the outer depth.
        bool wraps = true;
        for (int k = 1; k < tokens.size() - 1; ++k)
            if (tokens[k].depth <= first.depth)
                wraps = false;
        if (wraps) {
            const Tokens inner = tokens.mid(1, tokens.size() - 2);
            if (brackets || inner.isEmpty() || splitAt(inner, ",").size() > 1)
                return sequence(inner, source, other, depth);
            return literal(inner, source, depth + 1); // a parenthesised value
        }
    }
    return other;
}

bool isTrivialStatement(const Tokens& statement)
{
    if (statement.isEmpty())
        return true;
    if (statement.size() == 1 && (isName(statement.first(), "pass") || isOp(statement.first(), "...")))
        return true;
    return allPlainStrings(statement) || std::all_of(statement.begin(), statement.end(), [](const Token& t) {
               return t.type == Token::Type::String;
           });
}

const QStringList& compoundKeywords()
{
    static const QStringList words{
        QStringLiteral("if"),      QStringLiteral("elif"),  QStringLiteral("else"), QStringLiteral("for"),
        QStringLiteral("while"),   QStringLiteral("with"),  QStringLiteral("try"),  QStringLiteral("except"),
        QStringLiteral("finally"), QStringLiteral("class"), QStringLiteral("def"),  QStringLiteral("async"),
        QStringLiteral("match"),   QStringLiteral("case"),  QStringLiteral("@")};
    return words;
}

void readAssignment(const Tokens& statement, const QString& source, PythonModule& module)
{
    const auto parts = splitAt(statement, "=");
    if (parts.size() < 2)
        return;
    const PythonLiteral value = literal(parts.last(), source);
    for (int k = 0; k < parts.size() - 1; ++k) {
        const Tokens& target = parts[k];
        if (target.isEmpty() || target.first().type != Token::Type::Name)
            continue;
        const bool simple = target.size() == 1;
        const bool annotated = k == 0 && target.size() >= 3 && isOp(target[1], ":");
        if (!simple && !annotated)
            continue;
        PythonLiteral v = value;
        v.line = target.first().line;
        module.assignments.insert(target.first().text, v);
    }
}

} // namespace

Result<PythonModule> PythonModule::scan(const QString& text, const QString& path)
{
    auto tokens = Tokenizer(text, path).run();
    if (!tokens)
        return tokens.error();

    // Logical lines, each split into its statements at ';'.
    QList<Tokens> lines{{}};
    for (const Token& t : *tokens) {
        if (t.type == Token::Type::Newline)
            lines << Tokens{};
        else
            lines.last() << t;
    }

    PythonModule module;
    QString function; // the top-level function whose body is being read
    bool first = true;
    for (const Tokens& line : lines) {
        if (line.isEmpty())
            continue;
        const bool topLevel = line.first().column == 0;
        const auto statements = splitAt(line, ";");
        if (!topLevel) {
            if (!function.isEmpty())
                for (const Tokens& s : statements)
                    if (!isTrivialStatement(s))
                        module.functions[function].trivial = false;
            continue;
        }
        function.clear();
        if (first && allPlainStrings(statements.first())) {
            module.hasDocstring = true;
            module.docstring = concatenated(statements.first());
        }
        first = false;
        const Token& head = line.first();
        const bool isDef =
            isName(head, "def") || (isName(head, "async") && line.size() > 1 && isName(line[1], "def"));
        if (isDef) {
            const int nameAt = isName(head, "def") ? 1 : 2;
            if (line.size() > nameAt && line[nameAt].type == Token::Type::Name) {
                function = line[nameAt].text;
                Function f;
                f.line = head.line;
                // A body on the def's own line: def downgrade(): pass
                int colon = -1;
                for (int k = 0; k < line.size(); ++k)
                    if (line[k].depth == 0 && isOp(line[k], ":"))
                        colon = k;
                if (colon >= 0 && colon + 1 < line.size())
                    for (const Tokens& s : splitAt(line.mid(colon + 1), ";"))
                        if (!isTrivialStatement(s))
                            f.trivial = false;
                module.functions.insert(function, f);
            }
            continue;
        }
        if (head.type == Token::Type::Op || compoundKeywords().contains(head.text))
            continue;
        for (const Tokens& s : statements)
            readAssignment(s, text, module);
    }
    return module;
}

} // namespace strata
