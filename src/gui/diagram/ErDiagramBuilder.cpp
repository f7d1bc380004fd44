#include "diagram/ErDiagramBuilder.h"

#include <QFontMetricsF>
#include <QSet>

#include "diagram/DiagramStyle.h"

namespace strata {

namespace {

ErTable tableOf(const TableInfo& info, const QFontMetricsF& header, const QFontMetricsF& column)
{
    ErTable table{info.schema, info.name, {}, 0, 0};
    QSet<QString> referencing;
    for (const ForeignKeyInfo& fk : info.foreignKeys)
        for (const QString& c : fk.columns)
            referencing.insert(c);
    double nameWidth = 0;
    double typeWidth = 0;
    for (const ColumnInfo& c : info.columns) {
        table.columns.append(
            {c.name, c.type, c.primaryKeyPosition > 0, referencing.contains(c.name), c.notNull});
        nameWidth = std::max(nameWidth, column.horizontalAdvance(c.name));
        typeWidth = std::max(typeWidth, column.horizontalAdvance(c.type));
    }
    const double rows = DiagramStyle::markWidth + nameWidth + DiagramStyle::typeGap + typeWidth;
    const double title = header.horizontalAdvance(info.name) + 2 * DiagramStyle::padding;
    table.width = std::ceil(std::max({DiagramStyle::minimumWidth, rows + DiagramStyle::padding, title}));
    table.height = DiagramStyle::rowHeight * (1 + std::max<qsizetype>(1, info.columns.size()));
    return table;
}

/// The parent's columns a foreign key points at: as declared, or the parent's primary key (SQLite allows
/// `REFERENCES parent` alone).
QStringList referencedColumns(const ForeignKeyInfo& fk, const TableInfo& parent)
{
    return fk.referencedColumns.isEmpty() ? parent.primaryKey() : fk.referencedColumns;
}

} // namespace

ErDiagram ErDiagramBuilder::build(const SchemaSnapshot& snapshot)
{
    ErDiagram diagram;
    const QFontMetricsF header(DiagramStyle::headerFont());
    const QFontMetricsF column(DiagramStyle::columnFont());
    const QFontMetricsF label(DiagramStyle::labelFont());
    QSet<QString> schemas;
    for (const TableInfo& info : snapshot.tables)
        schemas.insert(info.schema);
    // Tables grouped by schema only where there is more than one to tell apart (PostgreSQL).
    const bool clustered = schemas.size() > 1;

    LayoutGraph& graph = diagram.graph;
    graph.settings.rankdir = QStringLiteral("LR");
    graph.settings.nodesep = 24;
    graph.settings.ranksep = 72;
    graph.clusterLabelSize = QSizeF(0, DiagramStyle::rowHeight + 4);
    for (const TableInfo& info : snapshot.tables) {
        ErTable table = tableOf(info, header, column);
        LayoutNode node;
        node.id = table.id();
        node.width = table.width;
        node.height = table.height;
        node.ports.append(QString()); // the name's row
        for (const ErColumn& c : table.columns)
            node.ports.append(c.name);
        if (table.columns.isEmpty())
            node.ports.append(QStringLiteral(" ")); // the "(no columns)" row
        if (clustered) {
            node.cluster = info.schema;
            const QFontMetricsF clusterMetrics(DiagramStyle::clusterFont());
            graph.clusterLabelSize.setWidth(
                std::max(graph.clusterLabelSize.width(), clusterMetrics.horizontalAdvance(info.schema) + 12));
        }
        graph.nodes.append(node);
        diagram.tables.append(table);
    }

    for (const TableInfo& info : snapshot.tables) {
        for (const ForeignKeyInfo& fk : info.foreignKeys) {
            const TableInfo* parent = snapshot.table(
                fk.referencedSchema.isEmpty() ? info.schema : fk.referencedSchema, fk.referencedTable);
            if (!parent) {
                diagram.unresolved.append(
                    QStringLiteral("%1 → %2.%3")
                        .arg(info.qualifiedName(), fk.referencedSchema, fk.referencedTable));
                continue;
            }
            ErRelation relation{fk.name,    parent->qualifiedName(),        info.qualifiedName(),
                                fk.columns, referencedColumns(fk, *parent), {}};
            relation.label = relation.columns.join(QStringLiteral(", ")) + QStringLiteral(" → ") +
                             (relation.referencedColumns.isEmpty()
                                  ? QStringLiteral("rowid")
                                  : relation.referencedColumns.join(QStringLiteral(", ")));
            LayoutEdge edge;
            edge.from = relation.parent;
            edge.to = relation.child;
            if (!relation.referencedColumns.isEmpty() && parent->column(relation.referencedColumns.first()))
                edge.fromPort = relation.referencedColumns.first();
            if (!relation.columns.isEmpty() && info.column(relation.columns.first()))
                edge.toPort = relation.columns.first();
            edge.arrowAtFrom = true; // the arrow points at the referenced key
            edge.arrowAtTo = false;
            edge.labelSize =
                QSizeF(std::ceil(label.horizontalAdvance(relation.label)) + 2 * DiagramStyle::labelPadding,
                       std::ceil(label.height()) + DiagramStyle::labelPadding);
            graph.edges.append(edge);
            diagram.relations.append(relation);
        }
    }
    return diagram;
}

} // namespace strata
