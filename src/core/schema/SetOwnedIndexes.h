#pragma once

#include <QHash>
#include <QString>

#include "connection/ConnectionUrl.h"
#include "migrations/MigrationSet.h"

namespace strata {

/// The indexes a migration set creates with CREATE INDEX, read from its steps for one engine in the order
/// they run: an index a later step drops is no longer the set's, one a later step renames is the set's under
/// its new name. Such an index is the set's to change: dropping it by hand is drift the Drift page then
/// flags, so the advice for it is a new migration step, never a raw DROP.
///
/// PostgreSQL steps are read with PostgreSQL's own parser (libpg_query), SQLite steps with the review's
/// statement classifier: a name inside a comment or a string is never taken for an index.
class SetOwnedIndexes
{
public:
    SetOwnedIndexes() = default;
    static SetOwnedIndexes read(const MigrationSet& set, Dialect dialect);

    /// Whether the set creates an index of this name (SQLite: in any case).
    bool owns(const QString& index) const { return m_steps.contains(key(index)); }
    /// The step that creates it, as messages name a step ("2.2 indexes (002_v2/02_indexes.sql)"); empty
    /// when the set does not create it.
    QString step(const QString& index) const { return m_steps.value(key(index)); }
    qsizetype size() const { return m_steps.size(); }
    bool isEmpty() const { return m_steps.isEmpty(); }

private:
    QString key(const QString& index) const { return m_dialect == Dialect::Sqlite ? index.toLower() : index; }
    void created(const QString& index, const MigrationStep& step)
    {
        m_steps.insert(key(index), step.label());
    }
    void dropped(const QString& index) { m_steps.remove(key(index)); }

    Dialect m_dialect = Dialect::Sqlite;
    QHash<QString, QString> m_steps; ///< index name (SQLite: lower case) -> the step that creates it
};

} // namespace strata
