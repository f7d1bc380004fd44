#pragma once

#include <chrono>
#include <optional>

#include <QString>

namespace strata {

struct MigrationStep;

/// The limits one step runs under: how long it may wait for a lock and run, and whether they hold for its
/// transaction only (SET LOCAL) or for the session while it runs (a step without a transaction).
struct StepLimits
{
    std::optional<std::chrono::milliseconds> lockTimeout;      ///< empty: the session's own setting
    std::optional<std::chrono::milliseconds> statementTimeout; ///< empty: the session's own setting
    bool inTransaction = true;

    /// "lock_timeout 5s, statement_timeout unlimited", for the run log.
    QString describe() const;
};

/// The operator config's timeouts for the steps of a run (database.migration.lock_timeout,
/// statement_timeout, lock_attempts, lock_retry_backoff), and each step's own by its directives.
struct StepTimeouts
{
    /// Strata's lock timeout when neither the config nor the session sets one.
    static constexpr std::chrono::milliseconds kDefaultLockTimeout{5000};

    /// How long a step waits for a lock before PostgreSQL stops it (55P03) and Strata tries again; SQLite's
    /// busy timeout for the step. 0: no limit. Empty: the session's own lock_timeout when the role, the
    /// database or the URL's options set one, else kDefaultLockTimeout (the runner decides, see
    /// StepTimeoutSession::sessionLockTimeout).
    std::optional<std::chrono::milliseconds> lockTimeout;
    /// How long one statement of a step may run. Empty: the role's or server's own statement_timeout.
    std::optional<std::chrono::milliseconds> statementTimeout;
    /// How many times a step is tried when it waits for a lock past its timeout; after that the run stops.
    int lockAttempts = 3;
    /// The pause before the second try; each later pause is twice the one before.
    std::chrono::milliseconds retryBackoff{1000};

    /// The limits of `step`: its `-- strata:lock-timeout` / `-- strata:statement-timeout` directives win; a
    /// step that runs without a transaction (CREATE INDEX CONCURRENTLY and the like) has no limit unless its
    /// directives give one, since stopping it half-way leaves an invalid index behind.
    StepLimits limitsFor(const MigrationStep& step) const;
    /// The pause before try `attempt` (2, 3, ...).
    std::chrono::milliseconds backoffBefore(int attempt) const;
};

} // namespace strata
