#include "schema/PostgresTableDdl.h"

#include <QStringList>

#include "schema/SqlIdentifier.h"

namespace strata {

QString PostgresTableDdl::write(const TableInfo& table, bool unlogged, const QString& partitionKey)
{
    QStringList lines;
    for (const ColumnInfo& column : table.columns) {
        QString line = SqlIdentifier::quote(column.name, Dialect::Postgres) + QLatin1Char(' ') + column.type;
        if (!column.generated.isEmpty())
            line += QStringLiteral(" GENERATED ALWAYS AS (%1) STORED").arg(column.generated);
        if (!column.identity.isEmpty())
            line += QStringLiteral(" GENERATED %1 AS IDENTITY").arg(column.identity);
        if (column.hasDefault)
            line += QStringLiteral(" DEFAULT ") + column.defaultValue;
        if (column.notNull)
            line += QStringLiteral(" NOT NULL");
        lines << line;
    }
    for (const ConstraintInfo& constraint : table.constraints)
        lines << QStringLiteral("CONSTRAINT %1 %2")
                     .arg(SqlIdentifier::quote(constraint.name, Dialect::Postgres), constraint.definition);
    QString ddl = QStringLiteral("CREATE %1TABLE %2 (\n    %3\n)")
                      .arg(unlogged ? QStringLiteral("UNLOGGED ") : QString(),
                           SqlIdentifier::qualified(table.schema, table.name, Dialect::Postgres),
                           lines.join(QLatin1String(",\n    ")));
    if (!partitionKey.isEmpty())
        ddl += QStringLiteral(" PARTITION BY ") + partitionKey;
    return ddl + QLatin1Char(';');
}

} // namespace strata
