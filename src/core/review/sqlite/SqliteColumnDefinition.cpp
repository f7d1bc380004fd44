#include "review/sqlite/SqliteColumnDefinition.h"

#include "schema/SqliteDdl.h"
#include "schema/SqliteTokens.h"

namespace strata {

namespace {

using Kind = SqliteToken::Kind;

bool isWordIn(const SqliteTokens& t, int i, std::initializer_list<const char*> words)
{
    for (const char* word : words)
        if (t.isWord(i, QLatin1StringView(word)))
            return true;
    return false;
}

/// A word that starts a column constraint, so it cannot be part of the type name.
bool startsConstraint(const SqliteTokens& t, int i)
{
    return isWordIn(t, i,
                    {"CONSTRAINT", "PRIMARY", "NOT", "NULL", "UNIQUE", "CHECK", "DEFAULT", "COLLATE",
                     "REFERENCES", "GENERATED", "AS"});
}

bool isCurrentTime(const SqliteTokens& t, int i)
{
    return isWordIn(t, i, {"CURRENT_TIME", "CURRENT_DATE", "CURRENT_TIMESTAMP"});
}

/// A token that ends an operand: after it, "+" or "-" is a binary operator.
bool endsOperand(const SqliteTokens& t, int i)
{
    const Kind kind = t.at(i).kind;
    return kind == Kind::Number || kind == Kind::String || kind == Kind::Name || t.isSymbol(i, ')') ||
           (kind == Kind::Word && !isWordIn(t, i, {"CAST", "AS"}));
}

/// Whether the expression of tokens [first, last] is one SQLite evaluates without a row and without the
/// clock (sqlite3ValueFromExpr): literals, signs, parentheses and CAST, nothing else.
bool isConstant(const SqliteTokens& t, int first, int last)
{
    bool typeName = false; // inside CAST(... AS type)
    for (int i = first; i <= last; ++i) {
        const Kind kind = t.at(i).kind;
        if (typeName) {
            if (t.isSymbol(i, ')'))
                typeName = false;
            continue;
        }
        if (kind == Kind::Number || kind == Kind::String)
            continue;
        if (kind == Kind::Symbol) {
            if (t.isSymbol(i, '(') || t.isSymbol(i, ')'))
                continue;
            if ((t.isSymbol(i, '+') || t.isSymbol(i, '-')) && (i == first || !endsOperand(t, i - 1)))
                continue; // a sign
            return false; // an operator
        }
        if (kind == Kind::Word) {
            if (isWordIn(t, i, {"NULL", "TRUE", "FALSE"}))
                continue;
            if (t.isWord(i, QLatin1StringView("CAST")) && t.isSymbol(i + 1, '('))
                continue;
            if (t.isWord(i, QLatin1StringView("AS"))) {
                typeName = true;
                continue;
            }
            if (i + 1 <= last && t.at(i + 1).kind == Kind::String && t.at(i).end == t.at(i + 1).begin &&
                t.text(i, i).compare(QLatin1String("x"), Qt::CaseInsensitive) == 0) {
                ++i; // a blob literal X'00'
                continue;
            }
        }
        return false; // CURRENT_TIMESTAMP, a function, a column
    }
    return true;
}

/// Reads the value after DEFAULT at token `i`; returns the last token of the value.
int readDefault(const SqliteTokens& t, int i, int last, SqliteColumnDefinition& column)
{
    if (i > last)
        return last;
    int end = i;
    if (t.isSymbol(i, '(')) {
        end = qMin(t.closing(i), last);
        bool onlyNull = true;
        for (int k = i; k <= end; ++k)
            onlyNull = onlyNull &&
                       (t.isSymbol(k, '(') || t.isSymbol(k, ')') || t.isWord(k, QLatin1StringView("NULL")));
        column.defaultKind = onlyNull                ? SqliteColumnDefinition::Default::Null
                             : isConstant(t, i, end) ? SqliteColumnDefinition::Default::Constant
                                                     : SqliteColumnDefinition::Default::NonConstant;
    } else if ((t.isSymbol(i, '+') || t.isSymbol(i, '-')) && i + 1 <= last) {
        end = i + 1;
        column.defaultKind = t.at(end).kind == Kind::Number ? SqliteColumnDefinition::Default::Constant
                                                            : SqliteColumnDefinition::Default::NonConstant;
    } else if (t.isWord(i, QLatin1StringView("NULL"))) {
        column.defaultKind = SqliteColumnDefinition::Default::Null;
    } else if (isCurrentTime(t, i)) {
        column.defaultKind = SqliteColumnDefinition::Default::NonConstant;
    } else {
        // A literal, TRUE/FALSE, or a bare or quoted name, which SQLite takes as a string; X'..' is a blob.
        if (t.at(i).kind == Kind::Word && i + 1 <= last && t.at(i + 1).kind == Kind::String &&
            t.at(i).end == t.at(i + 1).begin)
            end = i + 1;
        column.defaultKind = SqliteColumnDefinition::Default::Constant;
    }
    column.defaultText = t.text(i, end);
    return end;
}

} // namespace

SqliteColumnDefinition SqliteColumnDefinition::read(const SqliteTokens& t, int first, int last)
{
    SqliteColumnDefinition column;
    if (first > last)
        return column;
    column.name = SqliteDdl::unquote(t.text(first, first));
    const int depth = t.at(first).depth;
    int i = first + 1;
    const int typeFirst = i;
    while (i <= last && t.at(i).kind != Kind::Symbol && !startsConstraint(t, i))
        ++i;
    if (i <= last && i > typeFirst && t.isSymbol(i, '(')) // numeric(12, 2)
        i = qMin(t.closing(i), last) + 1;
    column.type = t.text(typeFirst, i - 1);
    for (; i <= last; ++i) {
        if (t.at(i).depth != depth)
            continue;
        if (t.isWord(i, QLatin1StringView("NOT")) && t.isWord(i + 1, QLatin1StringView("NULL"))) {
            column.notNull = true;
            ++i;
        } else if (t.isWord(i, QLatin1StringView("NOT"))) {
            ++i; // NOT DEFERRABLE
        } else if (t.isWord(i, QLatin1StringView("PRIMARY"))) {
            column.primaryKey = true;
        } else if (t.isWord(i, QLatin1StringView("UNIQUE"))) {
            column.unique = true;
        } else if (t.isWord(i, QLatin1StringView("CHECK"))) {
            column.check = true;
        } else if (t.isWord(i, QLatin1StringView("DEFAULT"))) {
            i = readDefault(t, i + 1, last, column);
        } else if (t.isWord(i, QLatin1StringView("REFERENCES"))) {
            column.references = true;
        } else if (t.isWord(i, QLatin1StringView("AS"))) {
            column.generated = true;
        } else if (t.isWord(i, QLatin1StringView("STORED"))) {
            column.stored = column.generated;
        } else if (isWordIn(t, i, {"COLLATE", "CONSTRAINT", "MATCH"})) {
            ++i; // the name that follows
        } else if (t.isWord(i, QLatin1StringView("ON"))) {
            // ON CONFLICT x, ON DELETE CASCADE, ON UPDATE SET NULL / SET DEFAULT / NO ACTION
            i += isWordIn(t, i + 2, {"SET", "NO"}) ? 3 : 2;
        } else if (t.isSymbol(i, '(')) {
            i = t.closing(i); // CHECK (...), AS (...), REFERENCES parent (...)
        }
    }
    return column;
}

} // namespace strata
