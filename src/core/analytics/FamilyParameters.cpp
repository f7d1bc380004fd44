#include "analytics/FamilyParameters.h"

#include <QSet>

namespace strata {

void FamilyParameters::flatten(const QJsonObject& object, const QString& prefix, QJsonObject& out)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = prefix.isEmpty() ? it.key() : prefix + QLatin1Char('.') + it.key();
        if (it.value().isObject())
            flatten(it.value().toObject(), key, out);
        else
            out.insert(key, it.value());
    }
}

QJsonObject FamilyParameters::of(const StrategyRecord& strategy)
{
    QJsonObject out;
    if (strategy.parameters.value.isObject() && !strategy.parameters.value.toObject().isEmpty()) {
        flatten(strategy.parameters.value.toObject(), QString(), out);
        return out;
    }
    const std::pair<const JsonField*, QString> components[] = {
        {&strategy.signalGeneratorConfig, QStringLiteral("signal_generator")},
        {&strategy.riskManagerConfig, QStringLiteral("risk_manager")},
        {&strategy.positionSizerConfig, QStringLiteral("position_sizer")},
        {&strategy.regimeDetectorConfig, QStringLiteral("regime_detector")},
    };
    for (const auto& [field, prefix] : components)
        if (field->value.isObject())
            flatten(field->value.toObject(), prefix, out);
    return out;
}

QStringList FamilyParameters::changed(const QJsonObject& parent, const QJsonObject& child)
{
    QStringList out;
    for (auto it = child.begin(); it != child.end(); ++it)
        if (!parent.contains(it.key()) || parent.value(it.key()) != it.value())
            out << it.key();
    for (auto it = parent.begin(); it != parent.end(); ++it)
        if (!child.contains(it.key()))
            out << it.key();
    out.sort();
    return out;
}

} // namespace strata
