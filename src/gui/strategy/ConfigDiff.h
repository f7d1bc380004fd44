#pragma once

#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include "strategy/StrategyRecord.h"

namespace strata {

/// What changed from one strategy version's configuration to another's: the parameters key by key, and
/// which keys of each component (signal generator, risk manager, position sizer, regime detector) differ.
/// Nested objects are compared key by key ("filters.min_volume"); arrays are compared whole.
class ConfigDiff
{
public:
    struct Change
    {
        QString key;
        QString before; ///< empty when the key is new
        QString after;  ///< empty when the key was removed
    };

    struct Component
    {
        QString name;        ///< "risk_manager"
        QStringList changed; ///< the keys that differ, sorted
        QString problem;     ///< "not comparable: risk_manager_config is not valid JSON"; empty when fine
    };

    /// Every key whose value differs, sorted by key.
    static QList<Change> compare(const QJsonValue& before, const QJsonValue& after);
    /// The parameters of `child` against those of `parent`.
    static QList<Change> parameters(const StrategyRecord& parent, const StrategyRecord& child);
    /// The four components in order; a component whose configuration is the same has no keys.
    static QList<Component> components(const StrategyRecord& parent, const StrategyRecord& child);

    /// A value in one line as an operator reads it: 1.5, "ema", true, null, [10, 20].
    static QString text(const QJsonValue& value);
    /// A JSON column indented for reading; text that is not JSON is shown as stored, under its problem.
    static QString pretty(const JsonField& field);
};

} // namespace strata
