#include "migrations/ScriptTransaction.h"

#include <cctype>
#include <cstring>
#include <string_view>

#include <QList>
#include <QRegularExpression>

#include "dialects/postgres/PostgresScriptSplitter.h"
#include "dialects/sqlite/SqliteScriptSplitter.h"

namespace strata {

namespace {

struct Span
{
    qsizetype start = 0; ///< first byte of the statement's first keyword
    qsizetype end = 0;   ///< after the statement, its semicolon included when it has one
};

/// The statements of `script` that hold more than whitespace, comments and a semicolon.
QList<Span> statementsOf(const QByteArray& script, Dialect dialect)
{
    QList<Span> spans;
    auto add = [&](qsizetype offset, qsizetype length) {
        const QByteArrayView text = QByteArrayView(script).sliced(offset, length);
        const qsizetype skip = Database::skipSpaceAndComments(text);
        if (skip >= text.size() || text.at(skip) == ';')
            return;
        qsizetype end = offset + length;
        // PostgreSQL's splitter leaves the semicolon out of the statement.
        qsizetype after = end;
        while (after < script.size() && QByteArrayView(" \t\r\n\f").contains(script.at(after)))
            ++after;
        if (after < script.size() && script.at(after) == ';')
            end = after + 1;
        spans.append({offset + skip, end});
    };
    if (dialect == Dialect::Postgres) {
        for (const auto& s : PostgresScriptSplitter::split(script))
            add(s.offset, s.length);
    } else {
        for (const auto& s : SqliteScriptSplitter::split(script))
            add(s.offset, s.length);
    }
    return spans;
}

/// The statement's words, upper-case, without its semicolon (comments between words make it unplain).
QStringList wordsOf(const QByteArray& script, const Span& span)
{
    QString text = QString::fromUtf8(script.mid(span.start, span.end - span.start)).trimmed();
    if (text.endsWith(QLatin1Char(';')))
        text.chop(1);
    return text.toUpper().split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
}

/// A plain opening of a transaction, in the forms the engine accepts, with no transaction modes.
bool opens(const QStringList& words, Dialect dialect)
{
    if (words.isEmpty())
        return false;
    if (words.first() == QLatin1String("START"))
        return dialect == Dialect::Postgres && words == QStringList{"START", "TRANSACTION"};
    if (words.first() != QLatin1String("BEGIN"))
        return false;
    QStringList rest = words.mid(1);
    if (dialect == Dialect::Sqlite && !rest.isEmpty() &&
        (rest.first() == QLatin1String("DEFERRED") || rest.first() == QLatin1String("IMMEDIATE") ||
         rest.first() == QLatin1String("EXCLUSIVE")))
        rest.removeFirst();
    if (rest.isEmpty())
        return true;
    if (rest.size() != 1)
        return false;
    return rest.first() == QLatin1String("TRANSACTION") ||
           (dialect == Dialect::Postgres && rest.first() == QLatin1String("WORK"));
}

/// A plain COMMIT or END (no AND CHAIN).
bool closes(const QStringList& words, Dialect dialect)
{
    if (words.isEmpty() ||
        (words.first() != QLatin1String("COMMIT") && words.first() != QLatin1String("END")))
        return false;
    if (words.size() == 1)
        return true;
    return words.size() == 2 && (words.at(1) == QLatin1String("TRANSACTION") ||
                                 (dialect == Dialect::Postgres && words.at(1) == QLatin1String("WORK")));
}

int lineOf(const SqlScript& script, qsizetype offset)
{
    return script.firstLine + static_cast<int>(script.utf8.left(offset).count('\n'));
}

/// Anything that could be a transaction statement, or (PostgreSQL) one that refuses a transaction: scripts
/// without these words are never split. One pass over the script's runs of letters, each compared case-blind
/// with the words (a keyword is always its own run: SQL bounds it by a non-letter), so that planning a
/// folder of a thousand small steps costs what the files weigh, not a lower-case copy and fourteen searches
/// of each.
bool mayMatter(const QByteArray& script, Dialect dialect)
{
    // Compared by length first: most words of a script have a length none of these has, or differ from them
    // in their first letter, so a word costs a few comparisons and no hashing.
    static constexpr std::string_view anyEngine[] = {"begin", "start", "commit", "end", "rollback", "abort"};
    static constexpr std::string_view postgresOnly[] = {"concurrently", "vacuum", "database", "tablespace",
                                                        "subscription", "system", "discard",  "reindex"};
    constexpr qsizetype kLongestWord = 12; // "subscription"
    char word[kLongestWord];
    auto isOneOf = [&word](qsizetype length, const auto& list) {
        for (const std::string_view candidate : list)
            if (static_cast<qsizetype>(candidate.size()) == length && candidate[0] == word[0] &&
                std::memcmp(candidate.data(), word, static_cast<size_t>(length)) == 0)
                return true;
        return false;
    };
    const char* const text = script.constData();
    const qsizetype n = script.size();
    for (qsizetype i = 0; i < n;) {
        if (!std::isalpha(static_cast<unsigned char>(text[i]))) {
            ++i;
            continue;
        }
        const qsizetype start = i;
        while (i < n && std::isalpha(static_cast<unsigned char>(text[i])))
            ++i;
        const qsizetype length = i - start;
        if (length < 3 || length > kLongestWord)
            continue;
        for (qsizetype k = 0; k < length; ++k)
            word[k] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[start + k])));
        if (isOneOf(length, anyEngine) || (dialect == Dialect::Postgres && isOneOf(length, postgresOnly)))
            return true;
    }
    return false;
}

