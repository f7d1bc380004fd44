#include "ExplainCommand.h"

#include <cstdio>

#include <QFile>

#include "explain/ExplainJob.h"
#include "explain/PlanText.h"

namespace strata::cli {

int ExplainCommand::run(const CliContext& context)
{
    const QString command = QStringLiteral("explain");
    const CliOptions& options = context.options();
    QString sql = options.arguments.join(QLatin1Char(' '));
    if (sql.isEmpty() || sql == QLatin1String("-")) {
        QFile in;
        if (in.open(stdin, QIODevice::ReadOnly))
            sql = QString::fromUtf8(in.readAll());
    }
    if (sql.trimmed().isEmpty())
        return context.out().failUsage(
            Error::badInput(QStringLiteral("No statement to explain."),
                            QStringLiteral("Give the statement as the argument, or on standard input."),
                            QStringLiteral("Nothing was run.")),
            command);
    // EXPLAIN alone only reads; ANALYZE runs the statement (then rolls it back), which needs a connection
    // that may write.
    auto db = context.openDatabase(options.analyze ? DatabaseOpener::Mode::ReadWrite
                                                   : DatabaseOpener::Mode::Inspect);
    if (!db)
        return context.out().fail(db.error(), command);
    ExplainJob job(sql, options.analyze);
    if (Status done = job.run(**db, Progress()); !done)
        return context.out().fail(done.error(), command);
    QJsonObject document = PlanText::json(*job.plan(), job.advice());
    document.insert(QStringLiteral("command"), command);
    document.insert(QStringLiteral("ok"), true);
    document.insert(QStringLiteral("database"), (*db)->display());
    context.out().report(PlanText::tree(*job.plan(), job.advice()));
    context.out().document(document);
    return 0;
}

} // namespace strata::cli
