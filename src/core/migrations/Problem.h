#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include "common/Error.h"

namespace strata {

/// Something about a database and its migration files that must be settled before anything runs.
struct Problem
{
    enum class Kind {
        ChangedFile,        ///< an applied step's file changed since it ran (checksum)
        SlotConflict,       ///< two files claim one version/step slot
        MissingFile,        ///< an applied step's file is gone
        OutOfOrder,         ///< a new file older than the current version
        Dirty,              ///< a step outside a transaction started and never finished
        DatabaseAhead,      ///< the database has versions the files do not
        PartialBaseline,    ///< an untracked database has some of the baseline tables but not all
        UnmetRequirement,   ///< a step's `requires` is neither applied nor planned before it
        WrongDialect,       ///< the set is not for this database's engine
        ManagedByOtherTool, ///< no Strata history, but another tool's history with rows
        OtherToolUnsettled, ///< another tool recorded a migration as dirty, failed or rolled back
        MultipleHeads,      ///< an Alembic project with two heads that no merge revision joins
    };

    Kind kind;
    QString slot;       ///< "2.1", or empty
    QStringList files;  ///< the files concerned, relative to the set
    QString message;    ///< what is wrong
    QString resolution; ///< how the operator resolves it

    /// A stable name for JSON ("checksum-mismatch", "slot-conflict", ...).
    QString kindName() const;

    /// The refusal of `command` (exit 5) listing every problem and what resolves each.
    static Error refusal(const QList<Problem>& problems, const QString& command);
};

} // namespace strata
