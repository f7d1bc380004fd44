#include "drift/SchemaText.h"

namespace strata {

QString SchemaText::keyPart(const IndexKeyPart& part)
{
    QString text = part.label();
    if (!part.collation.isEmpty())
        text += QStringLiteral(" COLLATE ") + part.collation;
    if (part.descending)
        text += QStringLiteral(" DESC");
    return text;
}

QString SchemaText::column(const ColumnInfo& column)
{
    QString text = column.type.isEmpty() ? QStringLiteral("(no type)") : column.type;
    if (column.notNull)
        text += QStringLiteral(" NOT NULL");
    if (column.hasDefault)
        text += QStringLiteral(" DEFAULT ") + column.defaultValue;
    if (!column.identity.isEmpty())
        text += QStringLiteral(" GENERATED %1 AS IDENTITY").arg(column.identity);
    if (!column.generated.isEmpty())
        text += QStringLiteral(" GENERATED ALWAYS AS (%1)").arg(column.generated);
    return text;
}

QString SchemaText::index(const IndexInfo& index)
{
    QStringList keys;
    QStringList included;
    for (const IndexKeyPart& p : index.parts)
        (p.included ? included : keys) << keyPart(p);
    QString text = QStringLiteral("%1%2 (%3)")
                       .arg(index.unique ? QStringLiteral("UNIQUE ") : QString(),
                            index.method.isEmpty() ? QStringLiteral("btree") : index.method,
                            keys.join(QStringLiteral(", ")));
    if (!included.isEmpty())
        text += QStringLiteral(" INCLUDE (%1)").arg(included.join(QStringLiteral(", ")));
    if (!index.predicate.isEmpty())
        text += QStringLiteral(" WHERE ") + index.predicate;
    return text;
}

QString SchemaText::foreignKey(const ForeignKeyInfo& key)
{
    QString text =
        QStringLiteral("(%1) REFERENCES %2%3")
            .arg(key.columns.join(QStringLiteral(", ")),
                 key.referencedSchema.isEmpty() ? QString() : key.referencedSchema + QLatin1Char('.'),
                 key.referencedTable);
    if (!key.referencedColumns.isEmpty())
        text += QStringLiteral(" (%1)").arg(key.referencedColumns.join(QStringLiteral(", ")));
    if (!key.onUpdate.isEmpty() && key.onUpdate != QLatin1String("NO ACTION"))
        text += QStringLiteral(" ON UPDATE ") + key.onUpdate;
    if (!key.onDelete.isEmpty() && key.onDelete != QLatin1String("NO ACTION"))
        text += QStringLiteral(" ON DELETE ") + key.onDelete;
    return text;
}

QString SchemaText::table(const TableInfo& table)
{
    QStringList columns;
    for (const ColumnInfo& c : table.columns)
        columns << c.name + QLatin1Char(' ') + column(c);
    return QStringLiteral("(%1)").arg(columns.join(QStringLiteral(", ")));
}

} // namespace strata
