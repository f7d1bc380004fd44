#include "BenchRaw.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryFile>

#include <libpq-fe.h>
#include <sqlite3.h>

namespace strata {

namespace {

QString literal(const QVariant& value)
{
    if (value.isNull())
        return QStringLiteral("NULL");
    switch (value.typeId()) {
    case QMetaType::LongLong:
    case QMetaType::Int:
    case QMetaType::Double:
        return value.toString();
    case QMetaType::QByteArray:
        return QStringLiteral("x'%1'").arg(QString::fromLatin1(value.toByteArray().toHex()));
    default: {
        QString text = value.toString();
        text.replace(QLatin1Char('\''), QStringLiteral("''"));
        return QLatin1Char('\'') + text + QLatin1Char('\'');
    }
    }
}

double sqlitePage(sqlite3* db, const std::vector<SqlStatement>& statements)
{
    QElapsedTimer timer;
    timer.start();
    for (const SqlStatement& s : statements) {
        const QByteArray sql = s.sql.toUtf8();
        sqlite3_stmt* stmt = nullptr;
        sqlite3_prepare_v2(db, sql.constData(), int(sql.size()), &stmt, nullptr);
        for (int i = 0; i < s.params.size(); ++i) {
            const QVariant& p = s.params.at(i);
            if (p.typeId() == QMetaType::LongLong || p.typeId() == QMetaType::Int)
                sqlite3_bind_int64(stmt, i + 1, p.toLongLong());
            else if (p.typeId() == QMetaType::Double)
                sqlite3_bind_double(stmt, i + 1, p.toDouble());
            else {
                const QByteArray text = p.toString().toUtf8();
                sqlite3_bind_text(stmt, i + 1, text.constData(), int(text.size()), SQLITE_TRANSIENT);
            }
        }
        volatile qint64 sink = 0;
        while (sqlite3_step(stmt) == SQLITE_ROW)
            for (int c = 0; c < sqlite3_column_count(stmt); ++c)
                sink =
                    sink + (sqlite3_column_type(stmt, c) == SQLITE_INTEGER ? sqlite3_column_int64(stmt, c)
                                                                           : sqlite3_column_bytes(stmt, c));
        sqlite3_finalize(stmt);
    }
    return double(timer.nsecsElapsed()) / 1e6;
}

double postgresPage(PGconn* conn, const std::vector<SqlStatement>& statements)
{
    QElapsedTimer timer;
    timer.start();
    for (const SqlStatement& s : statements) {
        QString sql;
        int n = 0;
        bool quoted = false;
        for (const QChar c : s.sql) {
            if (c == QLatin1Char('\''))
                quoted = !quoted;
            if (c == QLatin1Char('?') && !quoted)
                sql += QStringLiteral("$%1").arg(++n);
            else
                sql += c;
        }
        std::vector<QByteArray> storage;
        std::vector<const char*> values;
        for (const QVariant& p : s.params)
            storage.push_back(p.toString().toUtf8());
        for (const QByteArray& b : storage)
            values.push_back(b.constData());
        PGresult* result = PQexecParams(conn, sql.toUtf8().constData(), int(values.size()), nullptr,
                                        values.data(), nullptr, nullptr, 0);
        volatile qint64 sink = 0;
        for (int r = 0; r < PQntuples(result); ++r)
            for (int c = 0; c < PQnfields(result); ++c)
                sink = sink + PQgetlength(result, r, c) + (PQgetvalue(result, r, c) != nullptr);
        PQclear(result);
    }
    return double(timer.nsecsElapsed()) / 1e6;
}

/// Wall time of the tool reading `script` from a file, in ms.
double timeTool(const QString& program, const QStringList& arguments, const QString& script)
{
    QTemporaryFile file;
    if (!file.open())
        return -1;
    file.write(script.toUtf8());
    file.flush();
    QProcess process;
    process.setStandardInputFile(file.fileName());
    process.setStandardOutputFile(QProcess::nullDevice());
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    if (!process.waitForFinished(600000) || process.exitCode() != 0)
        return -1;
    return double(timer.nsecsElapsed()) / 1e6;
}

} // namespace

QString BenchRaw::inlined(const SqlStatement& statement)
{
    QString sql;
    int n = 0;
    bool quoted = false;
    for (const QChar c : statement.sql) {
        if (c == QLatin1Char('\''))
            quoted = !quoted;
        if (c == QLatin1Char('?') && !quoted)
            sql += literal(statement.params.value(n++));
        else
            sql += c;
    }
    return sql;
}

BenchRaw::Figures BenchRaw::run(const ConnectionUrl& url, const std::vector<SqlStatement>& statements,
                                const std::vector<PageFetch>& fetches)
{
    Figures figures;
    QString script;
    for (const SqlStatement& s : statements)
        script += inlined(s) + QStringLiteral(";\n");
    if (url.dialect() == Dialect::Sqlite) {
        figures.how = QStringLiteral("sqlite3 C API");
        sqlite3* db = nullptr;
        sqlite3_open_v2(url.sqlitePath().toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr);
        for (const PageFetch& f : fetches)
            figures.perPage.values.push_back(sqlitePage(db, {f.statements.begin(), f.statements.end()}));
        sqlite3_close(db);
        figures.cliName = QStringLiteral("sqlite3 CLI");
        const QStringList args{QStringLiteral("-batch"), url.sqlitePath()};
        const double empty = timeTool(QStringLiteral("sqlite3"), args, QStringLiteral("SELECT 1;\n"));
        const double all = timeTool(QStringLiteral("sqlite3"), args, script);
        if (empty >= 0 && all >= 0 && !statements.empty())
            figures.cliMsPerStatement = (all - empty) / double(statements.size());
    } else {
        figures.how = QStringLiteral("libpq");
        PGconn* conn = PQconnectdb(url.postgresConnInfo().toUtf8().constData());
        for (const PageFetch& f : fetches)
            figures.perPage.values.push_back(postgresPage(conn, {f.statements.begin(), f.statements.end()}));
        PQfinish(conn);
        figures.cliName = QStringLiteral("psql");
        const QStringList args{QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-d"),
                               url.postgresConnInfo()};
        const double empty = timeTool(QStringLiteral("psql"), args, QStringLiteral("SELECT 1;\n"));
        const double all = timeTool(QStringLiteral("psql"), args, script);
        if (empty >= 0 && all >= 0 && !statements.empty())
            figures.cliMsPerStatement = (all - empty) / double(statements.size());
    }
    return figures;
}

} // namespace strata
