#include "schema/SchemaTree.h"

#include <QHash>
#include <QHeaderView>
#include <QPainter>

#include "schema/TablePage.h"

namespace strata {

namespace {

using Node = SchemaTree::Node;

/// A small coloured badge with a letter, so that tables, views and indexes are told apart at a glance.
QIcon badge(const QString& letters, const QColor& colour)
{
    // Kept for the life of the process (never destroyed after the application object).
    static auto* cache = new QHash<QString, QIcon>;
    const QString key = letters + colour.name();
    if (auto found = cache->constFind(key); found != cache->constEnd())
        return *found;
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(colour);
    painter.drawRoundedRect(QRectF(2, 2, 28, 28), 6, 6);
    QFont font = painter.font();
    font.setBold(true);
    font.setPixelSize(letters.size() > 1 ? 14 : 18);
    painter.setFont(font);
    painter.setPen(Qt::white);
    painter.drawText(QRectF(0, 0, 32, 32), Qt::AlignCenter, letters);
    painter.end();
    return *cache->insert(key, QIcon(pixmap));
}

QIcon iconOf(Node node)
{
    switch (node) {
    case Node::Schema:
        return badge(QStringLiteral("S"), QColor(0x55, 0x5f, 0x6d));
    case Node::Group:
        return {};
    case Node::Table:
        return badge(QStringLiteral("T"), QColor(0x2f, 0x6f, 0xb3));
    case Node::Column:
        return badge(QStringLiteral("c"), QColor(0x8a, 0x94, 0xa0));
    case Node::Index:
        return badge(QStringLiteral("I"), QColor(0xc0, 0x7a, 0x1a));
    case Node::View:
        return badge(QStringLiteral("V"), QColor(0x3a, 0x8f, 0x5c));
    case Node::Trigger:
        return badge(QStringLiteral("Tr"), QColor(0x8e, 0x4d, 0xa8));
    case Node::Sequence:
        return badge(QStringLiteral("#"), QColor(0x4d, 0x7d, 0x8a));
    case Node::EnumType:
        return badge(QStringLiteral("E"), QColor(0x1f, 0x8a, 0x8a));
    }
    return {};
}

QString keyList(const IndexInfo& index)
{
    QStringList parts;
    for (const IndexKeyPart& part : index.keyParts())
        parts << part.label() + (part.descending ? QStringLiteral(" DESC") : QString());
    return QStringLiteral("(%1)").arg(parts.join(QStringLiteral(", ")));
}

QString indexDetails(const IndexInfo& index, bool withTable)
{
    QStringList words;
    if (index.primaryKey)
        words << QStringLiteral("primary key");
    else if (index.unique)
        words << QStringLiteral("unique");
    if (!index.valid)
        words << QStringLiteral("INVALID");
    if (!index.predicate.isEmpty())
        words << QStringLiteral("partial");
    words << (withTable ? QStringLiteral("on %1 %2").arg(index.table, keyList(index)) : keyList(index));
    return words.join(QStringLiteral(" · "));
}

QTreeWidgetItem* makeItem(QTreeWidgetItem* parent, Node node, const QString& schema, const QString& name,
                          const QString& details)
{
    auto* item = new QTreeWidgetItem(parent, {name, details});
    item->setIcon(SchemaTree::Name, iconOf(node));
    item->setData(SchemaTree::Name, SchemaTree::ItemKindRole, static_cast<int>(node));
    item->setData(SchemaTree::Name, SchemaTree::SchemaRole, schema);
    item->setData(SchemaTree::Name, SchemaTree::ObjectRole, name);
    item->setToolTip(SchemaTree::Name, schema + QLatin1Char('.') + name);
    return item;
}

Node nodeOf(const QTreeWidgetItem* item)
{
    return static_cast<Node>(item->data(SchemaTree::Name, SchemaTree::ItemKindRole).toInt());
}

} // namespace

SchemaTree::SchemaTree(QWidget* parent) : QTreeWidget(parent)
{
    setHeaderLabels({tr("Name"), tr("Details")});
    setUniformRowHeights(true);
    setIconSize(QSize(16, 16));
    setAlternatingRowColors(true);
    header()->setStretchLastSection(true);
    header()->resizeSection(Name, 240);
    connect(this, &QTreeWidget::itemExpanded, this, &SchemaTree::fillTable);
    connect(this, &QTreeWidget::currentItemChanged, this, &SchemaTree::onCurrentChanged);
}

bool SchemaTree::isStrataHistory(const QString& table)
{
    return table == QLatin1String("schema_version") || table.startsWith(QLatin1String("schema_version_"));
}

void SchemaTree::clearSchema()
{
    clear();
    m_snapshot.reset();
}

void SchemaTree::showSnapshot(std::shared_ptr<const SchemaSnapshot> snapshot)
{
    setUpdatesEnabled(false);
    clear();
    m_snapshot = std::move(snapshot);
    const SchemaSnapshot& s = *m_snapshot;
    const bool postgres = s.dialect == Dialect::Postgres;
    for (const QString& schema : s.schemas) {
        QTreeWidgetItem* top = makeItem(nullptr, Node::Schema, schema, schema, QString());
        addTopLevelItem(top);
        QList<const TableInfo*> tables;
        QList<const TableInfo*> history;
        int indexCount = 0;
        for (const TableInfo& t : s.tables) {
            if (t.schema != schema)
                continue;
            (isStrataHistory(t.name) ? history : tables).append(&t);
            if (!isStrataHistory(t.name))
                indexCount += int(t.indexes.size());
        }
        QTreeWidgetItem* group = addGroup(top, tr("Tables"), int(tables.size()));
        for (const TableInfo* t : tables)
            addTable(group, *t);
        const auto objects = [&](SchemaObject::Kind kind) {
            QList<const SchemaObject*> found;
            for (const SchemaObject& o : s.objects)
                if (o.kind == kind && o.schema == schema)
                    found.append(&o);
            return found;
        };
        const auto views = objects(SchemaObject::Kind::View);
        group = addGroup(top, tr("Views"), int(views.size()));
        for (const SchemaObject* v : views)
            makeItem(group, Node::View, schema, v->name, QString());
        group = addGroup(top, tr("Indexes"), indexCount);
        for (const TableInfo* t : tables)
            for (const IndexInfo& index : t->indexes)
                makeItem(group, Node::Index, schema, index.name, indexDetails(index, true))
                    ->setData(Name, ChildRole, t->name);
        const auto triggers = objects(SchemaObject::Kind::Trigger);
        group = addGroup(top, tr("Triggers"), int(triggers.size()));
        for (const SchemaObject* t : triggers)
            makeItem(group, Node::Trigger, schema, t->name, tr("on %1").arg(t->table));
        if (postgres) {
            const auto sequences = objects(SchemaObject::Kind::Sequence);
            group = addGroup(top, tr("Sequences"), int(sequences.size()));
            for (const SchemaObject* q : sequences)
                makeItem(group, Node::Sequence, schema, q->name, QString());
            const auto enums = objects(SchemaObject::Kind::EnumType);
            group = addGroup(top, tr("Enum types"), int(enums.size()));
            for (const SchemaObject* e : enums)
                makeItem(group, Node::EnumType, schema, e->name, e->definition);
        }
        if (!history.isEmpty()) {
            group = addGroup(top, tr("Strata history"), int(history.size()));
            group->setToolTip(Name, tr("The migration history Strata keeps in this database"));
            for (const TableInfo* t : history)
                addTable(group, *t)->setForeground(Name, palette().color(QPalette::PlaceholderText));
        }
        top->setExpanded(true);
        if (QTreeWidgetItem* tablesGroup = groupItem(schema, tr("Tables")))
            tablesGroup->setExpanded(true);
    }
    setUpdatesEnabled(true);
    if (!m_filter.isEmpty())
        setFilter(m_filter);
}

QTreeWidgetItem* SchemaTree::addGroup(QTreeWidgetItem* schema, const QString& label, int count)
{
    auto* group = new QTreeWidgetItem(schema);
    group->setData(Name, ItemKindRole, static_cast<int>(Node::Group));
    group->setData(Name, SchemaRole, schema->data(Name, SchemaRole));
    group->setData(Name, GroupRole, label);
    group->setData(Details, Qt::UserRole, count);
    QFont bold = font();
    bold.setBold(true);
    group->setFont(Name, bold);
    group->setFlags(Qt::ItemIsEnabled);
    updateGroupLabel(group, count);
    return group;
}

void SchemaTree::updateGroupLabel(QTreeWidgetItem* group, int shown)
{
    const int total = group->data(Details, Qt::UserRole).toInt();
    const QString label = group->data(Name, GroupRole).toString();
    group->setText(Name, shown == total ? QStringLiteral("%1 (%2)").arg(label).arg(total)
                                        : QStringLiteral("%1 (%2 of %3)").arg(label).arg(shown).arg(total));
}

QTreeWidgetItem* SchemaTree::addTable(QTreeWidgetItem* group, const TableInfo& table)
{
    QString details = table.estimatedRows >= 0 ? TablePage::approximateRows(table.estimatedRows) : QString();
    QTreeWidgetItem* item = makeItem(group, Node::Table, table.schema, table.name, details);
    item->setChildIndicatorPolicy(QTreeWidgetItem::ShowIndicator);
    return item;
}

void SchemaTree::fillTable(QTreeWidgetItem* item)
{
    if (!m_snapshot || nodeOf(item) != Node::Table || item->childCount() > 0)
        return;
    const TableInfo* table =
        m_snapshot->table(item->data(Name, SchemaRole).toString(), item->data(Name, ObjectRole).toString());
    if (!table)
        return;
    for (const ColumnInfo& c : table->columns) {
        QStringList words{c.type.isEmpty() ? tr("(no type)") : c.type};
        if (c.primaryKeyPosition > 0)
            words << tr("PK");
        else if (c.notNull)
            words << tr("not null");
        QTreeWidgetItem* column =
            makeItem(item, Node::Column, table->schema, table->name, words.join(QStringLiteral(" · ")));
        column->setText(Name, c.name);
        column->setData(Name, ChildRole, c.name);
        if (c.primaryKeyPosition > 0)
            column->setIcon(Name, badge(QStringLiteral("K"), QColor(0xb8, 0x93, 0x1a)));
    }
    for (const IndexInfo& index : table->indexes) {
        QTreeWidgetItem* row =
            makeItem(item, Node::Index, table->schema, table->name, indexDetails(index, false));
        row->setText(Name, index.name);
        row->setData(Name, ChildRole, index.name);
    }
    item->setChildIndicatorPolicy(QTreeWidgetItem::DontShowIndicatorWhenChildless);
}

void SchemaTree::setFilter(const QString& text)
{
    m_filter = text.trimmed();
    for (int s = 0; s < topLevelItemCount(); ++s) {
        QTreeWidgetItem* schema = topLevelItem(s);
        for (int g = 0; g < schema->childCount(); ++g) {
            QTreeWidgetItem* group = schema->child(g);
            int shown = 0;
            for (int i = 0; i < group->childCount(); ++i) {
                QTreeWidgetItem* item = group->child(i);
                const bool match =
                    m_filter.isEmpty() || item->text(Name).contains(m_filter, Qt::CaseInsensitive);
                item->setHidden(!match);
                shown += match ? 1 : 0;
            }
            updateGroupLabel(group, shown);
            if (!m_filter.isEmpty())
                group->setExpanded(shown > 0);
        }
    }
}

QTreeWidgetItem* SchemaTree::groupItem(const QString& schema, const QString& label) const
{
    for (int s = 0; s < topLevelItemCount(); ++s) {
        QTreeWidgetItem* top = topLevelItem(s);
        if (top->data(Name, SchemaRole).toString() != schema)
            continue;
        for (int g = 0; g < top->childCount(); ++g)
            if (top->child(g)->data(Name, GroupRole).toString() == label)
                return top->child(g);
    }
    return nullptr;
}

int SchemaTree::groupCount(const QString& schema, const QString& label) const
{
    QTreeWidgetItem* group = groupItem(schema, label);
    return group ? group->data(Details, Qt::UserRole).toInt() : -1;
}

QTreeWidgetItem* SchemaTree::tableItem(const QString& schema, const QString& table) const
{
    QTreeWidgetItem* group = groupItem(schema, isStrataHistory(table) ? tr("Strata history") : tr("Tables"));
    for (int i = 0; group && i < group->childCount(); ++i)
        if (group->child(i)->data(Name, ObjectRole).toString() == table)
            return group->child(i);
    return nullptr;
}

void SchemaTree::selectTable(const QString& schema, const QString& table)
{
    if (QTreeWidgetItem* item = tableItem(schema, table)) {
        item->setHidden(false);
        setCurrentItem(item);
        scrollToItem(item);
    }
}

void SchemaTree::onCurrentChanged(QTreeWidgetItem* item)
{
    if (!item)
        return;
    const QString schema = item->data(Name, SchemaRole).toString();
    const QString object = item->data(Name, ObjectRole).toString();
    const Node node = nodeOf(item);
    switch (node) {
    case Node::Schema:
    case Node::Group:
        return;
    case Node::Table:
        Q_EMIT tableActivated(schema, object);
        return;
    case Node::Column:
        Q_EMIT tablePartActivated(schema, object, node, item->data(Name, ChildRole).toString());
        return;
    case Node::Index:
        // In the Indexes group the row names the index and ChildRole its table; under a table, the reverse.
        if (nodeOf(item->parent()) == Node::Group)
            Q_EMIT tablePartActivated(schema, item->data(Name, ChildRole).toString(), node, object);
        else
            Q_EMIT tablePartActivated(schema, object, node, item->data(Name, ChildRole).toString());
        return;
    case Node::View:
    case Node::Trigger:
    case Node::Sequence:
    case Node::EnumType:
        Q_EMIT objectActivated(schema, object, node);
        return;
    }
}

} // namespace strata
