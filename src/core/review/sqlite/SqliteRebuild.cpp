#include "review/sqlite/SqliteRebuild.h"

namespace strata {

namespace {

using Kind = SqliteStatement::Kind;

bool same(const QString& a, const QString& b)
{
    return !a.isEmpty() && a.compare(b, Qt::CaseInsensitive) == 0;
}

/// The first statement from `from` on of `kind` on `table`; -1 when none.
int findOn(const QList<SqliteStepStatement>& s, int from, Kind kind, const QString& table)
{
    for (int i = from; i < s.size(); ++i)
        if (s[i].what.kind == kind && same(s[i].what.table, table))
            return i;
    return -1;
}

/// The INSERT INTO `into` ... SELECT ... FROM `from` between statements `after` and `before`; -1 when none.
int findCopy(const QList<SqliteStepStatement>& s, int after, int before, const QString& into,
             const QString& from)
{
    for (int i = after + 1; i < before; ++i)
        if (s[i].what.kind == Kind::Insert && s[i].what.insertSelect && same(s[i].what.table, into) &&
            same(s[i].what.sourceTable, from))
            return i;
    return -1;
}

} // namespace

QList<SqliteRebuild> SqliteRebuild::find(const QList<SqliteStepStatement>& s)
{
    QList<SqliteRebuild> found;
    for (int i = 0; i < s.size(); ++i) {
        const SqliteStatement& w = s[i].what;
        if (w.kind == Kind::CreateTable && !w.temporary) {
            // CREATE TABLE new_x ... DROP TABLE x ... ALTER TABLE new_x RENAME TO x
            for (int r = i + 1; r < s.size(); ++r) {
                const SqliteStatement& rename = s[r].what;
                if (rename.kind != Kind::RenameTable || !same(rename.table, w.table))
                    continue;
                const int drop = findOn(s, i + 1, Kind::DropTable, rename.newName);
                if (drop < 0 || drop > r)
                    break;
                SqliteRebuild rebuild;
                rebuild.table = rename.newName;
                rebuild.scratch = w.table;
                rebuild.first = i;
                rebuild.copy = findCopy(s, i, drop, w.table, rename.newName);
                rebuild.drop = drop;
                rebuild.rename = r;
                found.append(rebuild);
                break;
            }
        } else if (w.kind == Kind::RenameTable) {
            // ALTER TABLE x RENAME TO x_old ... CREATE TABLE x ... DROP TABLE x_old
            const int create = findOn(s, i + 1, Kind::CreateTable, w.table);
            const int drop = create < 0 ? -1 : findOn(s, create + 1, Kind::DropTable, w.newName);
            bool partOfCopyFirst = false;
            for (const SqliteRebuild& earlier : found)
                partOfCopyFirst = partOfCopyFirst || earlier.rename == i;
            if (drop < 0 || partOfCopyFirst)
                continue;
            SqliteRebuild rebuild;
            rebuild.table = w.table;
            rebuild.scratch = w.newName;
            rebuild.renameFirst = true;
            rebuild.first = i;
            rebuild.copy = findCopy(s, create, drop, w.table, w.newName);
            rebuild.drop = drop;
            rebuild.rename = i;
            found.append(rebuild);
        }
    }
    return found;
}

} // namespace strata
