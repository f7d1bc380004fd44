#pragma once

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QVariant>

#include "common/Result.h"
#include "connection/Database.h"
#include "tools/ForeignRow.h"

namespace strata {

/// The history part of one other tool's adapter: which table the tool keeps, how to tell it from another
/// tool's table of the same name, and how to read its rows. One subclass per tool, in the tool's folder
/// (src/core/tools/<tool>/); the tool's file layout and the writing of its rows live beside it there.
class ToolHistory
{
public:
    virtual ~ToolHistory() = default;

    /// The tool as operators name it: "dbmate", "golang-migrate".
    virtual QString tool() const = 0;
    /// The version of the tool whose table format this follows: "dbmate 2.36.0".
    virtual QString follows() const = 0;
    /// The table it keeps, as the tool names it (PostgreSQL: in the current schema unless qualified).
    virtual QString table() const = 0;
    /// Where the table may be on this engine, first match wins (default: table()).
    virtual QStringList tablesIn(Dialect dialect) const;
    /// Whether a table named table() with these columns (lower case) is this tool's.
    virtual bool recognises(const QSet<QString>& columns) const = 0;
    /// The rows, oldest first, with the tool's state flags and, where the tool's state needs the operator,
    /// what is wrong and what to do.
    virtual Result<QList<ForeignRow>> read(Database& db, const QString& table) const = 0;
    /// How the team applies migrations with the tool until Strata adopts its history: "dbmate up".
    virtual QString keepRunning() const = 0;
    /// Shown only: Strata never adopts nor writes this tool's history.
    virtual bool readOnly() const { return false; }
    /// What the rows mean when they are not one row per applied migration.
    virtual QString note() const { return {}; }

protected:
    /// A value as text; NULL is empty.
    static QString text(const QVariant& value);
    /// A boolean as either engine returns it: 1/0, t/f, true/false.
    static bool flag(const QVariant& value);
    /// A binary value (SQLite BLOB, PostgreSQL bytea's \x text) as lower-case hex.
    static QString hex(const QVariant& value);
};

} // namespace strata