/// A statement PostgreSQL refuses inside a transaction block, as Flyway 13's PostgreSQLParser lists them
/// (detectCanExecuteInTransaction; ALTER TYPE ... ADD VALUE runs in a transaction since PostgreSQL 12), and
/// REINDEX ... CONCURRENTLY.
bool refusesTransaction(const QStringList& words)
{
    const QString text = words.join(QLatin1Char(' '));
    static const QRegularExpression refused(QStringLiteral(
        "^((CREATE|DROP) (DATABASE|TABLESPACE|SUBSCRIPTION)|ALTER SYSTEM|(CREATE|DROP)( UNIQUE)? "
        "INDEX CONCURRENTLY|REINDEX( VERBOSE)? (SCHEMA|DATABASE|SYSTEM)|REINDEX .*CONCURRENTLY|"
        "VACUUM|DISCARD ALL)"));
    return refused.match(text).hasMatch();
}

void blank(QByteArray& text, const Span& span)
{
    for (qsizetype i = span.start; i < span.end; ++i)
        if (text.at(i) != '\n')
            text[i] = ' ';
}

} // namespace

ScriptTransaction ScriptTransaction::read(const SqlScript& script, Dialect dialect)
{
    ScriptTransaction result;
    result.body = script;
    if (!mayMatter(script.utf8, dialect))
        return result;
    const QList<Span> statements = statementsOf(script.utf8, dialect);
    result.statements = statements.size();
    if (dialect == Dialect::Postgres) {
        for (const Span& s : statements) {
            if (!refusesTransaction(wordsOf(script.utf8, s)))
                continue;
            ++result.refusingTransaction;
            if (result.firstRefusing.isEmpty()) {
                QString statement = QString::fromUtf8(script.utf8.mid(s.start, s.end - s.start)).simplified();
                if (statement.endsWith(QLatin1Char(';')))
                    statement.chop(1);
                result.firstRefusing = QStringLiteral("%1:%2 (%3)")
                                           .arg(script.path)
                                           .arg(lineOf(script, s.start))
                                           .arg(statement.left(40));
            }
        }
    }
    QList<qsizetype> control; // indexes of transaction statements
    for (qsizetype i = 0; i < statements.size(); ++i) {
        const Span& s = statements.at(i);
        if (Database::isTransactionControl(QByteArrayView(script.utf8).sliced(s.start, s.end - s.start)))
            control << i;
    }
    if (control.isEmpty())
        return result;
    const qsizetype last = statements.size() - 1;
    if (control.size() == 2 && control.first() == 0 && control.last() == last && last > 0 &&
        opens(wordsOf(script.utf8, statements.first()), dialect) &&
        closes(wordsOf(script.utf8, statements.last()), dialect)) {
        result.kind = Kind::Wrapped;
        blank(result.body.utf8, statements.first());
        blank(result.body.utf8, statements.last());
        return result;
    }
    // The first statement that keeps the script from being one transaction from its start to its end.
    qsizetype at = control.first();
    if (at == 0 && opens(wordsOf(script.utf8, statements.first()), dialect) && control.size() > 1)
        at = control.at(1);
    const Span& s = statements.at(at);
    QString statement = QString::fromUtf8(script.utf8.mid(s.start, s.end - s.start)).simplified();
    if (statement.endsWith(QLatin1Char(';')))
        statement.chop(1);
    statement = statement.left(40);
    result.kind = Kind::Inside;
    result.reason = at == 0 || at == last
                        ? QStringLiteral("%1:%2 has its own %3, which is not a plain BEGIN ... COMMIT around "
                                         "the whole script")
                              .arg(script.path)
                              .arg(lineOf(script, s.start))
                              .arg(statement)
                        : QStringLiteral("%1:%2 has its own %3 in the middle of the script")
                              .arg(script.path)
                              .arg(lineOf(script, s.start))
                              .arg(statement);
    return result;
}

void ScriptTransaction::prepare(MigrationStep& step, const SqlScript& script, Dialect dialect)
{
    if (!step.transactional())
        return; // runs as written already
    const ScriptTransaction found = read(script, dialect);
    if (found.kind == ScriptTransaction::Kind::Wrapped) {
        step.ownTransaction = true;
    } else if (found.kind == ScriptTransaction::Kind::Inside) {
        step.header.noTransaction = true;
        step.noTransactionReason = found.reason;
    } else if (found.refusingTransaction > 0) {
        // Statements PostgreSQL refuses in a transaction block, where the step's own tool runs them outside
        // one: Flyway runs a script made only of such statements without a transaction; golang-migrate sends
        // a file as one query, so a file of one such statement runs on its own.
        if (step.layout == QLatin1String("flyway") && found.refusingTransaction == found.statements) {
            step.header.noTransaction = true;
            step.noTransactionReason =
                QStringLiteral(
                    "%1 cannot run inside a transaction, and Flyway runs such a script outside one")
                    .arg(found.firstRefusing);
        } else if (step.layout == QLatin1String("golang-migrate") && found.statements == 1) {
            step.header.noTransaction = true;
            step.noTransactionReason =
                QStringLiteral("%1 cannot run inside a transaction, and golang-migrate runs a one-statement "
                               "file without one")
                    .arg(found.firstRefusing);
        }
    }
}

} // namespace strata
