#pragma once

#include <functional>

#include <QByteArray>
#include <QJsonArray>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace strata {

/// The name PostgreSQL gives an index created without one (`CREATE INDEX ON orders (state)`, a PRIMARY KEY
/// or UNIQUE constraint without CONSTRAINT name), so that a migration step's unnamed index is known as the
/// set's. It follows PostgreSQL 15 exactly (src/backend/commands/indexcmds.c: ChooseIndexName,
/// ChooseIndexNameAddition, ChooseIndexColumnNames, makeObjectName, ChooseRelationName; and
/// src/backend/parser/parse_target.c: FigureIndexColname for an expression column), in bytes of UTF-8 as
/// the server counts them: "table_col1_col2_idx", "_key" for a UNIQUE constraint, "_excl" for an exclusion
/// constraint, "table_pkey" for a primary key; an expression column is named after its function (or cast
/// type), else "expr"; the table and column part are cut to fit 63 bytes (NAMEDATALEN - 1), the longer
/// first, never inside a character; a name already taken gets the first free number after its label
/// ("orders_state_idx1").
class PgIndexNames
{
public:
    enum class Kind {
        Index,      ///< CREATE [UNIQUE] INDEX without a name: "_idx"
        Unique,     ///< a UNIQUE constraint without a name: "_key"
        PrimaryKey, ///< a PRIMARY KEY constraint without a name: "_pkey"
        Exclusion,  ///< an EXCLUDE constraint without a name: "_excl"
    };
    /// Whether a relation (or, for a constraint, a constraint) of this name exists already.
    using Taken = std::function<bool(const QString&)>;

    /// NAMEDATALEN - 1: the longest name PostgreSQL keeps, in bytes.
    static constexpr int kMaxNameBytes = 63;

    /// ChooseIndexName: the name of an index on `table` over `columns` (as columnNames() gives them).
    static QString choose(const QString& table, const QStringList& columns, Kind kind, const Taken& taken);
    /// ChooseIndexColumnNames: each column's name (its column, or what FigureIndexColname makes of its
    /// expression, else "expr"), a repeated name numbered ("lower", "lower1"). `elements` are libpg_query's
    /// IndexElem nodes ({"IndexElem": {...}}) of the key columns and then the INCLUDE columns.
    static QStringList columnNames(const QJsonArray& elements);
    /// ChooseIndexNameAddition: the column names joined with "_", stopped once 64 bytes are reached.
    static QString addition(const QStringList& columns);
    /// makeObjectName: "name1_name2_label" cut to 63 bytes, the longer of name1 and name2 first; the label
    /// is never cut. An empty name2 is left out with its underscore.
    static QString objectName(const QString& name1, const QString& name2, const QString& label);
    /// ChooseRelationName: objectName(), with "label1", "label2", ... until `taken` says the name is free.
    static QString relationName(const QString& name1, const QString& name2, const QString& label,
                                const Taken& taken);
    /// FigureIndexColname: the name PostgreSQL figures for an index expression (libpg_query's node), empty
    /// when it figures none.
    static QString expressionName(const QJsonValue& expression);

private:
    /// pg_mbcliplen for UTF-8: the longest prefix of at most `limit` bytes that does not cut a character.
    static qsizetype clip(const QByteArray& utf8, qsizetype limit);
    /// FigureColnameInternal: the name and its strength (0 none, 1 a guess, 2 sure).
    static int figure(const QJsonValue& node, QString& name);
};

} // namespace strata
