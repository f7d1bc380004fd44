#pragma once

#include <QString>

#include "connection/ConnectionUrl.h"

namespace strata {

/// Writes names into SQL so that the engine reads back exactly that name: tables called "order", "Trades"
/// (mixed case folds to lower case on PostgreSQL unless quoted) or `fills "2024"` must survive.
class SqlIdentifier
{
public:
    /// The name bare when the engine reads it back unchanged (a plain word that is no keyword; on PostgreSQL
    /// also lower-case), otherwise in double quotes with inner quotes doubled.
    static QString quote(const QString& name, Dialect dialect);
    /// "schema.table" for PostgreSQL; SQLite's "main" schema is left out (it is the only one Strata reads).
    static QString qualified(const QString& schema, const QString& name, Dialect dialect);
    /// Whether `word` (any case) is a keyword of either engine, which a bare name must not be.
    static bool isKeyword(const QString& word);
};

} // namespace strata
