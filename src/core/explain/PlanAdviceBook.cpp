#include "explain/PlanAdviceBook.h"

#include <QHash>
#include <QMutex>
#include <QMutexLocker>

namespace strata {

namespace {

struct Book
{
    QMutex mutex;
    QHash<QString, QList<IndexAdvice>> byDatabase;
};

Book& book()
{
    static Book instance;
    return instance;
}

bool sameTable(const IndexAdvice& a, const QString& schema, const QString& table)
{
    // SQLite's names ignore case and its schema is "main"; PostgreSQL's schema and name are exact.
    if (a.schema == QLatin1String("main") || schema == QLatin1String("main"))
        return a.table.compare(table, Qt::CaseInsensitive) == 0;
    return a.schema == schema && a.table == table;
}

} // namespace

void PlanAdviceBook::record(const QString& database, const QList<IndexAdvice>& advice)
{
    QMutexLocker lock(&book().mutex);
    QList<IndexAdvice>& kept = book().byDatabase[database];
    for (const IndexAdvice& a : advice) {
        kept.removeIf([&a](const IndexAdvice& old) {
            return sameTable(old, a.schema, a.table) && old.columns == a.columns;
        });
        kept.append(a);
    }
}

QList<IndexAdvice> PlanAdviceBook::adviceFor(const QString& database, const QString& schema,
                                             const QString& table)
{
    QMutexLocker lock(&book().mutex);
    QList<IndexAdvice> found;
    for (const IndexAdvice& a : book().byDatabase.value(database))
        if (sameTable(a, schema, table))
            found.append(a);
    return found;
}

void PlanAdviceBook::forget(const QString& database)
{
    QMutexLocker lock(&book().mutex);
    if (database.isEmpty())
        book().byDatabase.clear();
    else
        book().byDatabase.remove(database);
}

} // namespace strata
