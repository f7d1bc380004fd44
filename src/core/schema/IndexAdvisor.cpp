#include "schema/IndexAdvisor.h"

#include <algorithm>
#include <tuple>

#include "schema/IndexAdviceText.h"

namespace strata {

namespace {

bool enforces(const IndexInfo& index)
{
    return index.unique || index.primaryKey || index.constraint;
}

QString methodOf(const IndexInfo& index)
{
    return index.method.isEmpty() ? QStringLiteral("btree") : index.method.toLower();
}

/// Whitespace differs between how SQLite stores a predicate and how it was typed; meaning does not.
QString predicateOf(const IndexInfo& index)
{
    return index.predicate.simplified();
}

QStringList includedOf(const IndexInfo& index)
{
    QStringList included;
    for (const IndexKeyPart& part : index.parts)
        if (part.included)
            included << part.label();
    included.sort();
    return included;
}

QStringList labelsOf(const QList<IndexKeyPart>& parts)
{
    QStringList labels;
    for (const IndexKeyPart& part : parts)
        labels << part.label();
    return labels;
}

/// Two indexes that any query could use interchangeably: same key parts (column or expression, direction,
/// collation), same INCLUDE set, predicate and method. Uniqueness may differ: the unique one is kept.
bool sameShape(const IndexInfo& a, const IndexInfo& b)
{
    return a.keyParts() == b.keyParts() && includedOf(a) == includedOf(b) &&
           predicateOf(a) == predicateOf(b) && methodOf(a) == methodOf(b);
}

/// `a`'s key is a strict leading prefix of `b`'s, and `b` carries every column `a` includes, so every scan
/// of `a` (index-only ones too) can be done on `b`.
bool isPrefixOf(const IndexInfo& a, const IndexInfo& b)
{
    const QList<IndexKeyPart> aKey = a.keyParts();
    const QList<IndexKeyPart> bKey = b.keyParts();
    if (aKey.isEmpty() || aKey.size() >= bKey.size() || bKey.mid(0, aKey.size()) != aKey)
        return false;
    if (predicateOf(a) != predicateOf(b) || methodOf(a) != methodOf(b))
        return false;
    const QStringList bCarries = labelsOf(b.parts);
    for (const QString& column : includedOf(a))
        if (!bCarries.contains(column))
            return false;
    return true;
}

/// The index to keep among identical ones: the one that enforces most, then the one the migration set
/// creates (dropping it would be drift), then the most used, then by name.
bool keepBefore(const IndexInfo& a, const IndexInfo& b, const SetOwnedIndexes& owned)
{
    if (a.primaryKey != b.primaryKey)
        return a.primaryKey;
    if (a.constraint != b.constraint)
        return a.constraint;
    if (a.unique != b.unique)
        return a.unique;
    if (owned.owns(a.name) != owned.owns(b.name))
        return owned.owns(a.name);
    if (a.scans != b.scans)
        return a.scans > b.scans;
    return a.name < b.name;
}

bool adviceBefore(const IndexAdvice& a, const IndexAdvice& b)
{
    return std::tie(a.schema, a.table, a.kind, a.index, a.columns) <
           std::tie(b.schema, b.table, b.kind, b.index, b.columns);
}

} // namespace

QList<IndexAdvice> IndexAdvisor::advise(const SchemaSnapshot& snapshot, const IndexAdviceContext& context)
{
    QSet<QString> takenNames;
    for (const TableInfo& table : snapshot.tables)
        for (const IndexInfo& index : table.indexes)
            takenNames.insert(index.name);
    QList<IndexAdvice> advice;
    for (const TableInfo& table : snapshot.tables)
        advice += adviseTable(table, snapshot.dialect, context, takenNames);
    std::stable_sort(advice.begin(), advice.end(), adviceBefore);
    return advice;
}

QList<IndexAdvice> IndexAdvisor::advise(const TableInfo& table, Dialect dialect,
                                        const IndexAdviceContext& context)
{
    QSet<QString> takenNames;
    for (const IndexInfo& index : table.indexes)
        takenNames.insert(index.name);
    QList<IndexAdvice> advice = adviseTable(table, dialect, context, takenNames);
    std::stable_sort(advice.begin(), advice.end(), adviceBefore);
    return advice;
}

bool IndexAdvisor::isCovered(const TableInfo& table, const QStringList& columns, Dialect dialect)
{
    if (columns.isEmpty())
        return true;
    const auto normalized = [dialect](QStringList names) {
        if (dialect == Dialect::Sqlite) // SQLite's identifiers ignore case
            for (QString& name : names)
                name = name.toLower();
        names.sort();
        return names;
    };
    const QStringList wanted = normalized(columns);
    QList<QStringList> leadings{table.primaryKey()}; // the primary key is indexed (or is the rowid)
    for (const IndexInfo& index : table.indexes) {
        const QString method = methodOf(index);
        if (!index.valid || !predicateOf(index).isEmpty())
            continue;
        if (method != QLatin1String("btree") && !(method == QLatin1String("hash") && columns.size() == 1))
            continue;
        QStringList leading;
        for (const IndexKeyPart& part : index.keyParts()) {
            if (part.column.isEmpty())
                break; // an expression: lookups by the plain columns cannot use what follows
            leading << part.column;
        }
        leadings << leading;
    }
    for (const QStringList& leading : leadings)
        if (leading.size() >= columns.size() && normalized(leading.mid(0, columns.size())) == wanted)
            return true;
    return false;
}

bool IndexAdvisor::hasLookupIndex(const TableInfo& table, const QStringList& columns, Dialect dialect)
{
    if (isCovered(table, columns, dialect))
        return true;
    for (const QString& column : columns)
        if (isCovered(table, {column}, dialect))
            return true;
    return false;
}

QList<IndexAdvice> IndexAdvisor::adviseTable(const TableInfo& table, Dialect dialect,
                                             const IndexAdviceContext& context, QSet<QString>& takenNames)
{
    const IndexAdviceText text(dialect, context.owned);
    QList<IndexAdvice> advice;
    QSet<QString> dropped; // indexes already advised away, so that no index gets two DROP suggestions
    QList<const IndexInfo*> valid;
    for (const IndexInfo& index : table.indexes) {
        if (!index.valid)
            advice << text.invalid(table, index);
        else
            valid << &index;
    }
    std::sort(valid.begin(), valid.end(), [&context](const IndexInfo* a, const IndexInfo* b) {
        return keepBefore(*a, *b, context.owned);
    });
    for (qsizetype i = 0; i < valid.size(); ++i) {
        if (dropped.contains(valid[i]->name))
            continue;
        for (qsizetype j = i + 1; j < valid.size(); ++j) // valid[i] ranks first: it is the one to keep
            if (!dropped.contains(valid[j]->name) && sameShape(*valid[i], *valid[j])) {
                advice << text.duplicate(table, *valid[j], *valid[i]);
                dropped.insert(valid[j]->name);
            }
    }
    for (const IndexInfo* index : valid) {
        if (dropped.contains(index->name) || enforces(*index))
            continue;
        const IndexInfo* longer = nullptr; // the closest longer index, so the advice names the natural one
        for (const IndexInfo* other : valid)
            if (other != index && !dropped.contains(other->name) && isPrefixOf(*index, *other) &&
                (!longer || other->keyParts().size() < longer->keyParts().size() ||
                 (other->keyParts().size() == longer->keyParts().size() && other->name < longer->name)))
                longer = other;
        if (longer) {
            advice << text.prefix(table, *index, *longer);
            dropped.insert(index->name);
        }
    }
    // Zero scans mean "unused" only when the counters have counted long enough; SQLite keeps no counters.
    if (dialect == Dialect::Postgres && context.usage && context.usage->enough()) {
        for (const IndexInfo* index : valid) {
            if (index->scans != 0 || enforces(*index) || dropped.contains(index->name))
                continue;
            // An index that alone serves a foreign key is scanned only when parent rows are deleted: keep it.
            TableInfo without = table;
            without.indexes.removeIf([index](const IndexInfo& i) { return i.name == index->name; });
            const bool servesForeignKey = std::any_of(
                table.foreignKeys.begin(), table.foreignKeys.end(), [&](const ForeignKeyInfo& fk) {
                    return isCovered(table, fk.columns, dialect) && !isCovered(without, fk.columns, dialect);
                });
            if (!servesForeignKey)
                advice << text.unused(table, *index, *context.usage);
        }
    }
    for (const ForeignKeyInfo& fk : table.foreignKeys)
        if (!isCovered(table, fk.columns, dialect))
            advice << text.unindexedForeignKey(table, fk, takenNames);
    const Qt::CaseSensitivity nameCase = dialect == Dialect::Sqlite ? Qt::CaseInsensitive : Qt::CaseSensitive;
    for (const IndexAdvice& planned : context.fromPlans) {
        if (planned.table.compare(table.name, nameCase) != 0 ||
            (dialect == Dialect::Postgres && planned.schema != table.schema) ||
            hasLookupIndex(table, planned.columns, dialect))
            continue;
        const bool said = std::any_of(advice.cbegin(), advice.cend(), [&planned](const IndexAdvice& a) {
            return a.columns == planned.columns && a.kind != IndexAdvice::Kind::Duplicate;
        });
        if (!said)
            advice << planned;
    }
    return advice;
}

} // namespace strata
