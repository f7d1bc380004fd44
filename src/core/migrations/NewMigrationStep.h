#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include "common/Result.h"
#include "connection/ConnectionUrl.h"
#include "migrations/MigrationSet.h"

namespace strata {

/// A new step for a migration set, written into the set's folder in the set's own layout (the layout of its
/// last step: Strata's version folders, numbered files, Flyway, golang-migrate, dbmate, goose, sqlx or
/// Prisma) with its rollback where the layout keeps one. Writing it applies nothing: the operator reviews
/// it, and Migrate… applies it like any other step, so the database and the set stay in step.
struct NewMigrationStep
{
    QString root;       ///< the set's folder
    QString layout;     ///< the layout it is written in ("strata", "flyway"…)
    qint64 version = 0; ///< the new version, after every version of the set
    QString path;       ///< the forward file, relative to `root`
    QByteArray forward; ///< what the forward file holds
    QString
        rollbackPath; ///< relative to `root`; empty when the layout keeps the rollback in `path`, or has none
    QByteArray rollback;

    /// A step that drops `index` (in `schema`) on `dialect`; `definition` is its CREATE INDEX, which the
    /// rollback runs; `why` goes into the header's description. Bad input when the set is in a layout
    /// Strata does not write (Alembic's Python revisions) or has no folder.
    static Result<NewMigrationStep> dropIndex(const MigrationSet& set, Dialect dialect, const QString& schema,
                                              const QString& index, const QString& definition,
                                              const QString& why, const QDateTime& now);
    /// Writes the file(s), never over an existing one. Nothing is written when one of them exists.
    Status write() const;
};

} // namespace strata
