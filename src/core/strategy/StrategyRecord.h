#pragma once

#include <optional>

#include <QDateTime>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include "strategy/StrategyStatus.h"

namespace strata {

/// A JSON column as stored, and what it parses to. `error` is set when the text is not valid JSON; the
/// raw text is then shown as it is.
struct JsonField
{
    QString raw;                             ///< empty when NULL
    QJsonValue value{QJsonValue::Undefined}; ///< Undefined when NULL or invalid
    QString error; ///< "not valid JSON: unterminated string at offset 17"; empty when fine or NULL
};

/// One row of strategy_registry: one version of a strategy.
struct StrategyRecord
{
    qint64 id = 0;
    QString strategyId;
    QString name;
    QString version;
    QString parentId; ///< empty when it has no parent
    JsonField lineagePath;
    QString branchName;
    QString mergeSource;
    QDateTime createdAt;
    QString createdBy;
    QString description;
    JsonField tags;
    QString statusText;                   ///< as stored
    std::optional<StrategyStatus> status; ///< nullopt when statusText is not a known value
    JsonField signalGeneratorConfig;
    JsonField riskManagerConfig;
    JsonField positionSizerConfig;
    JsonField regimeDetectorConfig;
    JsonField parameters;
    JsonField performanceSummary;
    JsonField validationResults;
    QString configHash;
    QString componentHash;
    /// What is wrong with this row, each a sentence naming the field ("status \"experimental\" is not a
    /// strategystatus value"; "risk_manager_config is not valid JSON: …"). Views mark the strategy.
    QStringList problems;
};

/// One row of strategy_lineage.
struct LineageEdge
{
    qint64 id = 0;
    QString ancestorId;
    QString descendantId;
    QString relationshipType; ///< "fork", "mutation", "merge", "parent"… as stored
    int generationDistance = 0;
    QDateTime createdAt;
    QString evolutionReason;
    JsonField changeImpact;
    std::optional<double> performanceImprovement;
    std::optional<double> riskChange;
    QStringList problems; ///< "descendant S-17 is not in strategy_registry", "part of a cycle: A → B → A"
};

/// One row of strategy_versions.
struct StrategyVersionRecord
{
    qint64 id = 0;
    QString strategyId;
    QString version;
    QDateTime createdAt;
    JsonField changes;
    JsonField performanceDelta;
    bool isMajor = false;
    JsonField componentChanges;
    JsonField parameterChanges;
    QStringList problems;
};

/// One row of strategy_performance. Nullable metrics are nullopt when NULL.
struct PerformancePeriod
{
    qint64 id = 0;
    QString strategyId;
    QString version;
    QDateTime periodStart;
    QDateTime periodEnd;
    QString periodType; ///< "daily", "weekly", "monthly"…
    double totalReturn = 0;
    double totalReturnPct = 0;
    std::optional<double> sharpeRatio;
    std::optional<double> maxDrawdown;
    std::optional<double> winRate;
    int totalTrades = 0;
    int winningTrades = 0;
    int losingTrades = 0;
    std::optional<double> avgTradeDurationHours;
    std::optional<double> volatility;
    std::optional<double> sortinoRatio;
    std::optional<double> calmarRatio;
    std::optional<double> var95;
    JsonField regimePerformance; ///< e.g. {"regime":"bull","bull":{"return":…}} as the demo writes it
    JsonField additionalMetrics;
    QString testSymbol;
    QString testTimeframe;
    /// The period's return attributed to each component (signal generator, risk manager, position sizer),
    /// in the unit the application writes (the demo: a fraction of the period's return).
    std::optional<double> signalContribution;
    std::optional<double> riskContribution;
    std::optional<double> sizerContribution;
    JsonField testParameters; ///< the run's test configuration, e.g. {"mode": "backtest", "fee_bps": 2.5}
    /// False when the row cannot be drawn (no return, a period that is not a time or ends before it starts):
    /// a tearsheet skips it and lists it in its problems.
    bool usable = true;
    QStringList
        problems; ///< "period_end 2026-01-01 is before period_start 2026-01-02", "total_return is NULL"
};

} // namespace strata
