#include "strategy/ConfigDiff.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>

namespace strata {

namespace {

/// Leaves of a JSON value by dotted key; a value that is not an object is one leaf under `prefix`.
void flatten(const QJsonValue& value, const QString& prefix, QMap<QString, QJsonValue>& out)
{
    if (!value.isObject()) {
        if (!value.isUndefined())
            out.insert(prefix, value);
        return;
    }
    const QJsonObject object = value.toObject();
    if (object.isEmpty() && !prefix.isEmpty())
        out.insert(prefix, value);
    for (auto it = object.begin(); it != object.end(); ++it)
        flatten(it.value(), prefix.isEmpty() ? it.key() : prefix + QLatin1Char('.') + it.key(), out);
}

} // namespace

QString ConfigDiff::text(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', 10);
    case QJsonValue::String:
        return QStringLiteral("\"%1\"").arg(value.toString());
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

QList<ConfigDiff::Change> ConfigDiff::compare(const QJsonValue& before, const QJsonValue& after)
{
    QMap<QString, QJsonValue> a;
    QMap<QString, QJsonValue> b;
    flatten(before, QString(), a);
    flatten(after, QString(), b);
    QStringList keys = a.keys() + b.keys();
    keys.removeDuplicates();
    keys.sort();
    QList<Change> changes;
    for (const QString& key : std::as_const(keys)) {
        const bool inA = a.contains(key);
        const bool inB = b.contains(key);
        if (inA && inB && a.value(key) == b.value(key))
            continue;
        changes.append({key, inA ? text(a.value(key)) : QString(), inB ? text(b.value(key)) : QString()});
    }
    return changes;
}

QList<ConfigDiff::Change> ConfigDiff::parameters(const StrategyRecord& parent, const StrategyRecord& child)
{
    return compare(parent.parameters.value, child.parameters.value);
}

QList<ConfigDiff::Component> ConfigDiff::components(const StrategyRecord& parent, const StrategyRecord& child)
{
    const QList<std::tuple<QString, const JsonField*, const JsonField*>> parts = {
        {QStringLiteral("signal_generator"), &parent.signalGeneratorConfig, &child.signalGeneratorConfig},
        {QStringLiteral("risk_manager"), &parent.riskManagerConfig, &child.riskManagerConfig},
        {QStringLiteral("position_sizer"), &parent.positionSizerConfig, &child.positionSizerConfig},
        {QStringLiteral("regime_detector"), &parent.regimeDetectorConfig, &child.regimeDetectorConfig}};
    QList<Component> out;
    for (const auto& [name, before, after] : parts) {
        Component component{name, {}, {}};
        if (!before->error.isEmpty() || !after->error.isEmpty()) {
            component.problem = QStringLiteral("not comparable: %1_config of the %2 is not valid JSON")
                                    .arg(name, before->error.isEmpty() ? QStringLiteral("strategy")
                                                                       : QStringLiteral("parent"));
        } else {
            for (const Change& change : compare(before->value, after->value))
                component.changed << change.key;
        }
        out.append(component);
    }
    return out;
}

QString ConfigDiff::pretty(const JsonField& field)
{
    if (!field.error.isEmpty())
        return QStringLiteral("⚠ not valid JSON (%1); shown as stored:\n%2").arg(field.error, field.raw);
    if (field.raw.isEmpty() && field.value.isUndefined())
        return QStringLiteral("(NULL)");
    if (field.value.isObject())
        return QString::fromUtf8(QJsonDocument(field.value.toObject()).toJson(QJsonDocument::Indented))
            .trimmed();
    if (field.value.isArray())
        return QString::fromUtf8(QJsonDocument(field.value.toArray()).toJson(QJsonDocument::Indented))
            .trimmed();
    return text(field.value);
}

} // namespace strata
