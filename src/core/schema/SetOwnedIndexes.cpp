#include "schema/SetOwnedIndexes.h"

#include <QJsonArray>

#include "review/postgres/PgParsedScript.h"
#include "review/postgres/PgTree.h"
#include "review/sqlite/SqliteStepStatements.h"
#include "schema/PgIndexNames.h"

namespace strata {

namespace {

QString relationName(const QJsonObject& node, const char* key)
{
    return node.value(QLatin1String(key)).toObject().value(QStringLiteral("relname")).toString();
}

/// Column names of a constraint's keys or INCLUDE list as the IndexElem nodes transformIndexConstraint
/// makes of them.
QJsonArray elementsOf(const QJsonArray& names)
{
    QJsonArray elements;
    for (const QString& name : PgTree::names(names))
        elements.append(
            QJsonObject{{QStringLiteral("IndexElem"), QJsonObject{{QStringLiteral("name"), name}}}});
    return elements;
}

/// The Constraint nodes of a CREATE TABLE (or ALTER TABLE ... ADD COLUMN) that make an index, in the order
/// PostgreSQL defines them: the primary key first, then the others as written, an exact repeat of an
/// earlier one left out (transformIndexConstraints). A column's constraint gets the column as its key.
QList<QJsonObject> indexConstraints(const QJsonArray& elements)
{
    QList<QJsonObject> constraints;
    auto add = [&constraints](QJsonObject constraint, const QString& column) {
        const QString type = PgTree::str(constraint, "contype");
        if (type != QLatin1String("CONSTR_PRIMARY") && type != QLatin1String("CONSTR_UNIQUE") &&
            type != QLatin1String("CONSTR_EXCLUSION"))
            return;
        if (!column.isEmpty())
            constraint.insert(QStringLiteral("keys"),
                              QJsonArray{QJsonObject{{QStringLiteral("String"),
                                                      QJsonObject{{QStringLiteral("sval"), column}}}}});
        if (type == QLatin1String("CONSTR_PRIMARY"))
            constraints.prepend(constraint);
        else
            constraints.append(constraint);
    };
    for (const QJsonValue& element : elements) {
        const QJsonObject object = element.toObject();
        if (object.contains(QStringLiteral("Constraint"))) {
            add(object.value(QStringLiteral("Constraint")).toObject(), QString());
        } else if (object.contains(QStringLiteral("ColumnDef"))) {
            const QJsonObject column = object.value(QStringLiteral("ColumnDef")).toObject();
            for (const QJsonValue& c : column.value(QStringLiteral("constraints")).toArray())
                add(c.toObject().value(QStringLiteral("Constraint")).toObject(),
                    PgTree::str(column, "colname"));
        }
    }
    // An index equal to an earlier one (UNIQUE PRIMARY KEY on one column) is not made twice; an unnamed
    // earlier one takes the later one's name.
    auto sameIndex = [](const QJsonObject& a, const QJsonObject& b) {
        for (const char* field : {"keys", "including", "exclusions", "access_method", "where_clause",
                                  "deferrable", "initdeferred", "nulls_not_distinct"})
            if (a.value(QLatin1String(field)) != b.value(QLatin1String(field)))
                return false;
        return true;
    };
    QList<QJsonObject> kept;
    for (const QJsonObject& constraint : constraints) {
        bool repeat = false;
        for (QJsonObject& earlier : kept)
            if (sameIndex(constraint, earlier)) {
                if (PgTree::str(earlier, "conname").isEmpty())
                    earlier.insert(QStringLiteral("conname"), constraint.value(QStringLiteral("conname")));
                repeat = true;
                break;
            }
        if (!repeat)
            kept << constraint;
    }
    return kept;
}

} // namespace

SetOwnedIndexes SetOwnedIndexes::read(const MigrationSet& set, Dialect dialect)
{
    SetOwnedIndexes owned;
    owned.m_dialect = dialect;
    for (const MigrationStep& step : set.stepsFor(dialect)) {
        if (dialect == Dialect::Sqlite) {
            for (const SqliteStepStatement& statement :
                 SqliteStepStatements::read(step.forwardSql, step.forwardFirstLine)) {
                if (statement.what.kind == SqliteStatement::Kind::CreateIndex)
                    owned.created(statement.what.name, step);
                else if (statement.what.kind == SqliteStatement::Kind::DropIndex)
                    owned.dropped(statement.what.name);
            }
            continue;
        }
        for (const PgStatement& statement : PgParsedScript::parse(step.forwardSql, step.forwardFirstLine))
            if (statement.parsed)
                owned.readPostgres(statement.kind, statement.node, step);
    }
    return owned;
}

void SetOwnedIndexes::constraintOf(const QString& table, const QJsonObject& constraint,
                                   const MigrationStep& step)
{
    const QString type = PgTree::str(constraint, "contype");
    const QString name = PgTree::str(constraint, "conname");
    const QString existing = PgTree::str(constraint, "indexname");
    if (!existing.isEmpty()) { // ADD CONSTRAINT name UNIQUE USING INDEX existing: the index takes its name
        if (!name.isEmpty() && owns(existing)) {
            dropped(existing);
            created(name, step, table);
        }
        return;
    }
    if (!name.isEmpty()) {
        created(name, step, table);
        return;
    }
    QJsonArray elements = elementsOf(constraint.value(QStringLiteral("keys")).toArray());
    PgIndexNames::Kind kind =
        type == QLatin1String("CONSTR_PRIMARY") ? PgIndexNames::Kind::PrimaryKey : PgIndexNames::Kind::Unique;
    if (type == QLatin1String("CONSTR_EXCLUSION")) {
        kind = PgIndexNames::Kind::Exclusion;
        elements = {};
        for (const QJsonValue& pair : constraint.value(QStringLiteral("exclusions")).toArray()) {
            const QJsonArray items = pair.toObject()
                                         .value(QStringLiteral("List"))
                                         .toObject()
                                         .value(QStringLiteral("items"))
                                         .toArray();
            if (!items.isEmpty())
                elements.append(items.first());
        }
    }
    for (const QJsonValue& included : elementsOf(constraint.value(QStringLiteral("including")).toArray()))
        elements.append(included);
    created(PgIndexNames::choose(table, PgIndexNames::columnNames(elements), kind,
                                 [this](const QString& n) { return taken(n); }),
            step, table);
}

void SetOwnedIndexes::tableDropped(const QString& table)
{
    m_relations.remove(table);
    const QStringList indexes = m_tableOf.keys(table);
    for (const QString& index : indexes)
        dropped(index);
}

void SetOwnedIndexes::readPostgres(const QString& kind, const QJsonObject& node, const MigrationStep& step)
{
    if (kind == QLatin1String("IndexStmt")) {
        const QString table = relationName(node, "relation");
        QString name = PgTree::str(node, "idxname");
        if (name.isEmpty()) { // the name the server picks (PostgreSQL 15's DefineIndex: ChooseIndexName)
            QJsonArray elements = node.value(QStringLiteral("indexParams")).toArray();
            for (const QJsonValue& included : node.value(QStringLiteral("indexIncludingParams")).toArray())
                elements.append(included);
            const bool primary = node.value(QStringLiteral("primary")).toBool();
            const bool constraint = node.value(QStringLiteral("isconstraint")).toBool();
            name = PgIndexNames::choose(table, PgIndexNames::columnNames(elements),
                                        primary      ? PgIndexNames::Kind::PrimaryKey
                                        : constraint ? PgIndexNames::Kind::Unique
                                                     : PgIndexNames::Kind::Index,
                                        [this](const QString& n) { return taken(n); });
        }
        created(name, step, table);
    } else if (kind == QLatin1String("CreateStmt")) {
        const QString table = relationName(node, "relation");
        m_relations.insert(table);
        for (const QJsonObject& constraint :
             indexConstraints(node.value(QStringLiteral("tableElts")).toArray()))
            constraintOf(table, constraint, step);
    } else if (kind == QLatin1String("AlterTableStmt")) {
        const QString table = relationName(node, "relation");
        for (const QJsonValue& value : node.value(QStringLiteral("cmds")).toArray()) {
            const QJsonObject command = value.toObject().value(QStringLiteral("AlterTableCmd")).toObject();
            const QString subtype = PgTree::str(command, "subtype");
            const QJsonObject def = command.value(QStringLiteral("def")).toObject();
            if (subtype == QLatin1String("AT_AddConstraint"))
                for (const QJsonObject& constraint : indexConstraints(QJsonArray{def}))
                    constraintOf(table, constraint, step);
            else if (subtype == QLatin1String("AT_AddColumn"))
                for (const QJsonObject& constraint : indexConstraints(QJsonArray{def}))
                    constraintOf(table, constraint, step);
            else if (subtype == QLatin1String("AT_DropConstraint") && owns(PgTree::str(command, "name")))
                dropped(PgTree::str(command, "name"));
        }
    } else if (kind == QLatin1String("CreateTableAsStmt")) {
        m_relations.insert(node.value(QStringLiteral("into"))
                               .toObject()
                               .value(QStringLiteral("rel"))
                               .toObject()
                               .value(QStringLiteral("relname"))
                               .toString());
    } else if (kind == QLatin1String("ViewStmt")) {
        m_relations.insert(relationName(node, "view"));
    } else if (kind == QLatin1String("CreateSeqStmt")) {
        m_relations.insert(relationName(node, "sequence"));
    } else if (kind == QLatin1String("DropStmt")) {
        const QString type = PgTree::str(node, "removeType");
        if (type != QLatin1String("OBJECT_INDEX") && type != QLatin1String("OBJECT_TABLE"))
            return;
        for (const auto& object : node.value(QStringLiteral("objects")).toArray()) {
            const QStringList parts = PgTree::names(object.toObject()
                                                        .value(QStringLiteral("List"))
                                                        .toObject()
                                                        .value(QStringLiteral("items"))
                                                        .toArray());
            if (parts.isEmpty())
                continue;
            if (type == QLatin1String("OBJECT_INDEX"))
                dropped(parts.last());
            else
                tableDropped(parts.last());
        }
    } else if (kind == QLatin1String("RenameStmt")) {
        const QString type = PgTree::str(node, "renameType");
        const QString to = PgTree::str(node, "newname");
        const QString from = type == QLatin1String("OBJECT_TABCONSTRAINT") ? PgTree::str(node, "subname")
                                                                           : relationName(node, "relation");
        if ((type == QLatin1String("OBJECT_INDEX") || type == QLatin1String("OBJECT_TABCONSTRAINT")) &&
            owns(from)) {
            const QString label = m_steps.value(key(from));
            const QString table = m_tableOf.value(key(from));
            dropped(from);
            m_steps.insert(key(to), label);
            m_relations.insert(key(to));
            if (!table.isEmpty())
                m_tableOf.insert(key(to), table);
        } else if (type == QLatin1String("OBJECT_TABLE") && m_relations.remove(from)) {
            m_relations.insert(to);
            for (auto it = m_tableOf.begin(); it != m_tableOf.end(); ++it)
                if (it.value() == from)
                    it.value() = to;
        }
    }
}

} // namespace strata
