#pragma once

#include <QJsonObject>
#include <QStringList>

#include "strategy/StrategyRecord.h"

namespace strata {

/// A strategy version's parameters as one flat object ("risk_manager.stop_loss_pct": 2.5), so versions can
/// be set side by side: the registry's `parameters` object when it has one, else the four component
/// configurations, each key prefixed with its component.
class FamilyParameters
{
public:
    static QJsonObject of(const StrategyRecord& strategy);
    /// Nested objects become "outer.inner" keys; arrays and scalars are kept as they are.
    static void flatten(const QJsonObject& object, const QString& prefix, QJsonObject& out);
    /// The keys whose value differs between `parent` and `child`, or that only one of them has, sorted.
    static QStringList changed(const QJsonObject& parent, const QJsonObject& child);
};

} // namespace strata
