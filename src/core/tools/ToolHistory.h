#pragma once

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QVariant>

#include "common/Result.h"
#include "connection/Database.h"
#include "tools/ForeignRow.h"
#include "tools/ToolStep.h"

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

    // Adoption: matching the tool's rows to the set's steps, and keeping its table current afterwards.

    /// The id the tool writes in its history for `step`'s file (default: the version number, as
    /// golang-migrate, goose and sqlx parse the file name's leading digits).
    virtual QString versionOf(const MigrationStep& step) const;
    /// The table holds only the newest applied migration (golang-migrate, Alembic): every step up to it
    /// is applied.
    virtual bool keepsOnlyCurrent() const { return false; }
    /// The checksum the tool computes for the step's file today, in the form it stores it; empty when the
    /// tool keeps none. `bytes` are the forward file's exact bytes.
    virtual QString checksumOf(const MigrationStep& step, const QByteArray& bytes) const;
    /// Whether Strata can keep this tool's table current (write and delete its rows).
    virtual bool writable() const { return false; }
    /// Writes the tool's row for a step Strata applied, in the tool's exact format, on `db` inside the
    /// caller's transaction.
    virtual Status recordApplied(Database& db, const QString& table, const ToolStep& applied) const;
    /// Changes the tool's table as the tool's own down/rollback would for a step Strata rolled back.
    virtual Status recordRolledBack(Database& db, const QString& table, const ToolStep& rolledBack) const;

protected:
    /// A value as text; NULL is empty.
    static QString text(const QVariant& value);
    /// A boolean as either engine returns it: 1/0, t/f, true/false.
    static bool flag(const QVariant& value);
    /// A binary value (SQLite BLOB, PostgreSQL bytea's \x text) as lower-case hex.
    static QString hex(const QVariant& value);
    /// A boolean literal for `db`'s engine: true/false on PostgreSQL, 1/0 on SQLite.
    static QVariant boolean(const Database& db, bool value);
    /// The current time as the engine stores a timestamp (UTC, SQLite's "YYYY-MM-DD HH:MM:SS").
    static QString timestamp(const Database& db);
    /// The file name of the step's forward file, without its folder.
    static QString fileName(const MigrationStep& step);
};

} // namespace strata
