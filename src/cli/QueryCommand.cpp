#include "QueryCommand.h"

#include <cstdio>

#include <QFile>
#include <QLocale>

#include "console/ConsoleSession.h"
#include "console/ConsoleStatements.h"
#include "console/QueryHistory.h"
#include "export/ExportJob.h"
#include "export/RowWriter.h"
#include "export/TsvWriter.h"

namespace strata::cli {

namespace {

const QString kCommand = QStringLiteral("query");

Error usage(const QString& what)
{
    return Error::badInput(
        what, QStringLiteral("Give one statement as the argument (or on standard input), or --table T."),
        QStringLiteral("Nothing was run."));
}

/// "schema.table" or a bare name.
std::pair<QString, QString> tableName(const QString& text)
{
    const qsizetype dot = text.indexOf(QLatin1Char('.'));
    if (dot < 0)
        return {QString(), text};
    return {text.left(dot), text.mid(dot + 1)};
}

} // namespace

int QueryCommand::run(const CliContext& context)
{
    const CliOptions& options = context.options();
    int formats = int(options.csv) + int(options.inserts) + int(options.json);
    if (formats > 1)
        return context.out().failUsage(
            usage(QStringLiteral("--csv, --json and --inserts exclude each other.")), kCommand);
    const ExportFormat format = options.csv       ? ExportFormat::Csv
                                : options.inserts ? ExportFormat::SqlInsert
                                                  : ExportFormat::Json;
    if (options.write && !options.out.isEmpty())
        return context.out().failUsage(
            usage(QStringLiteral("--out exports rows on a read-only session; --write cannot go with it.")),
            kCommand);
    auto url = context.databaseUrl();
    if (!url)
        return context.out().fail(url.error(), kCommand);

    ExportRequest request;
    if (!options.table.isEmpty()) {
        if (!options.arguments.isEmpty())
            return context.out().failUsage(
                usage(QStringLiteral("Give either --table or a statement, not both.")), kCommand);
        const auto [schema, table] = tableName(options.table);
        request = ExportRequest::ofTable(schema, table, url->dialect(), format);
    } else {
        QString sql = options.arguments.join(QLatin1Char(' '));
        if (sql.isEmpty() || sql == QLatin1String("-")) {
            QFile in;
            if (in.open(stdin, QIODevice::ReadOnly))
                sql = QString::fromUtf8(in.readAll());
        }
        const auto statements = ConsoleStatements::split(url->dialect(), sql);
        if (statements.isEmpty())
            return context.out().failUsage(usage(QStringLiteral("No statement to run.")), kCommand);
        if (statements.size() > 1)
            return context.out().failUsage(
                usage(QStringLiteral("%1 statements were given; query runs one at a time.")
                          .arg(statements.size())),
                kCommand);
        request.sql = statements.first().text;
        request.format = format;
    }

    // A file: the whole export through a temporary file on a read-only connection.
    if (!options.out.isEmpty() && !options.write) {
        auto db = context.openDatabase(DatabaseOpener::Mode::Inspect);
        if (!db)
            return context.out().fail(db.error(), kCommand);
        if (!options.csv && !options.inserts && !options.json)
            request.format = ExportFormat::Csv; // a file without a format flag: CSV
        auto rows =
            ExportJob::exportTo(**db, request, options.out, context.out().progress(QStringLiteral("Export")));
        if (!rows)
            return context.out().fail(rows.error(), kCommand);
        context.out().notice(
            QStringLiteral("%1 rows written to %2.").arg(QLocale().toString(*rows), options.out));
        return 0;
    }

    auto session = ConsoleSession::open(*url, options.write);
    if (!session)
        return context.out().fail(session.error(), kCommand);
    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly))
        return context.out().fail(Error::failed(QStringLiteral("Cannot write to standard output."),
                                                QStringLiteral("Nothing was run."),
                                                QStringLiteral("Check the pipe.")),
                                  kCommand);
    std::unique_ptr<RowWriter> writer;
    if (options.csv || options.inserts || options.json)
        writer = RowWriter::create(format, url->dialect(),
                                   request.insertTable.isEmpty() ? QStringLiteral("exported")
                                                                 : request.insertTable);
    else
        writer = std::make_unique<TsvWriter>();
    QByteArray buffer;
    bool begun = false;
    bool writeFailed = false;
    auto outcome = (*session)->run(request.sql, [&](const QStringList& columns, QList<QVariantList>& rows) {
        if (columns.isEmpty())
            return true;
        if (!begun) {
            writer->begin(columns, buffer);
            begun = true;
        }
        for (const QVariantList& row : std::as_const(rows))
            writer->row(row, buffer);
        rows.clear();
        writeFailed = out.write(buffer) != buffer.size();
        buffer.resize(0); // keeps its capacity for the next batch
        return !writeFailed;
    });
    // The statement ran whatever becomes of its history line; a history that cannot be written is no failure.
    (void)QueryHistory(*url).add(
        {QDateTime(), request.sql, outcome.ok(),
         outcome ? (outcome->rowsAffected >= 0 ? outcome->rowsAffected : outcome->rowsReturned) : -1,
         outcome ? outcome->micros : 0, outcome ? QString() : outcome.error().what});
    if (!outcome) {
        Error error = outcome.error();
        if (error.code == ExitCode::Refused && !options.write)
            error.next =
                QStringLiteral("Check the statement, then run it again with --write to let it change the "
                               "database.");
        return context.out().fail(error, kCommand);
    }
    if (writeFailed)
        return context.out().fail(
            Error::failed(QStringLiteral("Writing the rows failed: %1.").arg(out.errorString()),
                          options.write ? QStringLiteral("The statement ran and its changes stay.")
                                        : QStringLiteral("The database was only read."),
                          QStringLiteral("Check the pipe or the disk the output goes to.")),
            kCommand);
    if (begun) {
        writer->end(buffer);
        out.write(buffer);
    }
    out.flush();
    const double ms = double(outcome->micros) / 1000.0;
    if (outcome->rowsAffected >= 0)
        context.out().notice(QStringLiteral("%1 %2 (%3 ms)")
                                 .arg(outcome->command, QLocale().toString(outcome->rowsAffected))
                                 .arg(ms, 0, 'f', 1));
    else
        context.out().notice(QStringLiteral("%1 rows (%2 ms)")
                                 .arg(QLocale().toString(outcome->rowsReturned))
                                 .arg(ms, 0, 'f', 1));
    return 0;
}

} // namespace strata::cli
