#include "IndexesCommand.h"

#include <QLocale>

#include "schema/IndexAdvisor.h"
#include "schema/SchemaReader.h"

namespace strata::cli {

namespace {

QJsonValue orNull(const QString& text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

QJsonValue orNull(qint64 number)
{
    return number < 0 ? QJsonValue() : QJsonValue(number);
}

QJsonObject indexJson(const IndexInfo& index)
{
    QJsonArray parts;
    int position = 0;
    for (const IndexKeyPart& part : index.parts) {
        parts.append(QJsonObject{
            {QStringLiteral("position"), part.included ? QJsonValue() : QJsonValue(++position)},
            {QStringLiteral("column"), orNull(part.column)},
            {QStringLiteral("expression"), orNull(part.expression)},
            {QStringLiteral("direction"),
             part.included ? QJsonValue()
                           : QJsonValue(part.descending ? QStringLiteral("DESC") : QStringLiteral("ASC"))},
            {QStringLiteral("included"), part.included},
            {QStringLiteral("collation"), orNull(part.collation)},
        });
    }
    return {
        {QStringLiteral("name"), index.name},
        {QStringLiteral("parts"), parts},
        {QStringLiteral("unique"), index.unique},
        {QStringLiteral("primary_key"), index.primaryKey},
        {QStringLiteral("constraint"), index.constraint},
        {QStringLiteral("valid"), index.valid},
        {QStringLiteral("predicate"), orNull(index.predicate)},
        {QStringLiteral("method"), index.method.isEmpty() ? QStringLiteral("btree") : index.method},
        {QStringLiteral("size_bytes"), orNull(index.sizeBytes)},
        {QStringLiteral("size_estimated"), index.sizeEstimated},
        {QStringLiteral("scans"), orNull(index.scans)},
        {QStringLiteral("definition"), orNull(index.definition)},
    };
}

QJsonObject adviceJson(const IndexAdvice& advice)
{
    return {
        {QStringLiteral("kind"), advice.kindName()},
        {QStringLiteral("schema"), advice.schema},
        {QStringLiteral("table"), advice.table},
        {QStringLiteral("index"), orNull(advice.index)},
        {QStringLiteral("other_index"), orNull(advice.otherIndex)},
        {QStringLiteral("columns"), QJsonArray::fromStringList(advice.columns)},
        {QStringLiteral("message"), advice.message},
        {QStringLiteral("sql"), orNull(advice.sql)},
        {QStringLiteral("created_by_step"), orNull(advice.ownerStep)},
    };
}

/// "1 account_id ASC, 2 lower(name) DESC, INCLUDE qty"
QString partsText(const IndexInfo& index)
{
    QStringList parts;
    int position = 0;
    for (const IndexKeyPart& part : index.parts) {
        if (part.included) {
            parts << QStringLiteral("INCLUDE ") + part.label();
            continue;
        }
        QString text =
            QStringLiteral("%1 %2 %3")
                .arg(++position)
                .arg(part.label(), part.descending ? QStringLiteral("DESC") : QStringLiteral("ASC"));
        if (!part.collation.isEmpty())
            text += QStringLiteral(" COLLATE ") + part.collation;
        parts << text;
    }
    return parts.join(QStringLiteral(", "));
}

QString indexText(const IndexInfo& index)
{
    QStringList badges;
    if (index.primaryKey)
        badges << QStringLiteral("PRIMARY KEY");
    else if (index.unique)
        badges << (index.constraint ? QStringLiteral("UNIQUE constraint") : QStringLiteral("UNIQUE"));
    if (!index.predicate.isEmpty())
        badges << QStringLiteral("PARTIAL");
    if (!index.valid)
        badges << QStringLiteral("INVALID");
    badges << (index.method.isEmpty() ? QStringLiteral("btree") : index.method);
    const QString bytes =
        QLocale::c().formattedDataSize(index.sizeBytes, 1, QLocale::DataSizeTraditionalFormat);
    badges << (index.sizeBytes < 0   ? QStringLiteral("size unknown")
               : index.sizeEstimated ? QStringLiteral("~%1 (estimate)").arg(bytes)
                                     : bytes);
    badges << (index.scans < 0 ? QStringLiteral("scans not tracked")
                               : QStringLiteral("%1 scans").arg(index.scans));
    QString text = QStringLiteral("  %1  [%2]\n      %3\n")
                       .arg(index.name, badges.join(QStringLiteral(", ")), partsText(index));
    if (!index.predicate.isEmpty())
        text += QStringLiteral("      WHERE %1\n").arg(index.predicate);
    return text;
}

} // namespace

int IndexesCommand::run(const CliContext& context)
{
    const QString command = QStringLiteral("indexes");
    auto db = context.openDatabase(DatabaseOpener::Mode::Inspect);
    if (!db)
        return context.out().fail(db.error(), command);
    SchemaReader reader(**db);
    auto snapshot = reader.read();
    if (!snapshot) {
        Error error = snapshot.error();
        if (error.unchanged.isEmpty())
            error.unchanged = QStringLiteral("Nothing was changed: reading the catalog only reads.");
        return context.out().fail(error, command);
    }

    // What the advice needs beyond the catalog: since when the usage statistics count, and which indexes
    // the migration set creates (when one is given: --migrations or the config).
    IndexAdviceContext adviceContext;
    auto usage = reader.usageStatistics();
    if (!usage)
        return context.out().fail(usage.error(), command);
    adviceContext.usage = *usage;
    const bool knowsTheSet = !context.options().migrations.isEmpty() ||
                             (context.config() && !context.config()->migrations.isEmpty());
    if (knowsTheSet) {
        auto set = context.loadSet();
        if (!set)
            return context.out().fail(set.error(), command);
        adviceContext.owned = SetOwnedIndexes::read(*set, snapshot->dialect);
    }

    QList<const TableInfo*> tables;
    const QString wanted = context.options().table;
    if (!wanted.isEmpty()) {
        const TableInfo* table = snapshot->table(wanted);
        if (!table)
            return context.out().fail(
                Error::badInput(QStringLiteral("No table named \"%1\" in %2.").arg(wanted, (*db)->display()),
                                QStringLiteral("Run `strata-cli indexes` without --table to see every table "
                                               "with its indexes, then pass one of them (\"schema.table\" or "
                                               "its bare name).")),
                command);
        tables << table;
    } else {
        for (const TableInfo& table : snapshot->tables)
            tables << &table;
    }
    // The sizes shown are measured, table by table, as the app measures the table it shows: never the
    // catalog's page counts, which say 8 kB for an index until VACUUM or ANALYZE has run.
    for (TableInfo& table : snapshot->tables) {
        if (!tables.contains(&table))
            continue;
        auto size = reader.tableSize(table.schema, table.name);
        if (size)
            SchemaReader::applyMeasuredSizes(table, *size);
    }

    QString text = QStringLiteral("Indexes of %1\n").arg((*db)->display());
    QJsonArray tablesJson;
    QList<IndexAdvice> advice;
    for (const TableInfo* table : tables) {
        text +=
            QStringLiteral("\n%1 (%2)\n")
                .arg(table->qualifiedName(), table->indexes.size() == 1
                                                 ? QStringLiteral("1 index")
                                                 : QStringLiteral("%1 indexes").arg(table->indexes.size()));
        QJsonArray indexes;
        for (const IndexInfo& index : table->indexes) {
            text += indexText(index);
            indexes.append(indexJson(index));
        }
        tablesJson.append(QJsonObject{{QStringLiteral("schema"), table->schema},
                                      {QStringLiteral("table"), table->name},
                                      {QStringLiteral("indexes"), indexes}});
        advice += IndexAdvisor::advise(*table, snapshot->dialect, adviceContext);
    }
    if (wanted.isEmpty()) // names of suggested indexes clear of every table's
        advice = IndexAdvisor::advise(*snapshot, adviceContext);
    if (!knowsTheSet)
        text += QStringLiteral(
            "\nNo migration set given (--migrations): the advice cannot tell the indexes the set "
            "creates, which are dropped by a new migration step, never by hand.\n");
    if (adviceContext.usage)
        text += QStringLiteral("\n%1\n").arg(adviceContext.usage->describe());
    else if (snapshot->dialect == Dialect::Sqlite)
        text += QStringLiteral("\nSQLite keeps no usage statistics: no index is ever called unused here.\n");

    text += advice.isEmpty()
                ? QStringLiteral("\nNo advice: no duplicate, redundant, unused or invalid index, and "
                                 "every foreign key has an index.\n")
                : QStringLiteral("\nAdvice (%1):\n").arg(advice.size());
    QJsonArray adviceArray;
    for (const IndexAdvice& a : advice) {
        text += QStringLiteral("  %1 %2.%3: %4\n").arg(a.kindName(), a.schema, a.table, a.message);
        if (!a.sql.isEmpty())
            text += a.ownerStep.isEmpty()
                        ? QStringLiteral("      %1\n").arg(a.sql)
                        : QStringLiteral("      a new migration step would run: %1\n").arg(a.sql);
        adviceArray.append(adviceJson(a));
    }
    context.out().report(text);
    context.out().document(QJsonObject{{QStringLiteral("command"), command},
                                       {QStringLiteral("ok"), true},
                                       {QStringLiteral("database"), (*db)->display()},
                                       {QStringLiteral("tables"), tablesJson},
                                       {QStringLiteral("advice"), adviceArray}});
    return 0;
}

} // namespace strata::cli
