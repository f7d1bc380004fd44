#include "connection/Database.h"

#include <cctype>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include "connection/StatementFailure.h"

namespace strata {

Database::~Database() = default;

Status Database::execute(const QString& sql, const QVariantList& params)
{
    auto rows = query(sql, params);
    if (!rows)
        return rows.error();
    return {};
}

QString Database::catalogSql(const QString& name) const
{
    QFile file(QStringLiteral(":/sql/%1/%2.sql").arg(dialectName(dialect()), name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("catalog query %s for %s is missing from the resources", qPrintable(name),
               qPrintable(dialectName(dialect())));
    return QString::fromUtf8(file.readAll());
}

Result<QStringList> Database::userTables()
{
    auto rows = query(catalogSql(QStringLiteral("user_tables")));
    if (!rows)
        return rows.error();
    QStringList names;
    for (const auto& row : rows->rows)
        names << row.value(0).toString();
    return names;
}

Result<QStringList> Database::tablesNamed(const QStringList& names)
{
    if (names.isEmpty())
        return QStringList();
    const QByteArray array = QJsonDocument(QJsonArray::fromStringList(names)).toJson(QJsonDocument::Compact);
    auto rows = query(catalogSql(QStringLiteral("user_tables_named")), {QString::fromUtf8(array)});
    if (!rows)
        return rows.error();
    QStringList found;
    for (const auto& row : rows->rows)
        found << row.value(0).toString();
    return found;
}

Result<bool> Database::tableExists(const QString& name)
{
    auto tables = tablesNamed({name});
    if (!tables)
        return tables.error();
    return !tables->isEmpty();
}

Result<QString> Database::engineVersion()
{
    auto rows = query(catalogSql(QStringLiteral("engine_version")));
    if (!rows)
        return rows.error();
    return rows->value(0, 0).toString();
}

Result<QueryRows> Database::catalog()
{
    return query(catalogSql(QStringLiteral("catalog")));
}

qsizetype Database::skipSpaceAndComments(QByteArrayView statement)
{
    qsizetype i = 0;
    const qsizetype n = statement.size();
    while (i < n) {
        const char c = statement[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
            ++i;
        } else if (c == '-' && i + 1 < n && statement[i + 1] == '-') {
            while (i < n && statement[i] != '\n')
                ++i;
        } else if (c == '/' && i + 1 < n && statement[i + 1] == '*') {
            int depth = 1;
            i += 2;
            while (i < n && depth > 0) {
                if (statement[i] == '*' && i + 1 < n && statement[i + 1] == '/') {
                    --depth;
                    i += 2;
                } else if (statement[i] == '/' && i + 1 < n && statement[i + 1] == '*') {
                    ++depth;
                    i += 2;
                } else {
                    ++i;
                }
            }
        } else {
            break;
        }
    }
    return i;
}

QString Database::leadingKeyword(QByteArrayView statement)
{
    const qsizetype n = statement.size();
    const qsizetype i = skipSpaceAndComments(statement);
    qsizetype end = i;
    while (end < n && (std::isalpha(static_cast<unsigned char>(statement[end])) || statement[end] == '_'))
        ++end;
    return QString::fromLatin1(statement.sliced(i, end - i)).toUpper();
}

bool Database::isTransactionControl(QByteArrayView statement)
{
    static const QStringList keywords = {QStringLiteral("BEGIN"), QStringLiteral("COMMIT"),
                                         QStringLiteral("END"),   QStringLiteral("ROLLBACK"),
                                         QStringLiteral("ABORT"), QStringLiteral("START")};
    const QString keyword = leadingKeyword(statement);
    if (keyword == QLatin1String("ROLLBACK")) {
        // ROLLBACK TO SAVEPOINT is fine inside a step.
        return !QString::fromUtf8(statement).toUpper().contains(QLatin1String(" TO "));
    }
    return keywords.contains(keyword);
}

Error Database::scriptError(const SqlScript& script, qsizetype byteOffset, const QString& databaseMessage)
{
    StatementFailure::Place place;
    place.inTransaction = true;
    return StatementFailure::inScript(FailureKind::Statement, script, byteOffset, databaseMessage, place);
}

Error Database::transactionControlError(const SqlScript& script, qsizetype byteOffset, const QString& keyword)
{
    const qsizetype line = script.firstLine + script.utf8.left(qMax<qsizetype>(0, byteOffset)).count('\n');
    return Error::badInput(
        QStringLiteral("%1:%2: the script has its own %3. Strata runs each step in its own transaction and "
                       "records it in the history in that same transaction.")
            .arg(script.path)
            .arg(line)
            .arg(keyword),
        QStringLiteral("Remove BEGIN/COMMIT from the file, or mark the step `-- strata:no-transaction` if it "
                       "must run outside a transaction."),
        QStringLiteral("The step's transaction was rolled back: nothing of this step remains."));
}

} // namespace strata
