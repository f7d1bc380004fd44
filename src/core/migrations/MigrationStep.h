#pragma once

#include <optional>

#include <QByteArray>
#include <QString>

#include "connection/ConnectionUrl.h"
#include "connection/Database.h"
#include "migrations/StepHeader.h"

namespace strata {

/// One step of a version: a forward script, maybe a rollback script, and how and when it runs.
struct MigrationStep
{
    qint64 version = 0;
    int step = 1;
    QString versionName; ///< e.g. "v2" from "002_v2/", or the file's name for one-file layouts
    QString name;        ///< e.g. "indexes" from "02_indexes.sql"
    QString layout;      ///< strata, numbered, flyway, golang-migrate, dbmate, goose, prisma, sqlx, alembic
    /// The version as its tool writes it, when that is not `version`: Flyway's "2.1", an Alembic revision id.
    QString toolVersion;
    /// The forward file holds no statement (golang-migrate, dbmate, goose: an empty or comment-only file):
    /// applying it runs nothing, records the step, and shows it as a no-op.
    bool noOp = false;
    /// Flyway's `R__` script: no version of its own; runs after the versioned steps, and again whenever its
    /// checksum changes.
    bool repeatable = false;
    StepHeader header;
    /// Set by the planner for the engine it plans for (see ScriptTransaction): the script this run uses
    /// (forward when migrating, rollback when rolling back) carries its own BEGIN ... COMMIT around all of
    /// its statements; Strata runs what is between them inside its own transaction for the step.
    bool ownTransaction = false;
    /// Set by the planner: why the step runs outside a transaction although its header does not say so
    /// (its script commits in its middle). The planner then also sets header.noTransaction.
    QString noTransactionReason;

    QString forwardPath; ///< relative to the set's folder
    QByteArray forwardSql;
    int forwardFirstLine = 1;
    QString rollbackPath; ///< empty: no rollback script
    QByteArray rollbackSql;
    int rollbackFirstLine = 1;
    QString checksum; ///< SHA-256 of the exact bytes of the forward file

    /// "2.1". Built without QString::arg: planning and status look slots up a few times per step.
    QString slot() const { return QString::number(version) + QLatin1Char('.') + QString::number(step); }
    QString phase() const;
    bool isOptional() const { return !header.option.isEmpty(); }
    bool transactional() const { return !header.noTransaction; }
    bool hasRollback() const { return !rollbackPath.isEmpty(); }
    bool appliesTo(Dialect dialect) const { return !header.dialect || *header.dialect == dialect; }
    /// "2.1 core (002_v2/01_core.sql)": how messages name a step.
    QString label() const;
    /// "step 2.1", or "repeatable views" for a repeatable script: how progress lines name a step.
    QString shortLabel() const;
    /// What a run report lists for an applied step: its slot, or a repeatable script's file.
    QString reportKey() const { return repeatable ? forwardPath : slot(); }
    SqlScript forwardScript() const { return {forwardPath, forwardSql, forwardFirstLine}; }
    SqlScript rollbackScript() const { return {rollbackPath, rollbackSql, rollbackFirstLine}; }
};

} // namespace strata
