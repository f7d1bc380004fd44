#include "schema/IndexAdviceText.h"

#include <QLocale>

#include "schema/SqlIdentifier.h"

namespace strata {

namespace {

QStringList keyLabels(const IndexInfo& index)
{
    QStringList labels;
    for (const IndexKeyPart& part : index.keyParts())
        labels << part.label();
    return labels;
}

QString keyText(const IndexInfo& index)
{
    return QStringLiteral("(%1)").arg(keyLabels(index).join(QStringLiteral(", ")));
}

/// " (12.5 MB)" when the engine knows the size, so the operator sees what dropping saves.
QString sizeOf(const IndexInfo& index)
{
    if (index.sizeBytes < 0)
        return {};
    return QStringLiteral(" (%1)").arg(
        QLocale::c().formattedDataSize(index.sizeBytes, 1, QLocale::DataSizeTraditionalFormat));
}

bool enforces(const IndexInfo& index)
{
    return index.unique || index.primaryKey || index.constraint;
}

IndexAdvice adviceOn(IndexAdvice::Kind kind, const TableInfo& table, const IndexInfo& index)
{
    IndexAdvice advice;
    advice.kind = kind;
    advice.schema = table.schema;
    advice.table = table.name;
    advice.index = index.name;
    advice.columns = keyLabels(index);
    return advice;
}

} // namespace

QString IndexAdviceText::quoted(const QString& name) const
{
    return SqlIdentifier::quote(name, m_dialect);
}

QString IndexAdviceText::qualified(const QString& schema, const QString& name) const
{
    return SqlIdentifier::qualified(schema, name, m_dialect);
}

/// PostgreSQL drops without blocking writes (CONCURRENTLY); a constraint's index goes with its constraint.
QString IndexAdviceText::dropSql(const TableInfo& table, const IndexInfo& index) const
{
    if (index.constraint || index.primaryKey) {
        if (m_dialect == Dialect::Sqlite)
            return {}; // SQLite cannot drop a constraint: only rebuilding the table removes it
        return QStringLiteral("ALTER TABLE %1 DROP CONSTRAINT %2;")
            .arg(qualified(table.schema, table.name), quoted(index.name));
    }
    if (m_dialect == Dialect::Postgres)
        return QStringLiteral("DROP INDEX CONCURRENTLY %1;").arg(qualified(index.schema, index.name));
    return QStringLiteral("DROP INDEX %1;").arg(qualified(index.schema, index.name));
}

void IndexAdviceText::throughMigrationStep(IndexAdvice& advice) const
{
    if (!m_owned.owns(advice.index))
        return;
    advice.ownerStep = m_owned.step(advice.index);
    advice.message +=
        QStringLiteral(
            " The migration set creates %1 in step %2: dropping it by hand would leave the database "
            "out of step with the set, which the Drift page then flags. Write a new migration step "
            "that drops it, review it, and apply it with strata-cli migrate.")
            .arg(advice.index, advice.ownerStep);
}

IndexAdvice IndexAdviceText::invalid(const TableInfo& table, const IndexInfo& index) const
{
    IndexAdvice advice = adviceOn(IndexAdvice::Kind::Invalid, table, index);
    advice.message =
        QStringLiteral(
            "Index %1 on %2 is INVALID: a CREATE INDEX CONCURRENTLY or REINDEX CONCURRENTLY failed "
            "part-way. Queries never use it, yet every insert and update still maintains it%3. ")
            .arg(index.name, table.qualifiedName(), sizeOf(index));
    const QString name = qualified(index.schema, index.name);
    if (index.unique) {
        advice.message +=
            QStringLiteral("A unique index usually fails on duplicate values: drop it, remove the "
                           "duplicates, then create it again.");
        advice.sql = QStringLiteral("DROP INDEX CONCURRENTLY %1;").arg(name);
    } else {
        advice.message += QStringLiteral("Rebuild it, or drop it if it is no longer wanted.");
        advice.sql = QStringLiteral("REINDEX INDEX CONCURRENTLY %1;").arg(name);
    }
    return advice;
}

IndexAdvice IndexAdviceText::duplicate(const TableInfo& table, const IndexInfo& index,
                                       const IndexInfo& kept) const
{
    IndexAdvice advice = adviceOn(IndexAdvice::Kind::Duplicate, table, index);
    advice.otherIndex = kept.name;
    advice.sql = dropSql(table, index);
    advice.message =
        QStringLiteral("Index %1 on %2 duplicates %3: same key %4, INCLUDE columns, predicate and "
                       "method. Every write maintains both%5; queries need only one. ")
            .arg(index.name, table.qualifiedName(), kept.name, keyText(index), sizeOf(index));
    const QString keep = enforces(kept) && !enforces(index)
                             ? QStringLiteral("Keep %1, which enforces uniqueness, and drop %2.")
                             : QStringLiteral("Keep %1 and drop %2.");
    advice.message += keep.arg(kept.name, index.name);
    if (advice.sql.isEmpty())
        advice.message +=
            QStringLiteral(" %1 belongs to a constraint, which SQLite removes only by rebuilding "
                           "the table without it.")
                .arg(index.name);
    throughMigrationStep(advice);
    return advice;
}

IndexAdvice IndexAdviceText::prefix(const TableInfo& table, const IndexInfo& index,
                                    const IndexInfo& longer) const
{
    IndexAdvice advice = adviceOn(IndexAdvice::Kind::Prefix, table, index);
    advice.otherIndex = longer.name;
    advice.sql = dropSql(table, index);
    advice.message =
        QStringLiteral(
            "Index %1 %2 on %3 is a leading prefix of %4 %5: every query that can use %1 can use %4. "
            "%1 enforces nothing, so dropping it saves its writes%6 and loses no constraint.")
            .arg(index.name, keyText(index), table.qualifiedName(), longer.name, keyText(longer),
                 sizeOf(index));
    throughMigrationStep(advice);
    return advice;
}

IndexAdvice IndexAdviceText::unused(const TableInfo& table, const IndexInfo& index,
                                    const UsageStatistics& usage) const
{
    IndexAdvice advice = adviceOn(IndexAdvice::Kind::Unused, table, index);
    advice.message =
        QStringLiteral(
            "Index %1 %2 on %3 has not been scanned in the %4 since %5, yet every write maintains it%6. It "
            "enforces nothing. The count is this server's only: drop it once the standbys and rare jobs "
            "(month-end reports) show no use either.")
            .arg(index.name, keyText(index), table.qualifiedName(),
                 UsageStatistics::span(usage.coveredSeconds()),
                 usage.since().toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")), sizeOf(index));
    advice.sql = dropSql(table, index);
    throughMigrationStep(advice);
    return advice;
}

IndexAdvice IndexAdviceText::unindexedForeignKey(const TableInfo& table, const ForeignKeyInfo& fk,
                                                 QSet<QString>& takenNames) const
{
    IndexAdvice advice;
    advice.kind = IndexAdvice::Kind::UnindexedForeignKey;
    advice.schema = table.schema;
    advice.table = table.name;
    advice.columns = fk.columns;
    const QString parent =
        (fk.referencedSchema.isEmpty() ? QString() : fk.referencedSchema + QLatin1Char('.')) +
        fk.referencedTable;
    advice.message =
        QStringLiteral(
            "Foreign key %1(%2) of %3 references %4, and no index of %3 starts with its columns: every "
            "DELETE on %4, and every change of its key, scans %3 in full while holding its locks, and "
            "so do joins from %4 to %3. Index the columns.")
            .arg(fk.name.isEmpty() ? QString() : fk.name + QLatin1Char(' '),
                 fk.columns.join(QStringLiteral(", ")), table.qualifiedName(), parent);
    // "<table>_<columns>_idx", within PostgreSQL's 63 bytes and clear of names already taken.
    const QString base = (table.name + QLatin1Char('_') + fk.columns.join(QLatin1Char('_'))).left(56);
    QString name = base + QStringLiteral("_idx");
    for (int n = 1; takenNames.contains(name); ++n)
        name = base + QStringLiteral("_idx%1").arg(n);
    takenNames.insert(name);
    QStringList columns;
    for (const QString& column : fk.columns)
        columns << quoted(column);
    advice.sql =
        QStringLiteral("CREATE INDEX %1%2 ON %3 (%4);")
            .arg(m_dialect == Dialect::Postgres ? QStringLiteral("CONCURRENTLY ") : QString(), quoted(name),
                 qualified(table.schema, table.name), columns.join(QStringLiteral(", ")));
    return advice;
}

} // namespace strata
