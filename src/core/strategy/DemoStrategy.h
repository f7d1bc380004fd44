#pragma once

#include <array>

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include "strategy/StrategyStatus.h"

namespace strata {

/// One version row of a demo strategy's history (strategy_versions).
struct DemoVersion
{
    QString version;
    QDateTime createdAt;
    bool isMajor = false;
    QJsonObject changes;
    QJsonObject parameterChanges; ///< {"stop_loss_pct": {"from": 2.0, "to": 1.5}}
    QJsonObject componentChanges; ///< {"risk_manager": ["stop_loss_pct"]}
};

/// One strategy of the demo, as the generator decides it before any row is written.
struct DemoStrategy
{
    int index = 0;
    int family = 0;
    QString strategyId;
    QString name;
    QString version; ///< the current one: the last of `versions`
    QString branch;
    QList<int> parents;   ///< indexes; the first is parent_id, the second merge_source
    QString relationship; ///< how it came from its first parent: fork, mutation, branch, merge; root
    QDateTime createdAt;
    QString createdBy;
    QString description;
    QStringList tags;
    StrategyStatus status = StrategyStatus::Experimental;
    int archetype = 0; ///< which kind of strategy (StrategyDemoCatalog)
    /// The tunable parameters, flat ("stop_loss_pct": 2.0); the four configurations are built from them.
    QJsonObject params;
    QString sizerType;
    QString regimeType;
    QStringList changed; ///< the parameters changed against the first parent
    QList<DemoVersion> versions;
    QString symbol;
    QString timeframe;
    QString signalType;

    // Its return model: r = beta × market + alpha + tilt[regime] + idiosyncratic noise.
    double alpha = 0;
    double beta = 0;
    double idiosyncratic = 0;
    std::array<double, 4> tilt{}; ///< bull, bear, sideways, volatile
    double tradesPerDay = 0;
    double holdingHours = 0;

    // The configurations as the application stores them, from `params`.
    QJsonObject signalConfig() const;
    QJsonObject riskConfig() const;
    QJsonObject sizerConfig() const;
    QJsonObject regimeConfig() const;
};

} // namespace strata
