#include "review/postgres/PgSafeRewrite.h"

#include <QJsonArray>
#include <QRegularExpression>

#include "schema/SqlIdentifier.h"

namespace strata {

namespace {

QString q(const QString& name)
{
    return SqlIdentifier::quote(name, Dialect::Postgres);
}

QStringList names(const QJsonArray& items)
{
    QStringList out;
    for (const auto& i : items)
        out << i.toObject()
                   .value(QStringLiteral("String"))
                   .toObject()
                   .value(QStringLiteral("sval"))
                   .toString();
    return out;
}

/// The first column a CHECK expression refers to, as PostgreSQL picks it for the constraint's name.
QString firstColumn(const QJsonValue& v)
{
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        if (o.contains(QStringLiteral("ColumnRef"))) {
            const QStringList parts = names(
                o.value(QStringLiteral("ColumnRef")).toObject().value(QStringLiteral("fields")).toArray());
            return parts.isEmpty() ? QString() : parts.last();
        }
        for (auto it = o.begin(); it != o.end(); ++it)
            if (const QString c = firstColumn(it.value()); !c.isEmpty())
                return c;
    } else if (v.isArray()) {
        for (const auto& e : v.toArray())
            if (const QString c = firstColumn(e); !c.isEmpty())
                return c;
    }
    return {};
}

int commandCount(const PgStatement& s)
{
    return int(s.node.value(QStringLiteral("cmds")).toArray().size());
}

} // namespace

QString PgSafeRewrite::concurrently(const PgStatement& s)
{
    static const QRegularExpression index(QStringLiteral("\\bINDEX\\b"),
                                          QRegularExpression::CaseInsensitiveOption);
    const auto m = index.match(s.text);
    if (!m.hasMatch())
        return {};
    QString text = s.text;
    text.insert(m.capturedEnd(), QStringLiteral(" CONCURRENTLY"));
    return text + QLatin1Char(';');
}

QString PgSafeRewrite::constraintName(const PgTableRef& table, const QJsonObject& c)
{
    const QString given = c.value(QStringLiteral("conname")).toString();
    if (!given.isEmpty())
        return given;
    QString name;
    if (c.value(QStringLiteral("contype")).toString() == QLatin1String("CONSTR_FOREIGN"))
        name = table.name + QLatin1Char('_') +
               names(c.value(QStringLiteral("fk_attrs")).toArray()).join(QLatin1Char('_')) +
               QStringLiteral("_fkey");
    else {
        const QString column = firstColumn(c.value(QStringLiteral("raw_expr")));
        name = table.name + (column.isEmpty() ? QString() : QLatin1Char('_') + column) +
               QStringLiteral("_check");
    }
    return name.left(63);
}

QString PgSafeRewrite::notValidThenValidate(const PgStatement& s, const PgTableRef& table,
                                            const QJsonObject& c)
{
    if (commandCount(s) != 1)
        return {};
    return s.text +
           QStringLiteral(
               " NOT VALID;\n-- then, in a step of its own (reads and writes go on):\nALTER TABLE ") +
           table.sql() + QStringLiteral(" VALIDATE CONSTRAINT ") + q(constraintName(table, c)) +
           QLatin1Char(';');
}

QString PgSafeRewrite::setNotNull(const PgTableRef& table, const QString& column)
{
    const QString check = q((table.name + QLatin1Char('_') + column + QStringLiteral("_not_null")).left(63));
    const QString t = table.sql();
    return QStringLiteral(
               "ALTER TABLE %1 ADD CONSTRAINT %2 CHECK (%3 IS NOT NULL) NOT VALID;\n"
               "-- then, in a step of its own (reads and writes go on):\n"
               "ALTER TABLE %1 VALIDATE CONSTRAINT %2;\n"
               "ALTER TABLE %1 ALTER COLUMN %3 SET NOT NULL; -- no scan: the valid CHECK proves it\n"
               "ALTER TABLE %1 DROP CONSTRAINT %2;")
        .arg(t, check, q(column));
}

