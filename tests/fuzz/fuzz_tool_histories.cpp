// Feeds ToolHistories, the readers of other tools' history tables that adopt relies on (Alembic's
// alembic_version revisions, goose, Flyway, golang-migrate, dbmate, Prisma, sqlx, Liquibase, Atlas), with
// tables of any content, in a SQLite file written from the input: each line "=== TABLE COLUMN..." starts
// a table, each line after it is a row of values separated by '|' (NULL, an integer, or text).
#include <QRegularExpression>

#include "FuzzCheck.h"
#include "FuzzFolder.h"
#include "dialects/sqlite/SqliteDatabase.h"
#include "tools/ToolHistories.h"

using namespace strata;
using strata::fuzz::check;

namespace {

struct Table
{
    QString name;
    QStringList columns;
    QList<QVariantList> rows;
};

QList<Table> tablesOf(const QByteArray& input)
{
    static const QRegularExpression name(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]{0,40}$"));
    static const QRegularExpression integer(QStringLiteral("^-?\\d{1,18}$"));
    QList<Table> tables;
    for (const QByteArray& raw : input.split('\n')) {
        const QString line = QString::fromUtf8(raw);
        if (line.startsWith(QLatin1String("=== "))) {
            const QStringList words = line.mid(4).split(QLatin1Char(' '), Qt::SkipEmptyParts);
            if (tables.size() == 6 || words.size() < 2 || words.size() > 13)
                break;
            for (const QString& w : words)
                if (!name.match(w).hasMatch())
                    return tables;
            tables.append({words.first(), words.mid(1), {}});
        } else if (!tables.isEmpty() && tables.last().rows.size() < 40) {
            QVariantList values;
            const QStringList cells = line.split(QLatin1Char('|'));
            for (qsizetype i = 0; i < tables.last().columns.size(); ++i) {
                const QString cell = cells.value(i);
                if (cell == QLatin1String("NULL"))
                    values << QVariant();
                else if (integer.match(cell).hasMatch())
                    values << cell.toLongLong();
                else
                    values << cell;
            }
            tables.last().rows << values;
        }
    }
    return tables;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QList<Table> tables =
        tablesOf(QByteArray(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size)));
    if (tables.isEmpty())
        return 0;
    const fuzz::FuzzFolder folder;
    folder.write(QStringLiteral("state.db"), {}); // an empty file is an empty SQLite database
    auto db = SqliteDatabase::open(folder.filePath(QStringLiteral("state.db")));
    check(db.ok(), db.ok() ? QString() : db.error().toText());
    QStringList names;
    if (!(*db)->begin())
        return 0;
    for (const Table& t : tables) {
        QStringList quoted;
        for (const QString& c : t.columns)
            quoted << QLatin1Char('"') + c + QLatin1Char('"');
        if (!(*db)->execute(
                QStringLiteral("CREATE TABLE \"%1\" (%2)").arg(t.name, quoted.join(QLatin1Char(',')))))
            continue; // a name twice: the first table stays
        names << t.name;
        const QString insert =
            QStringLiteral("INSERT INTO \"%1\" VALUES (%2)")
                .arg(t.name, QStringList(t.columns.size(), QStringLiteral("?")).join(QLatin1Char(',')));
        for (const QVariantList& row : t.rows)
            check((*db)->execute(insert, row).ok(), "cannot insert a row");
    }
    check((*db)->commit().ok(), "cannot commit the tables");

    for (const ForeignHistory& history : ToolHistories::read(**db, names)) {
        check(!history.tool.isEmpty() && !history.table.isEmpty(), "a history without its tool or table");
        check(names.contains(history.table, Qt::CaseInsensitive),
              QStringLiteral("%1's history read from %2, which is no table here")
                  .arg(history.tool, history.table));
        check(!history.summary().isEmpty(), QStringLiteral("%1's history has no summary").arg(history.tool));
        for (const ForeignRow& row : history.appliedRows())
            check(row.applied(), "a row listed as applied that is not");
        for (const ForeignRow& row : history.troubledRows())
            check(!row.remedy.isEmpty(),
                  QStringLiteral("%1: %2 needs the operator (%3) but says nothing to do")
                      .arg(history.tool, row.version, row.problem));
        (void)history.lastAppliedAt();
    }
    return 0;
}
