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

QString SqliteRewrites::rowKey(const QStringList& key)
{
    if (key.isEmpty())
        return QStringLiteral("rowid");
    QStringList names;
    for (const QString& k : key)
        names << quoted(k);
    return names.size() == 1 ? names.first()
                             : QLatin1Char('(') + names.join(QStringLiteral(", ")) + QLatin1Char(')');
}

QString SqliteRewrites::batched(const QString& statement, const SqliteStatement& what, const QStringList& key)
{
    const QString row = rowKey(key);
    const QString selected = key.size() > 1 ? row.mid(1, row.size() - 2) : row;
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
            ? QStringLiteral("SELECT %1 FROM %2 LIMIT %3").arg(selected, from, QString::number(kBatchRows))
            : QStringLiteral("SELECT %1 FROM %2 WHERE %3 LIMIT %4")
                  .arg(selected, from, condition, QString::number(kBatchRows));
    return QStringLiteral("%1 WHERE %2 IN (%3);").arg(head, row, inner);
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

QString SqliteRewrites::retargetedCopy(const QString& insertSelect, const QString& into, const QString& from)
{
    const SqliteTokens t(insertSelect);
    QList<QPair<int, QString>> names; // token to replace, new text
    int i = 0;
    while (i < t.size() && !t.isWord(i, QLatin1StringView("INTO")))
        ++i;
    if (i + 1 < t.size())
        names.append({t.isSymbol(i + 2, '.') ? i + 3 : i + 1, quoted(into)});
    for (int k = i + 1; k < t.size(); ++k) {
        if (t.at(k).depth == 0 && t.isWord(k, QLatin1StringView("FROM")) && k + 1 < t.size()) {
            names.append({t.isSymbol(k + 2, '.') ? k + 3 : k + 1, quoted(from)});
            break;
        }
    }
    QString text = insertSelect;
    for (auto it = names.crbegin(); it != names.crend(); ++it)
        if (it->first < t.size())
            text.replace(t.at(it->first).begin, t.at(it->first).end - t.at(it->first).begin, it->second);
    return text;
}

QString SqliteRewrites::copyOf(const QString& table, const QString& scratch, const QStringList& columns)
{
    QStringList names;
    for (const QString& c : columns)
        names << quoted(c);
    return QStringLiteral("INSERT INTO %1 (%2) SELECT %2 FROM %3")
        .arg(quoted(scratch), names.join(QStringLiteral(", ")), quoted(table));
}

QString SqliteRewrites::rebuildRecipe(const QString& table, const QString& scratch, const QString& create,
                                      const QString& copy, const QStringList& dropFirst,
                                      const QStringList& createAfter)
{
    auto statement = [](const QString& sql) {
        QString text = sql.trimmed();
        while (text.endsWith(QLatin1Char(';')))
            text.chop(1);
        return text + QStringLiteral(";\n");
    };
    QString recipe = QStringLiteral("PRAGMA foreign_keys = OFF;\nBEGIN IMMEDIATE;\n");
    for (const QString& sql : dropFirst)
        recipe += statement(sql);
    recipe += statement(create);
    if (!copy.isEmpty())
        recipe += statement(copy);
    recipe +=
        QStringLiteral("DROP TABLE %1;\nALTER TABLE %2 RENAME TO %1;\n").arg(quoted(table), quoted(scratch));
    for (const QString& sql : createAfter)
        recipe += statement(sql);
    recipe += QStringLiteral("PRAGMA foreign_key_check(%1); -- must return no row before the commit\n"
                             "COMMIT;\n"
                             "PRAGMA foreign_keys = ON; -- only if it was on before")
                  .arg(quoted(table));
    return recipe;
}

} // namespace strata
