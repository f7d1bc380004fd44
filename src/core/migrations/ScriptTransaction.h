#pragma once

#include <QString>

#include "connection/ConnectionUrl.h"
#include "connection/Database.h"
#include "migrations/MigrationStep.h"

namespace strata {

/// What a step's script does with transactions of its own, read with the engine's own statement splitter.
///
/// - `Wrapped`: the script opens with BEGIN (BEGIN TRANSACTION, START TRANSACTION; on SQLite also BEGIN
///   DEFERRED/IMMEDIATE/EXCLUSIVE) and closes with COMMIT (or END), with no other transaction control
///   between: Strata runs the statements between the two inside its own transaction for the step, so that the
///   step and its history row still commit together.
/// - `Inside`: the script ends, aborts or starts a transaction anywhere else (a COMMIT in its middle, as
///   PostgreSQL needs before using a value that ALTER TYPE ... ADD VALUE added): it can only run as written,
///   outside Strata's transaction, under the started/dirty protocol of a no-transaction step.
struct ScriptTransaction
{
    enum class Kind { None, Wrapped, Inside };

    Kind kind = Kind::None;
    /// Inside: why the step runs outside a transaction, naming the file, the line and the statement.
    QString reason;
    /// Wrapped: the script with its opening and closing statements blanked (same lines, so errors keep
    /// their line numbers). Otherwise the script itself.
    SqlScript body;
    /// How many statements the script has (0 when it was not split: it has none of the words that matter).
    qsizetype statements = 0;
    /// PostgreSQL: how many of them PostgreSQL refuses inside a transaction block (CREATE INDEX
    /// CONCURRENTLY, VACUUM, ...), and the first of them as "file:line (statement)".
    qsizetype refusingTransaction = 0;
    QString firstRefusing;

    static ScriptTransaction read(const SqlScript& script, Dialect dialect);
    /// Marks `step` for a run of `script` (its forward or rollback script) on `dialect`, by the rules of the
    /// step's tool: `ownTransaction` for a wrapped script; `header.noTransaction` and `noTransactionReason`
    /// for one that commits in its middle, or that its tool runs outside a transaction (Flyway: a script of
    /// statements PostgreSQL refuses in a transaction; golang-migrate: a one-statement file of that kind).
    static void prepare(MigrationStep& step, const SqlScript& script, Dialect dialect);
};

} // namespace strata
