#include "DriftCommand.h"

#include "drift/DriftCheck.h"

namespace strata::cli {

namespace {

QString versionList(const QList<qint64>& versions)
{
    QStringList names;
    for (qint64 v : versions)
        names << QStringLiteral("v%1").arg(v);
    return names.isEmpty() ? QStringLiteral("nothing") : names.join(QStringLiteral(", "));
}

/// Long definitions (a whole table's columns) are cut in the text; --json carries them whole.
QString shortened(const QString& text)
{
    constexpr qsizetype limit = 100;
    return text.size() <= limit ? text : text.left(limit - 1) + QChar(0x2026);
}

QString text(const DriftReport& report)
{
    QString out;
    out += QStringLiteral("Database:  %1\n").arg(report.database);
    out += QStringLiteral("Replayed:  %1 of set %2 (%3 step%4) into %5\n")
               .arg(versionList(report.replayedVersions), report.setName)
               .arg(report.replayedSteps.size())
               .arg(report.replayedSteps.size() == 1 ? QString() : QStringLiteral("s"))
               .arg(report.scratch);
    out += QStringLiteral("Drift:     %1\n").arg(report.summary());
    for (const DriftItem& item : report.items) {
        out += QStringLiteral("  %1 %2 %3\n")
                   .arg(item.kindName().toUpper(), -8)
                   .arg(item.objectName(), -10)
                   .arg(item.path());
        out += QStringLiteral("      %1\n").arg(item.message);
        if (!item.expected.isEmpty())
            out += QStringLiteral("      migrations: %1\n").arg(shortened(item.expected));
        if (!item.actual.isEmpty())
            out += QStringLiteral("      database:   %1\n").arg(shortened(item.actual));
        out += QStringLiteral("      -> %1\n").arg(item.advice);
    }
    if (!report.notes.isEmpty()) {
        out += QStringLiteral("Notes:\n");
        for (const QString& note : report.notes)
            out += QStringLiteral("  %1\n").arg(note);
    }
    return out;
}

} // namespace

int DriftCommand::run(const CliContext& context)
{
    const QString command = QStringLiteral("drift");
    if (!context.options().arguments.isEmpty())
        return context.out().failUsage(
            Error::badInput(QStringLiteral("drift takes no arguments, not \"%1\".")
                                .arg(context.options().arguments.join(QLatin1Char(' '))),
                            QStringLiteral("Run `strata-cli --db URL --migrations DIR drift [--json]`.")),
            command);
    // Inspect: the live database is only read; the replay runs in a scratch database of its own.
    auto session = context.openSession(DatabaseOpener::Mode::Inspect, false);
    if (!session)
        return context.out().fail(session.error(), command);
    auto report = DriftCheck(*session->db, session->set).run(context.out().progress(command));
    if (!report)
        return context.out().fail(report.error(), command);
    context.out().report(text(*report));
    context.out().document(report->toJson());
    return report->drift() ? static_cast<int>(ExitCode::Refused) : 0;
}

} // namespace strata::cli
