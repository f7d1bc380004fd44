#include "review/sqlite/SqliteRewrites.h"

#include <algorithm>

#include "schema/SqlIdentifier.h"
#include "schema/SqliteTokens.h"

namespace strata {

namespace {

QString quoted(const QString& name)
{
    return SqlIdentifier::quote(name, Dialect::Sqlite);
}

/// A constant of the column's type affinity (SQLite's rules, datatype3.html 3.1).
QString constantFor(const QString& type)
{
    const QString t = type.toUpper();
    if (t.contains(QLatin1String("INT")))
        return QStringLiteral("0");
    if (t.contains(QLatin1String("CHAR")) || t.contains(QLatin1String("CLOB")) ||
        t.contains(QLatin1String("TEXT")))
        return QStringLiteral("''");
    if (t.isEmpty() || t.contains(QLatin1String("BLOB")))
        return QStringLiteral("X''");
    if (t.contains(QLatin1String("REAL")) || t.contains(QLatin1String("FLOA")) ||
        t.contains(QLatin1String("DOUB")))
        return QStringLiteral("0.0");
    return QStringLiteral("0");
}

/// The last token of a DEFAULT's value that starts at token `i`.
int defaultEnd(const SqliteTokens& t, int i)
{
    if (i >= t.size())
        return t.size() - 1;
    if (t.isSymbol(i, '('))
        return t.closing(i);
    if ((t.isSymbol(i, '+') || t.isSymbol(i, '-')) && i + 1 < t.size())
        return i + 1;
    if (t.at(i).kind == SqliteToken::Kind::Word && i + 1 < t.size() &&
        t.at(i + 1).kind == SqliteToken::Kind::String && t.at(i).end == t.at(i + 1).begin)
        return i + 1;
    return i;
}

} // namespace

QString SqliteRewrites::columnWithout(const QString& columnText, const SqliteColumnDefinition& column,
                                      bool withoutDefault)
{
    Q_UNUSED(column);
    const SqliteTokens t(columnText);
    QList<QPair<qsizetype, qsizetype>> cut; // character ranges to remove
    for (int i = 1; i < t.size(); ++i) {
        if (t.at(i).depth != 0)
            continue;
        int last = -1;
        if (t.isWord(i, QLatin1StringView("UNIQUE"))) {
            last = i;
        } else if (t.isWord(i, QLatin1StringView("PRIMARY")) && t.isWord(i + 1, QLatin1StringView("KEY"))) {
            last = i + 1;
            if (t.isWord(last + 1, QLatin1StringView("ASC")) || t.isWord(last + 1, QLatin1StringView("DESC")))
                ++last;
        } else if (withoutDefault && t.isWord(i, QLatin1StringView("DEFAULT"))) {
            last = defaultEnd(t, i + 1);
        } else if (t.isWord(i, QLatin1StringView("AUTOINCREMENT"))) {
            last = i;
        }
        if (last < 0)
            continue;
        if (t.isWord(last + 1, QLatin1StringView("ON")) && t.isWord(last + 2, QLatin1StringView("CONFLICT")))
            last += 3;
        cut.append({t.at(i).begin, t.at(qMin(last, t.size() - 1)).end});
        i = last;
    }
    QString text = columnText;
    std::reverse(cut.begin(), cut.end());
    for (const auto& [from, to] : cut)
        text.remove(from, to - from);
    return text.simplified();
}

QString SqliteRewrites::addColumnWithConstantDefault(const QString& table,
                                                     const SqliteColumnDefinition& column)
{
    QString definition = quoted(column.name);
    if (!column.type.isEmpty())
        definition += QLatin1Char(' ') + column.type;
    return QStringLiteral("ALTER TABLE %1 ADD COLUMN %2 NOT NULL DEFAULT %3;")
        .arg(quoted(table), definition, constantFor(column.type));
}

QString SqliteRewrites::addColumnThenUniqueIndex(const QString& table, const SqliteColumnDefinition& column,
                                                 const QString& columnText)
{
    return QStringLiteral("ALTER TABLE %1 ADD COLUMN %2;\nCREATE UNIQUE INDEX %3 ON %1 (%4);")
        .arg(quoted(table), columnWithout(columnText, column, false),
             quoted(table + QLatin1Char('_') + column.name + QStringLiteral("_key")), quoted(column.name));
}

QString SqliteRewrites::addColumnThenBackfill(const QString& table, const SqliteColumnDefinition& column,
                                              const QString& columnText)
{
    return QStringLiteral(
               "ALTER TABLE %1 ADD COLUMN %2;\n"
               "UPDATE %1 SET %3 = %4 WHERE rowid IN (SELECT rowid FROM %1 WHERE %3 IS NULL LIMIT %5);")
        .arg(quoted(table), columnWithout(columnText, column, true), quoted(column.name), column.defaultText,
             QString::number(kBatchRows));
}

QString SqliteRewrites::batched(const QString& statement, const SqliteStatement& what)
{
    const QString head = statement.left(what.whereAt >= 0 ? what.whereAt : what.bodyEnd).trimmed();
    const QString from =
        quoted(what.table) + (what.alias.isEmpty() ? QString() : QStringLiteral(" AS ") + quoted(what.alias));
    QString condition = what.where.trimmed();
    if (condition.isEmpty() && what.kind == SqliteStatement::Kind::Update) {
        // Without a WHERE every batch would pick the same rows again: pick the rows not set yet.
        QStringList notYet;
        for (const auto& [column, value] : what.assignments)
            notYet << QStringLiteral("%1 IS NOT %2").arg(column.trimmed(), value.trimmed());
        condition = notYet.join(QStringLiteral(" OR "));
    }
    const QString inner =
        condition.isEmpty()
            ? QStringLiteral("SELECT rowid FROM %1 LIMIT %2").arg(from, QString::number(kBatchRows))
            : QStringLiteral("SELECT rowid FROM %1 WHERE %2 LIMIT %3")
                  .arg(from, condition, QString::number(kBatchRows));
    return QStringLiteral("%1 WHERE rowid IN (%2);").arg(head, inner);
}

QString SqliteRewrites::renamedCreate(const QString& createTable, const QString& newName)
{
    const SqliteTokens t(createTable);
    int i = 0;
    while (i < t.size() && !t.isWord(i, QLatin1StringView("TABLE")))
        ++i;
    ++i;
    if (t.isWord(i, QLatin1StringView("IF")))
        i += 3;
    if (t.isSymbol(i + 1, '.'))
        i += 2;
    if (i >= t.size())
        return createTable;
    QString text = createTable;
    text.replace(t.at(i).begin, t.at(i).end - t.at(i).begin, quoted(newName));
    return text;
}

QString SqliteRewrites::rebuildRecipe(const QString& table, const QString& liveDdl,
                                      const QStringList& columns, const QStringList& dropFirst,
                                      const QStringList& createAfter)
{
    const QString scratch = QStringLiteral("new_") + table;
    QStringList names;
    for (const QString& c : columns)
        names << quoted(c);
    QString recipe = QStringLiteral("PRAGMA foreign_keys = OFF;\n"
                                    "BEGIN IMMEDIATE;\n");
    for (const QString& sql : dropFirst)
        recipe += sql + QStringLiteral(";\n");
    recipe += QStringLiteral("-- the table as it is now: make the change here\n%1;\n"
                             "INSERT INTO %2 (%3) SELECT %3 FROM %4;\n"
                             "DROP TABLE %4;\n"
                             "ALTER TABLE %2 RENAME TO %4;\n")
                  .arg(renamedCreate(liveDdl, scratch), quoted(scratch), names.join(QStringLiteral(", ")),
                       quoted(table));
    for (const QString& sql : createAfter)
        recipe += sql + QStringLiteral(";\n");
    recipe += QStringLiteral("PRAGMA foreign_key_check(%1); -- must return no row before the commit\n"
                             "COMMIT;\n"
                             "PRAGMA foreign_keys = ON; -- only if it was on before\n")
                  .arg(quoted(table));
    return recipe;
}

} // namespace strata
