#pragma once

#include <memory>

#include <QString>
#include <QTemporaryDir>

#include "common/Result.h"
#include "connection/Database.h"

namespace strata {

/// An empty database of the live one's engine, made for one drift check and removed when it goes away,
/// also after a failure or a cancel: SQLite a file in a temporary folder, PostgreSQL a database
/// strata_drift_<random> created on the live one's server. The live database itself is never written.
class ScratchDatabase
{
public:
    /// Creates it next to `live` (PostgreSQL: CREATE DATABASE on the live one's server, which needs the
    /// CREATEDB privilege; the error says so when the role lacks it).
    static Result<std::unique_ptr<ScratchDatabase>> create(Database& live);
    ~ScratchDatabase();
    ScratchDatabase(const ScratchDatabase&) = delete;
    ScratchDatabase& operator=(const ScratchDatabase&) = delete;

    Database& db() { return *m_db; }
    /// "a temporary SQLite file", "the temporary database strata_drift_1a2b…".
    QString description() const;
    /// PostgreSQL: the scratch database's name; empty for SQLite.
    QString postgresName() const { return m_postgresName; }
    /// Closes and removes it now, saying when that failed (the destructor tries again, silently).
    Status drop();

private:
    ScratchDatabase(Database& live, std::unique_ptr<Database> db, QString postgresName,
                    std::unique_ptr<QTemporaryDir> folder);

    Database& m_live;
    std::unique_ptr<Database> m_db;
    QString m_postgresName;
    std::unique_ptr<QTemporaryDir> m_folder;
    bool m_dropped = false;
};

} // namespace strata
