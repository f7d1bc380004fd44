#include "connection/DatabaseOpener.h"

#include <QFileInfo>

#include "dialects/postgres/PostgresDatabase.h"
#include "dialects/sqlite/SqliteDatabase.h"

namespace strata {

Result<std::unique_ptr<Database>> DatabaseOpener::open(const ConnectionUrl& url, Mode mode)
{
    bool readOnly = mode == Mode::ReadOnly;
    if (mode == Mode::Inspect && url.dialect() == Dialect::Sqlite) {
        const QFileInfo file(url.sqlitePath());
        readOnly = file.exists() && (!file.isWritable() || !QFileInfo(file.absolutePath()).isWritable());
    }
    if (url.dialect() == Dialect::Sqlite) {
        auto db = SqliteDatabase::open(url.sqlitePath(), readOnly);
        if (!db)
            return db.error();
        return std::unique_ptr<Database>(std::move(db).value());
    }
    auto db = PostgresDatabase::open(url);
    if (!db)
        return db.error();
    return std::unique_ptr<Database>(std::move(db).value());
}

} // namespace strata
