#pragma once

#include <QHash>
#include <QJsonObject>
#include <QSet>
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
/// statement classifier: a name inside a comment or a string is never taken for an index. On PostgreSQL an
/// index created without a name (`CREATE INDEX ON orders (state)`, a PRIMARY KEY or UNIQUE constraint of
/// CREATE TABLE or ALTER TABLE ... ADD) is the set's under the name the server gives it (PgIndexNames),
/// numbered against the relations the set created before it; an index goes with its table's DROP TABLE and
/// with its constraint's DROP CONSTRAINT.
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
    void created(const QString& index, const MigrationStep& step, const QString& table = QString())
    {
        m_steps.insert(key(index), step.label());
        m_relations.insert(key(index));
        if (!table.isEmpty())
            m_tableOf.insert(key(index), table);
    }
    void dropped(const QString& index)
    {
        m_steps.remove(key(index));
        m_relations.remove(key(index));
        m_tableOf.remove(key(index));
    }
    /// One statement of a PostgreSQL step (libpg_query's node of kind `kind`).
    void readPostgres(const QString& kind, const QJsonObject& node, const MigrationStep& step);
    /// An index constraint (PRIMARY KEY, UNIQUE, EXCLUDE) of `table`: its index, named or unnamed.
    void constraintOf(const QString& table, const QJsonObject& constraint, const MigrationStep& step);
    /// A name PostgreSQL would find taken in the schema, as far as the set's own steps tell.
    bool taken(const QString& name) const { return m_relations.contains(name); }
    void tableDropped(const QString& table);

    Dialect m_dialect = Dialect::Sqlite;
    QHash<QString, QString> m_steps;   ///< index name (SQLite: lower case) -> the step that creates it
    QSet<QString> m_relations;         ///< tables, views, sequences and indexes the set's steps created
    QHash<QString, QString> m_tableOf; ///< PostgreSQL: index name -> its table
};

} // namespace strata
