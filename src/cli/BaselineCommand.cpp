#include "BaselineCommand.h"

#include "CliProgress.h"
#include "migrations/MigrationRunner.h"

namespace strata::cli {

int BaselineCommand::run(const CliContext& context)
{
    const QString command = QStringLiteral("baseline");
    auto session = context.openLockedSession();
    if (!session)
        return context.out().fail(session.error(), command);
    if (session->history.tracked)
        return context.out().fail(
            Error::refused(
                QStringLiteral("%1 is already tracked, at version %2: a baseline is only for a database "
                               "that predates tracking.")
                    .arg(session->db->display())
                    .arg(session->history.currentVersion()),
                QStringLiteral("Run `strata-cli status` to see its history.")),
            command);
    const auto& manifest = session->set.manifest;
    const qint64 version = context.options().baselineVersion.value_or(manifest.baseline.version);
    const auto versions = session->set.versionsFor(session->db->dialect());
    if (version <= 0 || !versions.contains(version))
        return context.out().fail(
            Error::badInput(
                version <= 0
                    ? QStringLiteral("The set %1 names no baseline version.").arg(session->set.name())
                    : QStringLiteral("Version %1 is not in the set %2.")
                          .arg(version)
                          .arg(session->set.name()),
                QStringLiteral("Pass --version V with a version of the set.")),
            command);
    if (version == manifest.baseline.version) {
        QStringList missing;
        for (const auto& table : manifest.baseline.tables)
            if (!session->tables.contains(table))
                missing << table;
        if (!missing.isEmpty())
            return context.out().fail(
                Error::refused(
                    QStringLiteral("%1 lacks tables of version %2: %3. Recording it as version %2 would "
                                   "claim changes that are not there.")
                        .arg(session->db->display())
                        .arg(version)
                        .arg(missing.join(QStringLiteral(", "))),
                    QStringLiteral("Check that this is the right database, or run migrate on an empty "
                                   "one.")),
                command);
    }
    if (auto confirmed = context.confirm(QStringLiteral("Record %1 as being at version %2 (no SQL runs)?")
                                             .arg(session->db->display())
                                             .arg(version));
        !confirmed)
        return context.out().fail(confirmed.error(), command);
    CliProgress progress(context.out(), command);
    MigrationRunner runner(*session->db, session->set, RunIdentity::current(), &progress);
    if (auto done = runner.baseline(version); !done)
        return context.out().fail(done.error(), command);
    context.out().report(QStringLiteral("%1 is now tracked at version %2 (baseline).")
                             .arg(session->db->display())
                             .arg(version));
    context.out().document({{QStringLiteral("command"), command},
                            {QStringLiteral("ok"), true},
                            {QStringLiteral("database"), session->db->display()},
                            {QStringLiteral("version"), version}});
    return 0;
}

} // namespace strata::cli
