#pragma once

#include "jobs/DatabaseJob.h"

namespace strata {

/// A cheap look at what the window shows of a database, for noticing changes made underneath it (another
/// Strata, `strata-cli migrate` in a deploy script, a restore): who holds the migration lock, and each
/// step, version and unfinished run the history records. Two probes that give the same fingerprint saw the
/// same state. Changes nothing.
class StateProbeJob final : public DatabaseJob
{
public:
    QString title() const override { return QStringLiteral("Watching the database for changes"); }
    bool onlyReads() const override { return true; }
    Status run(Database& db, const Progress& progress) override;
    /// Set by run(): the lock holder and the history, as one comparable text.
    const QString& fingerprint() const { return m_fingerprint; }
    /// The fingerprint of `db` now (StatusJob takes one before it reads, so that a change made while it
    /// reads is seen by the next probe).
    static Result<QString> fingerprintOf(Database& db);

private:
    QString m_fingerprint;
};

} // namespace strata
