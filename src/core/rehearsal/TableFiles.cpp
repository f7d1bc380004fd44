#include "rehearsal/TableFiles.h"

#include <algorithm>

namespace strata {

Result<TableFiles::Snapshot> TableFiles::read(Database& db)
{
    auto rows = db.query(db.catalogSql(QStringLiteral("rehearsal_table_files")));
    if (!rows)
        return rows.error();
    Snapshot files;
    for (const auto& row : rows->rows)
        files.insert(row.value(0).toString(), row.value(1).toString());
    return files;
}

QStringList TableFiles::rewritten(const Snapshot& before, const Snapshot& after)
{
    QStringList tables;
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        const auto now = after.constFind(it.key());
        if (now != after.cend() && *now != *it)
            tables << it.key();
    }
    std::sort(tables.begin(), tables.end());
    return tables;
}

} // namespace strata
