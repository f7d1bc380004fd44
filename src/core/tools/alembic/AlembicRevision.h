#pragma once

#include <QString>
#include <QStringList>

namespace strata {

/// One revision file of an Alembic project's versions/ folder, as Alembic 1.8 reads it.
struct AlembicRevision
{
    QString revision;          ///< the revision id: `revision = 'ae1027a6acf'`
    QStringList downRevisions; ///< `down_revision`: none for a base, two or more for a merge
    QStringList branchLabels;  ///< `branch_labels`
    QStringList dependsOn;     ///< `depends_on`: revision ids or branch labels
    QString message;           ///< the docstring's first paragraph (Alembic's `doc`): the -m message
    QString path;              ///< the file, relative to the project's folder
    QString checksum;          ///< SHA-256 of the file's exact bytes
    /// upgrade() or downgrade() does nothing (only `pass`): a merge revision's or an empty revision's.
    bool upgradeIsEmpty = false;
    bool downgradeIsEmpty = false;
    bool hasDowngrade = false; ///< the file defines downgrade()

    bool isBase() const { return downRevisions.isEmpty(); }
    bool isMerge() const { return downRevisions.size() > 1; }
    /// The file's name without `.py` and without a leading "<revision>_": Alembic's slug of the message.
    QString slug() const;
    /// The first line of the message, else the slug: how Strata names the step.
    QString title() const;
};

} // namespace strata
