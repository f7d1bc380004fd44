#include "backup/BackupEngine.h"

#include "dialects/postgres/PostgresBackupEngine.h"
#include "dialects/postgres/PostgresDatabase.h"
#include "dialects/sqlite/SqliteBackupEngine.h"
#include "dialects/sqlite/SqliteDatabase.h"

namespace strata {

BackupEngine::~BackupEngine() = default;

std::unique_ptr<BackupEngine> BackupEngine::forDatabase(Database& db)
{
    if (db.dialect() == Dialect::Sqlite)
        return std::make_unique<SqliteBackupEngine>(static_cast<SqliteDatabase&>(db));
    return std::make_unique<PostgresBackupEngine>(static_cast<PostgresDatabase&>(db));
}

} // namespace strata