QString PgSafeRewrite::uniqueUsingIndex(const PgTableRef& table, const QJsonObject& c)
{
    const bool primary = c.value(QStringLiteral("contype")).toString() == QLatin1String("CONSTR_PRIMARY");
    QStringList keys = names(c.value(QStringLiteral("keys")).toArray());
    QString name = c.value(QStringLiteral("conname")).toString();
    if (name.isEmpty())
        name = (table.name + QLatin1Char('_') +
                (primary ? QStringLiteral("pkey") : keys.join(QLatin1Char('_')) + QStringLiteral("_key")))
                   .left(63);
    for (auto& k : keys)
        k = q(k);
    return QStringLiteral(
               "CREATE UNIQUE INDEX CONCURRENTLY %1 ON %2 (%3); -- in a no-transaction step of its own\n"
               "ALTER TABLE %2 ADD CONSTRAINT %1 %4 USING INDEX %1;")
        .arg(q(name), table.sql(), keys.join(QStringLiteral(", ")),
             primary ? QStringLiteral("PRIMARY KEY") : QStringLiteral("UNIQUE"));
}

QString PgSafeRewrite::columnThenDefault(const PgStatement& s, const PgTableRef& table,
                                         const QJsonObject& def)
{
    if (commandCount(s) != 1)
        return {};
    const QString column = def.value(QStringLiteral("colname")).toString();
    const QJsonObject typeName = def.value(QStringLiteral("typeName")).toObject();
    // The type as written: from the type's location to the first constraint's (or the statement's end).
    int typeEnd = -1;
    QString defaultText;
    const QJsonArray constraints = def.value(QStringLiteral("constraints")).toArray();
    for (qsizetype i = 0; i < constraints.size(); ++i) {
        const QJsonObject c = constraints.at(i).toObject().value(QStringLiteral("Constraint")).toObject();
        const int at = c.value(QStringLiteral("location")).toInt();
        if (typeEnd < 0 || at < typeEnd)
            typeEnd = at;
        if (c.value(QStringLiteral("contype")).toString() == QLatin1String("CONSTR_DEFAULT")) {
            const int next = i + 1 < constraints.size() ? constraints.at(i + 1)
                                                              .toObject()
                                                              .value(QStringLiteral("Constraint"))
                                                              .toObject()
                                                              .value(QStringLiteral("location"))
                                                              .toInt()
                                                        : -1;
            defaultText = s.slice(at, next);
            defaultText.remove(QRegularExpression(QStringLiteral("^DEFAULT\\s+"),
                                                  QRegularExpression::CaseInsensitiveOption));
        }
    }
    const QString type = s.slice(typeName.value(QStringLiteral("location")).toInt(), typeEnd);
    if (type.isEmpty() || defaultText.isEmpty())
        return {};
    const QString t = table.sql();
    return QStringLiteral("ALTER TABLE %1 ADD COLUMN %2 %3;\n"
                          "ALTER TABLE %1 ALTER COLUMN %2 SET DEFAULT %4; -- new rows only, no rewrite\n"
                          "-- then fill the existing rows in batches, in a no-transaction step:\n"
                          "-- UPDATE %1 SET %2 = %4 WHERE <key> BETWEEN ... AND ... AND %2 IS NULL;")
        .arg(t, q(column), type, defaultText);
}

QString PgSafeRewrite::newColumnBeside(const PgTableRef& table, const QString& column, const QString& newType)
{
    const QString t = table.sql();
    const QString fresh = q((column + QStringLiteral("_new")).left(63));
    return QStringLiteral(
               "ALTER TABLE %1 ADD COLUMN %2 %3;\n"
               "-- then fill it in batches in a no-transaction step, keep it in step with a trigger,\n"
               "-- switch the clients to %2, and drop %4 in a later version:\n"
               "-- UPDATE %1 SET %2 = %4 WHERE <key> BETWEEN ... AND ...;")
        .arg(t, fresh, newType, q(column));
}

QString PgSafeRewrite::withLockTimeout(const PgStatement& s, bool transactional)
{
    return (transactional ? QStringLiteral("SET LOCAL lock_timeout = '5s';\n")
                          : QStringLiteral("SET lock_timeout = '5s';\n")) +
           s.text + QLatin1Char(';');
}

} // namespace strata
