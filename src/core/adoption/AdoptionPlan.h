#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include "migrations/MigrationStep.h"
#include "tools/ForeignRow.h"
#include "tools/ToolHistory.h"

namespace strata {

/// One step of the set that another tool recorded as applied, matched to that tool's row.
struct AdoptedStep
{
    MigrationStep step;
    ForeignRow row;       ///< the tool's row that says the step's file is applied
    QString fileChecksum; ///< the tool's checksum of the file today, the tool's way; empty: it keeps none
    /// The tool's recorded checksum and the file's today differ: the file changed after the tool ran it.
    bool checksumDisagrees() const
    {
        return !row.checksum.isEmpty() && !fileChecksum.isEmpty() &&
               row.checksum.compare(fileChecksum, Qt::CaseInsensitive) != 0;
    }
};

/// What `adopt` will record: the tool whose history is taken over, and every step it applied.
struct AdoptionPlan
{
    const ToolHistory* tool = nullptr;
    QString table; ///< the tool's history table, as found in the database
    QList<AdoptedStep> steps;
    /// The set's steps the tool has not applied: what `migrate` runs after the adoption.
    QList<MigrationStep> pending;
    /// Set when the database was adopted already: what says so (adopting again changes nothing).
    QString alreadyAdopted;

    QString toolName() const { return tool ? tool->tool() : QString(); }
    qsizetype disagreements() const;
};

} // namespace strata
