#pragma once

#include <array>

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include "strategy/DemoRandom.h"

namespace strata {

/// What the demo's strategies are made of: the kinds of strategy a desk runs (each the root of families)
/// and the parameters a quant tunes between versions.
class StrategyDemoCatalog
{
public:
    struct Archetype
    {
        QString name;       ///< "Momentum Breakout"
        QString slug;       ///< "momentum-breakout", the start of its strategies' ids
        QString signalType; ///< "momentum_breakout"
        QString symbol;
        QString timeframe;
        QStringList tags;
        double alpha = 0; ///< daily
        double beta = 0;
        double idiosyncratic = 0;     ///< daily
        std::array<double, 4> tilt{}; ///< daily extra return in bull, bear, sideways, volatile
        double tradesPerDay = 0;
        double holdingHours = 0;
    };

    struct Parameter
    {
        QString name;
        QString component; ///< signal_generator, risk_manager, position_sizer, regime_detector
        double low = 0;
        double high = 0;
        double step = 0;
        bool integer = false;
    };

    static const QList<Archetype>& archetypes();
    static const QList<Parameter>& parameters();
    static QStringList sizerTypes();
    static QStringList regimeTypes();
    static QStringList branchNames();
    static QStringList forkVariants();
    static QStringList authors();

    /// An archetype's starting parameters, varied a little per family.
    static QJsonObject initialParameters(DemoRandom& random);
    /// Moves `count` parameters by one to three steps within their range; returns the names changed.
    static QStringList mutate(QJsonObject& params, int count, DemoRandom& random);
    /// {"name": {"from": a, "to": b}} for each parameter that differs.
    static QJsonObject differences(const QJsonObject& before, const QJsonObject& after);
    /// {"risk_manager": ["stop_loss_pct"]} for the given parameter names.
    static QJsonObject componentsOf(const QStringList& changed);
    /// "stop_loss_pct 2 → 1.5, lookback 20 → 24".
    static QString describe(const QJsonObject& differences);
};

} // namespace strata
