#include "drift/TableDiff.h"

#include <QMap>
#include <QSet>

#include "drift/DefinitionText.h"
#include "drift/SchemaText.h"

namespace strata {

namespace {

QString same(const QString& text)
{
    return DefinitionText::normalise(text);
}

/// What makes two indexes the same index, whatever the spelling of the DDL that made them.
QString indexSignature(const IndexInfo& index)
{
    QStringList parts;
    for (const IndexKeyPart& p : index.parts)
        parts << QStringLiteral("%1%2").arg(p.included ? QStringLiteral("+") : QString(),
                                            same(SchemaText::keyPart(p)));
    return QStringLiteral("%1|%2|%3|%4")
        .arg(index.unique ? 1 : 0)
        .arg(same(index.method.isEmpty() ? QStringLiteral("btree") : index.method),
             parts.join(QLatin1Char(',')), same(index.predicate));
}

QString foreignKeySignature(const ForeignKeyInfo& key)
{
    return same(SchemaText::foreignKey(key));
}

QString constraintSignature(const ConstraintInfo& c)
{
    return c.kind + QLatin1Char('|') + same(c.definition);
}

bool comparedAsConstraint(const ConstraintInfo& c)
{
    // Primary keys are compared through the columns, foreign keys through foreignKeys.
    return c.kind != QLatin1String("PRIMARY KEY") && c.kind != QLatin1String("FOREIGN KEY");
}

} // namespace

bool TableDiff::coveredByConstraint(const IndexInfo& index)
{
    // Both readers list UNIQUE and PRIMARY KEY constraints themselves; their indexes would repeat them.
    return index.primaryKey || index.constraint;
}

DriftItem TableDiff::item(DriftItem::Kind kind, DriftItem::Object object, const QString& name) const
{
    DriftItem i;
    i.kind = kind;
    i.object = object;
    i.schema = m_expected.schema;
    i.table = m_expected.name;
    i.name = name;
    i.advice = DriftItem::adviceFor(kind);
    return i;
}

QList<DriftItem> TableDiff::compare() const
{
    QList<DriftItem> items;
    compareColumns(items);
    compareIndexes(items);
    compareForeignKeys(items);
    compareConstraints(items);
    return items;
}

void TableDiff::compareColumns(QList<DriftItem>& items) const
{
    const QString table = m_expected.qualifiedName();
    for (const ColumnInfo& want : m_expected.columns) {
        const ColumnInfo* have = m_actual.column(want.name);
        if (!have) {
            DriftItem i = item(DriftItem::Kind::Missing, DriftItem::Object::Column, want.name);
            i.expected = SchemaText::column(want);
            i.message = QStringLiteral("Column %1.%2 is in the migrations but not in the database.")
                            .arg(table, want.name);
            items << i;
            continue;
        }
        QStringList changes;
        if (same(want.type) != same(have->type))
            changes
                << QStringLiteral("type %1 in the migrations, %2 in the database").arg(want.type, have->type);
        if (want.notNull != have->notNull)
            changes << (want.notNull
                            ? QStringLiteral("NOT NULL in the migrations, nullable in the database")
                            : QStringLiteral("nullable in the migrations, NOT NULL in the database"));
        const QString wantDefault = want.hasDefault ? same(want.defaultValue) : QString();
        const QString haveDefault = have->hasDefault ? same(have->defaultValue) : QString();
        if (wantDefault != haveDefault)
            changes << QStringLiteral("default %1 in the migrations, %2 in the database")
                           .arg(want.hasDefault ? want.defaultValue : QStringLiteral("none"),
                                have->hasDefault ? have->defaultValue : QStringLiteral("none"));
        if (want.identity != have->identity)
            changes << QStringLiteral("identity %1 in the migrations, %2 in the database")
                           .arg(want.identity.isEmpty() ? QStringLiteral("none") : want.identity,
                                have->identity.isEmpty() ? QStringLiteral("none") : have->identity);
        if (same(want.generated) != same(have->generated))
            changes << QStringLiteral("generated as %1 in the migrations, %2 in the database")
                           .arg(want.generated.isEmpty() ? QStringLiteral("nothing") : want.generated,
                                have->generated.isEmpty() ? QStringLiteral("nothing") : have->generated);
        if (changes.isEmpty())
            continue;
        DriftItem i = item(DriftItem::Kind::Changed, DriftItem::Object::Column, want.name);
        i.expected = SchemaText::column(want);
        i.actual = SchemaText::column(*have);
        i.message = QStringLiteral("Column %1.%2 differs: %3.")
                        .arg(table, want.name, changes.join(QStringLiteral("; ")));
        items << i;
    }
    for (const ColumnInfo& have : m_actual.columns) {
        if (m_expected.column(have.name))
            continue;
        DriftItem i = item(DriftItem::Kind::Extra, DriftItem::Object::Column, have.name);
        i.actual = SchemaText::column(have);
        i.message = QStringLiteral("Column %1.%2 is in the database but no applied migration creates it.")
                        .arg(table, have.name);
        items << i;
    }
    const QStringList wantKey = m_expected.primaryKey();
    const QStringList haveKey = m_actual.primaryKey();
    if (wantKey != haveKey) {
        const auto kind = wantKey.isEmpty()   ? DriftItem::Kind::Extra
                          : haveKey.isEmpty() ? DriftItem::Kind::Missing
                                              : DriftItem::Kind::Changed;
        DriftItem i = item(kind, DriftItem::Object::Constraint, QStringLiteral("PRIMARY KEY"));
        i.expected = wantKey.isEmpty()
                         ? QString()
                         : QStringLiteral("PRIMARY KEY (%1)").arg(wantKey.join(QStringLiteral(", ")));
        i.actual = haveKey.isEmpty()
                       ? QString()
                       : QStringLiteral("PRIMARY KEY (%1)").arg(haveKey.join(QStringLiteral(", ")));
        i.message = QStringLiteral("The primary key of %1 differs: %2 in the migrations, %3 in the database.")
                        .arg(table, wantKey.isEmpty() ? QStringLiteral("none") : i.expected,
                             haveKey.isEmpty() ? QStringLiteral("none") : i.actual);
        items << i;
    }
}

void TableDiff::compareIndexes(QList<DriftItem>& items) const
{
    QMap<QString, const IndexInfo*> wanted;
    QMap<QString, const IndexInfo*> had;
    for (const IndexInfo& index : m_expected.indexes)
        if (!coveredByConstraint(index))
            wanted.insert(index.name, &index);
    for (const IndexInfo& index : m_actual.indexes)
        if (!coveredByConstraint(index))
            had.insert(index.name, &index);
    // An index the database has under another name, with the same definition, is one renamed index.
    QMap<QString, QString> renamed; // expected name -> actual name
    for (auto w = wanted.begin(); w != wanted.end(); ++w) {
        if (had.contains(w.key()))
            continue;
        for (auto h = had.begin(); h != had.end(); ++h)
            if (!wanted.contains(h.key()) && !renamed.values().contains(h.key()) &&
                indexSignature(*w.value()) == indexSignature(*h.value())) {
                renamed.insert(w.key(), h.key());
                break;
            }
    }
    const QString table = m_expected.qualifiedName();
    for (auto w = wanted.begin(); w != wanted.end(); ++w) {
        const IndexInfo& want = *w.value();
        if (renamed.contains(want.name)) {
            DriftItem i = item(DriftItem::Kind::Changed, DriftItem::Object::Index, want.name);
            i.expected = want.name;
            i.actual = renamed.value(want.name);
            i.message =
                QStringLiteral("Index %1 on %2 is named %3 in the database.").arg(want.name, table, i.actual);
            i.advice = QStringLiteral(
                           "Rename it back (ALTER INDEX … RENAME TO %1), or write a migration that renames "
                           "it.")
                           .arg(want.name);
            items << i;
            continue;
        }
        const IndexInfo* have = had.value(want.name);
        if (!have) {
            DriftItem i = item(DriftItem::Kind::Missing, DriftItem::Object::Index, want.name);
            i.expected = SchemaText::index(want);
            i.message = QStringLiteral("Index %1 on %2 is in the migrations but not in the database.")
                            .arg(want.name, table);
            i.advice =
                QStringLiteral("Create it again as the migrations define it (%1); if it was dropped on "
                               "purpose, write a migration that drops it.")
                    .arg(i.expected);
            items << i;
            continue;
        }
        if (indexSignature(want) != indexSignature(*have)) {
            DriftItem i = item(DriftItem::Kind::Changed, DriftItem::Object::Index, want.name);
            i.expected = SchemaText::index(want);
            i.actual = SchemaText::index(*have);
            i.message = QStringLiteral("Index %1 on %2 differs: %3 in the migrations, %4 in the database.")
                            .arg(want.name, table, i.expected, i.actual);
            items << i;
        } else if (!have->valid) {
            DriftItem i = item(DriftItem::Kind::Changed, DriftItem::Object::Index, want.name);
            i.expected = SchemaText::index(want);
            i.actual = SchemaText::index(*have) + QStringLiteral(" (INVALID)");
            i.message =
                QStringLiteral("Index %1 on %2 is INVALID: a CREATE INDEX CONCURRENTLY failed and left it "
                               "behind; queries do not use it.")
                    .arg(want.name, table);
            i.advice =
                QStringLiteral("Drop it (DROP INDEX CONCURRENTLY %1) and create it again as the migrations "
                               "define it.")
                    .arg(want.name);
            items << i;
        }
    }
    for (auto h = had.begin(); h != had.end(); ++h) {
        if (wanted.contains(h.key()) || renamed.values().contains(h.key()))
            continue;
        DriftItem i = item(DriftItem::Kind::Extra, DriftItem::Object::Index, h.key());
        i.actual =
            SchemaText::index(*h.value()) + (h.value()->valid ? QString() : QStringLiteral(" (INVALID)"));
        i.message = QStringLiteral("Index %1 on %2 is in the database but no applied migration creates it.")
                        .arg(h.key(), table);
        items << i;
    }
}

void TableDiff::compareForeignKeys(QList<DriftItem>& items) const
{
    QSet<QString> wanted;
    QSet<QString> had;
    for (const ForeignKeyInfo& key : m_expected.foreignKeys)
        wanted.insert(foreignKeySignature(key));
    for (const ForeignKeyInfo& key : m_actual.foreignKeys)
        had.insert(foreignKeySignature(key));
    const QString table = m_expected.qualifiedName();
    auto add = [&](DriftItem::Kind kind, const ForeignKeyInfo& key) {
        DriftItem i =
            item(kind, DriftItem::Object::Constraint,
                 key.name.isEmpty()
                     ? QStringLiteral("FOREIGN KEY (%1)").arg(key.columns.join(QStringLiteral(", ")))
                     : key.name);
        (kind == DriftItem::Kind::Missing ? i.expected : i.actual) =
            QStringLiteral("FOREIGN KEY ") + SchemaText::foreignKey(key);
        i.message =
            kind == DriftItem::Kind::Missing
                ? QStringLiteral("Foreign key %1 %2 is in the migrations but not in the database.")
                      .arg(table, SchemaText::foreignKey(key))
                : QStringLiteral("Foreign key %1 %2 is in the database but no applied migration creates it.")
                      .arg(table, SchemaText::foreignKey(key));
        items << i;
    };
    for (const ForeignKeyInfo& key : m_expected.foreignKeys)
        if (!had.contains(foreignKeySignature(key)))
            add(DriftItem::Kind::Missing, key);
    for (const ForeignKeyInfo& key : m_actual.foreignKeys)
        if (!wanted.contains(foreignKeySignature(key)))
            add(DriftItem::Kind::Extra, key);
}

void TableDiff::compareConstraints(QList<DriftItem>& items) const
{
    QList<const ConstraintInfo*> missing;
    QList<const ConstraintInfo*> extra;
    QSet<QString> wanted;
    QSet<QString> had;
    for (const ConstraintInfo& c : m_expected.constraints)
        if (comparedAsConstraint(c))
            wanted.insert(constraintSignature(c));
    for (const ConstraintInfo& c : m_actual.constraints)
        if (comparedAsConstraint(c))
            had.insert(constraintSignature(c));
    for (const ConstraintInfo& c : m_expected.constraints)
        if (comparedAsConstraint(c) && !had.contains(constraintSignature(c)))
            missing << &c;
    for (const ConstraintInfo& c : m_actual.constraints)
        if (comparedAsConstraint(c) && !wanted.contains(constraintSignature(c)))
            extra << &c;
    const QString table = m_expected.qualifiedName();
    // The same name on both sides with another definition is one changed constraint, not two.
    for (const ConstraintInfo* want : missing) {
        const ConstraintInfo* have = nullptr;
        for (const ConstraintInfo* e : extra)
            if (!want->name.isEmpty() && e->name == want->name && e->kind == want->kind)
                have = e;
        const QString name = want->name.isEmpty() ? want->kind : want->name;
        DriftItem i = item(have ? DriftItem::Kind::Changed : DriftItem::Kind::Missing,
                           DriftItem::Object::Constraint, name);
        i.expected = want->kind + QLatin1Char(' ') + want->definition;
        if (have) {
            extra.removeOne(have);
            i.actual = have->kind + QLatin1Char(' ') + have->definition;
            i.message =
                QStringLiteral("Constraint %1 on %2 differs: %3 in the migrations, %4 in the database.")
                    .arg(name, table, i.expected, i.actual);
        } else {
            i.message =
                QStringLiteral("Constraint %1 on %2 (%3) is in the migrations but not in the database.")
                    .arg(name, table, i.expected);
        }
        items << i;
    }
    for (const ConstraintInfo* have : extra) {
        const QString name = have->name.isEmpty() ? have->kind : have->name;
        DriftItem i = item(DriftItem::Kind::Extra, DriftItem::Object::Constraint, name);
        i.actual = have->kind + QLatin1Char(' ') + have->definition;
        i.message =
            QStringLiteral("Constraint %1 on %2 (%3) is in the database but no applied migration creates it.")
                .arg(name, table, i.actual);
        items << i;
    }
}

} // namespace strata
