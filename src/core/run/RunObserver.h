#pragma once

#include "backup/BackupRecord.h"
#include "migrations/MigrationObserver.h"
#include "verify/CheckResult.h"

namespace strata {

/// Hears a phased run as it goes: phases, each check with its result, hook output, and the steps
/// (MigrationObserver). The CLI prints it; the migration wizard shows it page by page.
class RunObserver : public MigrationObserver
{
public:
    /// phase: "preflight", "backup", "schema", a migration phase name ("core", "indexes", ...),
    /// "verification", "post", "restore".
    virtual void phaseStarted(const QString& phase, const QString& title)
    {
        (void)phase;
        (void)title;
    }
    virtual void checkDone(const QString& phase, const CheckResult& check)
    {
        (void)phase;
        (void)check;
    }
    virtual void hookOutput(const QString& line) { (void)line; }
    virtual void progress(qint64 done, qint64 total, const QString& stage)
    {
        (void)done;
        (void)total;
        (void)stage;
    }
};

} // namespace strata
