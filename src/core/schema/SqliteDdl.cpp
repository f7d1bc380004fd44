#include "schema/SqliteDdl.h"

#include "schema/SqliteTokens.h"

namespace strata {

namespace {

/// PRIMARY KEY / UNIQUE / CHECK / FOREIGN KEY on the table, tokens [first, last].
void readTableConstraint(const SqliteTokens& t, int first, int last, SqliteTableDdl& ddl)
{
    SqliteTableDdl::Constraint constraint;
    int i = first;
    if (t.isWord(i, QLatin1StringView("CONSTRAINT"))) {
        constraint.name = SqliteDdl::unquote(t.text(i + 1, i + 1));
        i += 2;
    }
    if (t.isWord(i, QLatin1StringView("PRIMARY")))
        constraint.kind = QStringLiteral("PRIMARY KEY");
    else if (t.isWord(i, QLatin1StringView("UNIQUE")))
        constraint.kind = QStringLiteral("UNIQUE");
    else if (t.isWord(i, QLatin1StringView("CHECK")))
        constraint.kind = QStringLiteral("CHECK");
    else if (t.isWord(i, QLatin1StringView("FOREIGN")))
        constraint.kind = QStringLiteral("FOREIGN KEY");
    else
        return;
    const int open = t.nextOpen(i, t.at(first).depth);
    if (open < 0 || open > last)
        return;
    const int close = t.closing(open);
    if (constraint.kind == QLatin1String("CHECK")) {
        constraint.definition = QStringLiteral("CHECK ") + t.text(open, close);
    } else {
        for (const auto& [a, b] : t.items(open, close))
            constraint.columns << SqliteDdl::unquote(t.text(a, a));
    }
    ddl.constraints.append(constraint);
}

/// A column definition, tokens [first, last]: its name, generation expression and column constraints.
void readColumn(const SqliteTokens& t, int first, int last, SqliteTableDdl& ddl)
{
    SqliteTableDdl::Column column;
    column.name = SqliteDdl::unquote(t.text(first, first));
    const int depth = t.at(first).depth;
    QString pendingName;
    auto add = [&](const QString& kind, const QString& definition = {}) {
        ddl.constraints.append({pendingName, kind, {column.name}, definition});
        pendingName.clear();
    };
    for (int i = first + 1; i <= last; ++i) {
        if (t.at(i).depth != depth)
            continue;
        if (t.isWord(i, QLatin1StringView("CONSTRAINT"))) {
            pendingName = SqliteDdl::unquote(t.text(i + 1, i + 1));
            ++i;
        } else if (t.isWord(i, QLatin1StringView("PRIMARY"))) {
            add(QStringLiteral("PRIMARY KEY"));
        } else if (t.isWord(i, QLatin1StringView("UNIQUE"))) {
            add(QStringLiteral("UNIQUE"));
        } else if (t.isWord(i, QLatin1StringView("REFERENCES"))) {
            add(QStringLiteral("FOREIGN KEY"));
        } else if (t.isWord(i, QLatin1StringView("CHECK")) && t.isSymbol(i + 1, '(')) {
            const int close = t.closing(i + 1);
            add(QStringLiteral("CHECK"), QStringLiteral("CHECK ") + t.text(i + 1, close));
            i = close;
        } else if (t.isWord(i, QLatin1StringView("AS")) && t.isSymbol(i + 1, '(')) {
            const int close = t.closing(i + 1);
            column.generated = t.text(i + 2, close - 1);
            i = close;
        } else if (t.isSymbol(i, '(')) {
            i = t.closing(i); // a type's arguments or a DEFAULT (expression)
        }
    }
    ddl.columns.append(column);
}

} // namespace

const SqliteTableDdl::Column* SqliteTableDdl::column(const QString& name) const
{
    for (const Column& c : columns)
        if (c.name.compare(name, Qt::CaseInsensitive) == 0)
            return &c;
    return nullptr;
}

const SqliteTableDdl::Constraint* SqliteTableDdl::constraint(const QString& kind,
                                                             const QStringList& onColumns) const
{
    for (const Constraint& c : constraints) {
        if (c.kind != kind || c.columns.size() != onColumns.size())
            continue;
        bool same = true;
        for (qsizetype i = 0; i < onColumns.size() && same; ++i)
            same = c.columns.at(i).compare(onColumns.at(i), Qt::CaseInsensitive) == 0;
        if (same)
            return &c;
    }
    return nullptr;
}

SqliteTableDdl SqliteDdl::parseTable(const QString& createTable)
{
    SqliteTableDdl ddl;
    const SqliteTokens t(createTable);
    const int open = t.nextOpen(0, 0);
    if (open < 0)
        return ddl; // CREATE TABLE ... AS SELECT has no definitions to read
    const int close = t.closing(open);
    for (int i = close + 1; i < t.size(); ++i)
        if (t.isWord(i, QLatin1StringView("WITHOUT")) && t.isWord(i + 1, QLatin1StringView("ROWID")))
            ddl.withoutRowid = true;
    for (const auto& [first, last] : t.items(open, close)) {
        if (t.isWord(first, QLatin1StringView("CONSTRAINT")) ||
            t.isWord(first, QLatin1StringView("PRIMARY")) || t.isWord(first, QLatin1StringView("UNIQUE")) ||
            t.isWord(first, QLatin1StringView("CHECK")) || t.isWord(first, QLatin1StringView("FOREIGN")))
            readTableConstraint(t, first, last, ddl);
        else
            readColumn(t, first, last, ddl);
    }
    return ddl;
}

SqliteIndexDdl SqliteDdl::parseIndex(const QString& createIndex)
{
    SqliteIndexDdl ddl;
    const SqliteTokens t(createIndex);
    int on = 0;
    while (on < t.size() && !(t.isWord(on, QLatin1StringView("ON")) && t.at(on).depth == 0))
        ++on;
    const int open = t.nextOpen(on, 0);
    if (open < 0)
        return ddl;
    const int close = t.closing(open);
    for (auto [first, last] : t.items(open, close)) {
        while (last > first) {
            if (t.isWord(last, QLatin1StringView("ASC")) || t.isWord(last, QLatin1StringView("DESC")))
                --last;
            else if (last - 1 > first && t.isWord(last - 1, QLatin1StringView("COLLATE")))
                last -= 2;
            else
                break;
        }
        ddl.keys << t.text(first, last);
    }
    int end = t.size() - 1;
    if (t.isSymbol(end, ';'))
        --end;
    for (int i = close + 1; i <= end; ++i)
        if (t.isWord(i, QLatin1StringView("WHERE")) && t.at(i).depth == 0) {
            ddl.where = t.text(i + 1, end);
            break;
        }
    return ddl;
}

QString SqliteDdl::unquote(const QString& identifier)
{
    if (identifier.size() >= 2) {
        const QChar first = identifier.front();
        const QChar last = identifier.back();
        if (first == u'[' && last == u']')
            return identifier.mid(1, identifier.size() - 2);
        if ((first == u'"' || first == u'`' || first == u'\'') && last == first) {
            QString inner = identifier.mid(1, identifier.size() - 2);
            inner.replace(QString(2, first), QString(first));
            return inner;
        }
    }
    return identifier;
}

} // namespace strata
