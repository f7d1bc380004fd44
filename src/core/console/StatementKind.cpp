#include "console/StatementKind.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <pg_query.h>
#include <sqlite3.h>

#include "connection/Database.h"
#include "dialects/sqlite/SqliteDatabase.h"

namespace strata {

namespace {

bool isTransactionKeyword(const QString& keyword)
{
    static const QStringList words{QStringLiteral("BEGIN"),   QStringLiteral("COMMIT"),
                                   QStringLiteral("END"),     QStringLiteral("ROLLBACK"),
                                   QStringLiteral("ABORT"),   QStringLiteral("SAVEPOINT"),
                                   QStringLiteral("RELEASE"), QStringLiteral("START")};
    return words.contains(keyword);
}

StatementKind::Kind ofKeyword(const QString& sql)
{
    const QString keyword = Database::leadingKeyword(sql.toUtf8());
    if (isTransactionKeyword(keyword))
        return StatementKind::Transaction;
    static const QStringList reads{QStringLiteral("SELECT"),  QStringLiteral("VALUES"),
                                   QStringLiteral("EXPLAIN"), QStringLiteral("SHOW"),
                                   QStringLiteral("TABLE"),   QStringLiteral("WITH")};
    static const QStringList writes{QStringLiteral("INSERT"),  QStringLiteral("UPDATE"),
                                    QStringLiteral("DELETE"),  QStringLiteral("REPLACE"),
                                    QStringLiteral("MERGE"),   QStringLiteral("COPY"),
                                    QStringLiteral("TRUNCATE")};
    if (reads.contains(keyword)) {
        // A CTE that writes: its INSERT/UPDATE/DELETE comes after the WITH.
        if (keyword == QLatin1String("WITH")) {
            static const QRegularExpression write(QStringLiteral("\\b(INSERT|UPDATE|DELETE|REPLACE)\\b"),
                                                  QRegularExpression::CaseInsensitiveOption);
            if (write.match(sql).hasMatch())
                return StatementKind::Write;
        }
        return StatementKind::Read;
    }
    if (writes.contains(keyword))
        return StatementKind::Write;
    return StatementKind::Schema;
}

/// The kind of one parsed PostgreSQL statement node ({"SelectStmt": {...}}).
StatementKind::Kind ofNode(const QJsonObject& node, const QByteArray& tree)
{
    const QString type = node.keys().value(0);
    const QJsonObject body = node.value(type).toObject();
    static const QStringList reads{QStringLiteral("SelectStmt"),        QStringLiteral("VariableShowStmt"),
                                   QStringLiteral("ExplainStmt"),       QStringLiteral("VariableSetStmt"),
                                   QStringLiteral("DeclareCursorStmt"), QStringLiteral("FetchStmt"),
                                   QStringLiteral("ClosePortalStmt"),   QStringLiteral("ListenStmt"),
                                   QStringLiteral("PrepareStmt"),       QStringLiteral("DeallocateStmt")};
    static const QStringList writes{
        QStringLiteral("InsertStmt"), QStringLiteral("UpdateStmt"),   QStringLiteral("DeleteStmt"),
        QStringLiteral("MergeStmt"),  QStringLiteral("TruncateStmt"), QStringLiteral("ExecuteStmt"),
        QStringLiteral("CallStmt"),   QStringLiteral("DoStmt"),       QStringLiteral("LockStmt")};
    if (type == QLatin1String("TransactionStmt"))
        return StatementKind::Transaction;
    if (type == QLatin1String("CopyStmt"))
        return body.value(QLatin1String("is_from")).toBool() ? StatementKind::Write : StatementKind::Read;
    if (type == QLatin1String("SelectStmt") && body.contains(QLatin1String("intoClause")))
        return StatementKind::Schema; // SELECT ... INTO creates a table
    if (type == QLatin1String("ExplainStmt")) {
        // EXPLAIN ANALYZE runs its statement: it is what that statement is.
        bool analyze = false;
        for (const QJsonValue& option : body.value(QLatin1String("options")).toArray())
            if (option.toObject()
                    .value(QLatin1String("DefElem"))
                    .toObject()
                    .value(QLatin1String("defname"))
                    .toString() == QLatin1String("analyze"))
                analyze = true;
        if (!analyze)
            return StatementKind::Read;
        return ofNode(body.value(QLatin1String("query")).toObject(), tree);
    }
    if (reads.contains(type)) {
        // A data-changing CTE inside a SELECT (WITH moved AS (DELETE ... RETURNING *) SELECT ...).
        if (tree.contains("\"InsertStmt\"") || tree.contains("\"UpdateStmt\"") ||
            tree.contains("\"DeleteStmt\"") || tree.contains("\"MergeStmt\""))
            return StatementKind::Write;
        return StatementKind::Read;
    }
    if (writes.contains(type))
        return StatementKind::Write;
    return StatementKind::Schema;
}

} // namespace

StatementKind::Kind StatementKind::ofText(Dialect dialect, const QString& sql)
{
    if (dialect == Dialect::Sqlite)
        return ofKeyword(sql);
    const QByteArray utf8 = sql.toUtf8();
    PgQueryParseResult parsed = pg_query_parse(utf8.constData());
    Kind kind = ofKeyword(sql);
    if (!parsed.error) {
        const QByteArray tree(parsed.parse_tree);
        const QJsonArray stmts =
            QJsonDocument::fromJson(tree).object().value(QLatin1String("stmts")).toArray();
        if (!stmts.isEmpty())
            kind = ofNode(stmts.first().toObject().value(QLatin1String("stmt")).toObject(), tree);
    }
    pg_query_free_parse_result(parsed);
    return kind;
}

StatementKind::Kind StatementKind::of(Database& db, const QString& sql)
{
    if (db.dialect() != Dialect::Sqlite)
        return ofText(db.dialect(), sql);
    const Kind byKeyword = ofKeyword(sql);
    if (byKeyword == Transaction)
        return byKeyword;
    sqlite3_stmt* stmt = nullptr;
    const QByteArray utf8 = sql.toUtf8();
    if (sqlite3_prepare_v3(static_cast<SqliteDatabase&>(db).handle(), utf8.constData(), int(utf8.size()) + 1,
                           0, &stmt, nullptr) != SQLITE_OK ||
        !stmt) {
        sqlite3_finalize(stmt);
        return byKeyword; // the run reports the fault; the keyword is the best guess until then
    }
    const bool readOnly = sqlite3_stmt_readonly(stmt);
    sqlite3_finalize(stmt);
    if (readOnly)
        return Read;
    return byKeyword == Read ? Write : byKeyword;
}

QString StatementKind::name(Kind kind)
{
    switch (kind) {
    case Read:
        return QStringLiteral("read");
    case Write:
        return QStringLiteral("write");
    case Schema:
        return QStringLiteral("schema");
    case Transaction:
        return QStringLiteral("transaction");
    }
    return {};
}

} // namespace strata
