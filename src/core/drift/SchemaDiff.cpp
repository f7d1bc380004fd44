#include "drift/SchemaDiff.h"

#include <algorithm>

#include <QMap>

#include "drift/DefinitionText.h"
#include "drift/SchemaText.h"
#include "drift/TableDiff.h"

namespace strata {

namespace {

DriftItem::Object objectOf(SchemaObject::Kind kind)
{
    switch (kind) {
    case SchemaObject::Kind::View:
        return DriftItem::Object::View;
    case SchemaObject::Kind::Trigger:
        return DriftItem::Object::Trigger;
    case SchemaObject::Kind::Sequence:
        return DriftItem::Object::Sequence;
    case SchemaObject::Kind::EnumType:
        return DriftItem::Object::Enum;
    }
    return DriftItem::Object::View;
}

QString objectWord(SchemaObject::Kind kind)
{
    switch (kind) {
    case SchemaObject::Kind::View:
        return QStringLiteral("View");
    case SchemaObject::Kind::Trigger:
        return QStringLiteral("Trigger");
    case SchemaObject::Kind::Sequence:
        return QStringLiteral("Sequence");
    case SchemaObject::Kind::EnumType:
        return QStringLiteral("Enum type");
    }
    return {};
}

/// Objects of Strata's own (history tables, their triggers and sequences) are left out of the comparison.
bool isStrataOwn(const SchemaObject& o)
{
    return SchemaDiff::isHistoryTable(o.table) || SchemaDiff::isHistoryTable(o.name);
}

QString objectKey(const SchemaObject& o)
{
    return QStringLiteral("%1|%2|%3").arg(static_cast<int>(o.kind)).arg(o.schema, o.name);
}

void compareObjects(const SchemaSnapshot& expected, const SchemaSnapshot& actual, QList<DriftItem>& items)
{
    QMap<QString, const SchemaObject*> wanted;
    QMap<QString, const SchemaObject*> had;
    for (const SchemaObject& o : expected.objects)
        if (!isStrataOwn(o))
            wanted.insert(objectKey(o), &o);
    for (const SchemaObject& o : actual.objects)
        if (!isStrataOwn(o))
            had.insert(objectKey(o), &o);
    auto base = [](DriftItem::Kind kind, const SchemaObject& o) {
        DriftItem i;
        i.kind = kind;
        i.object = objectOf(o.kind);
        i.schema = o.schema;
        i.table = o.table;
        i.name = o.name;
        i.advice = DriftItem::adviceFor(kind);
        return i;
    };
    for (auto w = wanted.begin(); w != wanted.end(); ++w) {
        const SchemaObject& want = *w.value();
        const SchemaObject* have = had.value(w.key());
        const QString what = QStringLiteral("%1 %2.%3").arg(objectWord(want.kind), want.schema, want.name);
        if (!have) {
            DriftItem i = base(DriftItem::Kind::Missing, want);
            i.expected = want.definition;
            i.message = what + QStringLiteral(" is in the migrations but not in the database.");
            items << i;
        } else if (DefinitionText::normalise(want.definition) !=
                       DefinitionText::normalise(have->definition) ||
                   want.table != have->table) {
            DriftItem i = base(DriftItem::Kind::Changed, want);
            i.expected = want.definition;
            i.actual = have->definition;
            i.message = what + QStringLiteral(" differs from what the migrations define.");
            items << i;
        }
    }
    for (auto h = had.begin(); h != had.end(); ++h) {
        if (wanted.contains(h.key()))
            continue;
        DriftItem i = base(DriftItem::Kind::Extra, *h.value());
        i.actual = h.value()->definition;
        i.message = QStringLiteral("%1 %2.%3 is in the database but no applied migration creates it.")
                        .arg(objectWord(h.value()->kind), h.value()->schema, h.value()->name);
        items << i;
    }
}

DriftItem tableItem(DriftItem::Kind kind, const TableInfo& table)
{
    DriftItem i;
    i.kind = kind;
    i.object = DriftItem::Object::Table;
    i.schema = table.schema;
    i.table = table.name;
    i.name = table.name;
    i.advice = DriftItem::adviceFor(kind);
    if (kind == DriftItem::Kind::Missing) {
        i.expected = SchemaText::table(table);
        i.message = QStringLiteral("Table %1 is in the migrations but not in the database.")
                        .arg(table.qualifiedName());
    } else {
        i.actual = SchemaText::table(table);
        i.message = QStringLiteral("Table %1 is in the database but no applied migration creates it.")
                        .arg(table.qualifiedName());
    }
    return i;
}

} // namespace

bool SchemaDiff::isHistoryTable(const QString& name)
{
    return name == QLatin1String("schema_version") || name.startsWith(QLatin1String("schema_version_"));
}

QList<DriftItem> SchemaDiff::compare(const SchemaSnapshot& expected, const SchemaSnapshot& actual)
{
    QList<DriftItem> items;
    for (const TableInfo& want : expected.tables) {
        if (isHistoryTable(want.name))
            continue;
        if (const TableInfo* have = actual.table(want.schema, want.name))
            items << TableDiff(want, *have).compare();
        else
            items << tableItem(DriftItem::Kind::Missing, want);
    }
    for (const TableInfo& have : actual.tables)
        if (!isHistoryTable(have.name) && !expected.table(have.schema, have.name))
            items << tableItem(DriftItem::Kind::Extra, have);
    compareObjects(expected, actual, items);
    std::stable_sort(items.begin(), items.end(), &DriftItem::before);
    return items;
}

} // namespace strata
