#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include "connection/Database.h"
#include "review/TableLoads.h"
#include "review/sqlite/SqliteRebuild.h"
#include "review/sqlite/SqliteStepStatements.h"

namespace strata {

/// The SQL of the safe rewrites that need the live schema: SQLite's 12-step table rebuild (from the live
/// table, or around a step's own hand-written rebuild) and the key a batched UPDATE or DELETE goes by.
class SqliteRecipes
{
public:
    /// What a rebuild of a table must put back: its own triggers (they go with DROP TABLE), and the views
    /// and other tables' triggers that name it, dropped before and created after.
    struct AroundTable
    {
        QList<QPair<QString, QString>> own; ///< (name, CREATE TRIGGER)
        QStringList dropFirst;
        QStringList createAfter;
    };

    SqliteRecipes(Database& db, TableLoads& loads);

    AroundTable around(const QString& table);
    /// The primary key's columns of a WITHOUT ROWID table, which has no rowid to batch by; empty otherwise.
    QStringList rowKey(const QString& table);
    /// The 12-step recipe for `table` from its live CREATE TABLE (a generic one when the table is new).
    QString recipe(const QString& table);
    /// The 12-step recipe around a step's own rebuild: its CREATE TABLE and copy kept as written.
    QString stepRecipe(const SqliteRebuild& r, const QList<SqliteStepStatement>& statements,
                       const AroundTable& a);

private:
    Database& m_db;
    TableLoads& m_loads;
};

} // namespace strata
