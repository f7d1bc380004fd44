#pragma once

#include <QList>

#include "review/postgres/PgStepState.h"
#include "review/postgres/PgTableLock.h"

namespace strata {

/// The rules about what a transaction holds across statements: pg-enum-value-in-transaction,
/// pg-missing-lock-timeout, pg-work-after-exclusive-lock, and pg-lock (each lock worth knowing about), with
/// the BEGIN / COMMIT and SET lock_timeout statements that change what they see.
class PgTransactionRules
{
public:
    /// BEGIN / COMMIT / ROLLBACK of the script itself.
    static void transactionStatement(PgStepState& state, const PgStatement& s);
    /// SET [LOCAL] lock_timeout.
    static void lockTimeoutSetting(PgStepState& state, const PgStatement& s);
    static void enumUse(PgStepState& state, const PgStatement& s);
    static void afterExclusive(PgStepState& state, const PgStatement& s);
    static void missingLockTimeout(PgStepState& state, const PgStatement& s, const QList<PgTableLock>& locks);
    /// pg-lock for the locks no other finding of the statement names; remembers an ACCESS EXCLUSIVE one.
    static void locks(PgStepState& state, const PgStatement& s, const QList<PgTableLock>& locks);
};

} // namespace strata
