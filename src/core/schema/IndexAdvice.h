#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace strata {

/// One thing a DBA would tell the operator about a table's indexes: an index that costs writes and disk
/// for nothing, an index left broken, or a foreign key that makes deletes on its parent scan the child.
struct IndexAdvice
{
    /// In the order advice is listed within a table: broken first, then redundant, then missing.
    enum class Kind {
        Invalid,             ///< PostgreSQL INVALID index (a failed CREATE INDEX CONCURRENTLY)
        Duplicate,           ///< same key, INCLUDE, predicate and method as another index
        Prefix,              ///< its key is a strict leading prefix of another index's key
        Unused,              ///< PostgreSQL: never scanned in the week or more the usage statistics cover
        UnindexedForeignKey, ///< no index starts with the foreign key's columns
        MissingForQuery,     ///< a query's plan reads the whole table to find a few rows (visual EXPLAIN)
    };

    Kind kind = Kind::Duplicate;
    QString schema;
    QString table;
    QString index;       ///< the index the advice is about; empty for UnindexedForeignKey, MissingForQuery
    QString otherIndex;  ///< Duplicate/Prefix: the index that makes `index` redundant (the one to keep)
    QStringList columns; ///< the index's key parts, the foreign key's columns, or those the query looks up by
    QString message;     ///< what and why, in a sentence or two for the operator
    QString sql;         ///< the suggested statement(s); empty when no single statement fixes it
    /// The migration step that creates `index`, when the migration set does: the drop then belongs in a new
    /// step of the set (`sql` is what that step runs), never run by hand. Empty for an index made by hand.
    QString ownerStep;

    /// "invalid", "duplicate", "prefix", "unused", "unindexed_foreign_key", "missing_for_query" (stable: JSON
    /// and tests use it).
    static QString kindName(Kind kind);
    /// "Invalid index", "Duplicate index"… as a title in the app.
    static QString kindTitle(Kind kind);
    QString kindName() const { return kindName(kind); }
};

inline QString IndexAdvice::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Invalid:
        return QStringLiteral("invalid");
    case Kind::Duplicate:
        return QStringLiteral("duplicate");
    case Kind::Prefix:
        return QStringLiteral("prefix");
    case Kind::Unused:
        return QStringLiteral("unused");
    case Kind::UnindexedForeignKey:
        return QStringLiteral("unindexed_foreign_key");
    case Kind::MissingForQuery:
        return QStringLiteral("missing_for_query");
    }
    return {};
}

inline QString IndexAdvice::kindTitle(Kind kind)
{
    switch (kind) {
    case Kind::Invalid:
        return QStringLiteral("Invalid index");
    case Kind::Duplicate:
        return QStringLiteral("Duplicate index");
    case Kind::Prefix:
        return QStringLiteral("Redundant prefix");
    case Kind::Unused:
        return QStringLiteral("Unused index");
    case Kind::UnindexedForeignKey:
        return QStringLiteral("Foreign key without an index");
    case Kind::MissingForQuery:
        return QStringLiteral("Index a query needs");
    }
    return {};
}

} // namespace strata
