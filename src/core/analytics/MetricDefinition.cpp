#include "analytics/MetricDefinition.h"

#include <algorithm>

namespace strata {

namespace {

MetricDefinition metricRow(const char* key, const QString& label, const char* section,
                           MetricDefinition::Unit unit, bool needsBenchmark = false)
{
    MetricDefinition d;
    d.key = QString::fromLatin1(key);
    d.label = label;
    d.section = QString::fromLatin1(section);
    d.unit = unit;
    d.needsBenchmark = needsBenchmark;
    return d;
}

QList<MetricDefinition> metricTable()
{
    using U = MetricDefinition::Unit;
    const char* overview = "Overview";
    const char* returns = "Returns";
    const char* ratios = "Ratios";
    const char* drawdown = "Drawdown";
    const char* risk = "Risk";
    const char* trades = "Wins and losses";
    const char* periods = "Periods";
    const char* extremes = "Best and worst";
    const char* recovery = "Drawdown and recovery";
    const char* winRates = "Win rates";
    const char* benchmark = "Against the benchmark";
    // The rows in the order of QuantStats' full report (reports.metrics(mode="full")).
    return {
        metricRow("start_period", QStringLiteral("Start Period"), overview, U::Date),
        metricRow("end_period", QStringLiteral("End Period"), overview, U::Date),
        metricRow("time_in_market", QStringLiteral("Time in Market"), overview, U::Percent),
        metricRow("cumulative_return", QStringLiteral("Cumulative Return"), returns, U::Percent),
        metricRow("cagr", QStringLiteral("CAGR %"), returns, U::Percent),
        metricRow("sharpe", QStringLiteral("Sharpe"), ratios, U::Ratio),
        metricRow("prob_sharpe_ratio", QStringLiteral("Prob. Sharpe Ratio"), ratios, U::Percent),
        metricRow("smart_sharpe", QStringLiteral("Smart Sharpe"), ratios, U::Ratio),
        metricRow("sortino", QStringLiteral("Sortino"), ratios, U::Ratio),
        metricRow("smart_sortino", QStringLiteral("Smart Sortino"), ratios, U::Ratio),
        metricRow("sortino_sqrt2", QStringLiteral("Sortino/√2"), ratios, U::Ratio),
        metricRow("smart_sortino_sqrt2", QStringLiteral("Smart Sortino/√2"), ratios, U::Ratio),
        metricRow("omega", QStringLiteral("Omega"), ratios, U::Ratio),
        metricRow("max_drawdown", QStringLiteral("Max Drawdown"), drawdown, U::Percent),
        metricRow("max_dd_date", QStringLiteral("Max DD Date"), drawdown, U::Date),
        metricRow("max_dd_period_start", QStringLiteral("Max DD Period Start"), drawdown, U::Date),
        metricRow("max_dd_period_end", QStringLiteral("Max DD Period End"), drawdown, U::Date),
        metricRow("longest_dd_days", QStringLiteral("Longest DD Days"), drawdown, U::Days),
        metricRow("volatility", QStringLiteral("Volatility (ann.)"), risk, U::Percent),
        metricRow("r_squared", QStringLiteral("R²"), risk, U::Ratio, true),
        metricRow("information_ratio", QStringLiteral("Information Ratio"), risk, U::Ratio, true),
        metricRow("calmar", QStringLiteral("Calmar"), risk, U::Ratio),
        metricRow("skew", QStringLiteral("Skew"), risk, U::Ratio),
        metricRow("kurtosis", QStringLiteral("Kurtosis"), risk, U::Ratio),
        metricRow("ulcer_performance_index", QStringLiteral("Ulcer Performance Index"), risk, U::Ratio),
        metricRow("risk_adjusted_return", QStringLiteral("Risk-Adjusted Return"), risk, U::Percent),
        metricRow("risk_return_ratio", QStringLiteral("Risk-Return Ratio"), risk, U::Ratio),
        metricRow("avg_return", QStringLiteral("Avg. Return"), trades, U::Percent),
        metricRow("avg_win", QStringLiteral("Avg. Win"), trades, U::Percent),
        metricRow("avg_loss", QStringLiteral("Avg. Loss"), trades, U::Percent),
        metricRow("win_loss_ratio", QStringLiteral("Win/Loss Ratio"), trades, U::Ratio),
        metricRow("profit_ratio", QStringLiteral("Profit Ratio"), trades, U::Ratio),
        metricRow("expected_daily", QStringLiteral("Expected Daily"), returns, U::Percent),
        metricRow("expected_monthly", QStringLiteral("Expected Monthly"), returns, U::Percent),
        metricRow("expected_yearly", QStringLiteral("Expected Yearly"), returns, U::Percent),
        metricRow("kelly_criterion", QStringLiteral("Kelly Criterion"), risk, U::Percent),
        metricRow("risk_of_ruin", QStringLiteral("Risk of Ruin"), risk, U::Percent),
        metricRow("daily_var", QStringLiteral("Daily Value-at-Risk"), risk, U::Percent),
        metricRow("cvar", QStringLiteral("Expected Shortfall (cVaR)"), risk, U::Percent),
        metricRow("max_consecutive_wins", QStringLiteral("Max Consecutive Wins"), trades, U::Count),
        metricRow("max_consecutive_losses", QStringLiteral("Max Consecutive Losses"), trades, U::Count),
        metricRow("gain_pain_ratio", QStringLiteral("Gain/Pain Ratio"), ratios, U::Ratio),
        metricRow("gain_pain_1m", QStringLiteral("Gain/Pain (1M)"), ratios, U::Ratio),
        metricRow("payoff_ratio", QStringLiteral("Payoff Ratio"), trades, U::Ratio),
        metricRow("profit_factor", QStringLiteral("Profit Factor"), trades, U::Ratio),
        metricRow("common_sense_ratio", QStringLiteral("Common Sense Ratio"), trades, U::Ratio),
        metricRow("cpc_index", QStringLiteral("CPC Index"), trades, U::Ratio),
        metricRow("tail_ratio", QStringLiteral("Tail Ratio"), trades, U::Ratio),
        metricRow("outlier_win_ratio", QStringLiteral("Outlier Win Ratio"), trades, U::Ratio),
        metricRow("outlier_loss_ratio", QStringLiteral("Outlier Loss Ratio"), trades, U::Ratio),
        metricRow("mtd", QStringLiteral("MTD"), periods, U::Percent),
        metricRow("three_month", QStringLiteral("3M"), periods, U::Percent),
        metricRow("six_month", QStringLiteral("6M"), periods, U::Percent),
        metricRow("ytd", QStringLiteral("YTD"), periods, U::Percent),
        metricRow("one_year", QStringLiteral("1Y"), periods, U::Percent),
        metricRow("three_year_ann", QStringLiteral("3Y (ann.)"), periods, U::Percent),
        metricRow("five_year_ann", QStringLiteral("5Y (ann.)"), periods, U::Percent),
        metricRow("ten_year_ann", QStringLiteral("10Y (ann.)"), periods, U::Percent),
        metricRow("all_time_ann", QStringLiteral("All-time (ann.)"), periods, U::Percent),
        metricRow("best_day", QStringLiteral("Best Day"), extremes, U::Percent),
        metricRow("worst_day", QStringLiteral("Worst Day"), extremes, U::Percent),
        metricRow("best_month", QStringLiteral("Best Month"), extremes, U::Percent),
        metricRow("worst_month", QStringLiteral("Worst Month"), extremes, U::Percent),
        metricRow("best_year", QStringLiteral("Best Year"), extremes, U::Percent),
        metricRow("worst_year", QStringLiteral("Worst Year"), extremes, U::Percent),
        metricRow("avg_drawdown", QStringLiteral("Avg. Drawdown"), recovery, U::Percent),
        metricRow("avg_drawdown_days", QStringLiteral("Avg. Drawdown Days"), recovery, U::Days),
        metricRow("recovery_factor", QStringLiteral("Recovery Factor"), recovery, U::Ratio),
        metricRow("ulcer_index", QStringLiteral("Ulcer Index"), recovery, U::Ratio),
        metricRow("serenity_index", QStringLiteral("Serenity Index"), recovery, U::Ratio),
        metricRow("avg_up_month", QStringLiteral("Avg. Up Month"), winRates, U::Percent),
        metricRow("avg_down_month", QStringLiteral("Avg. Down Month"), winRates, U::Percent),
        metricRow("win_rate_day", QStringLiteral("Win Days"), winRates, U::Percent),
        metricRow("win_rate_month", QStringLiteral("Win Month"), winRates, U::Percent),
        metricRow("win_rate_quarter", QStringLiteral("Win Quarter"), winRates, U::Percent),
        metricRow("win_rate_year", QStringLiteral("Win Year"), winRates, U::Percent),
        metricRow("beta", QStringLiteral("Beta"), benchmark, U::Ratio, true),
        metricRow("alpha", QStringLiteral("Alpha"), benchmark, U::Ratio, true),
        metricRow("correlation", QStringLiteral("Correlation"), benchmark, U::Percent, true),
        metricRow("treynor_ratio", QStringLiteral("Treynor Ratio"), benchmark, U::Percent, true),
    };
}

/// QuantStats' order, each section kept together: its report interleaves them (returns, then ratios, then
/// returns again), which in a table grouped by section read as the same heading three times.
QList<MetricDefinition> groupedBySection()
{
    QList<MetricDefinition> rows = metricTable();
    QStringList sections;
    for (const MetricDefinition& d : std::as_const(rows))
        if (!sections.contains(d.section))
            sections << d.section;
    std::stable_sort(rows.begin(), rows.end(), [&](const MetricDefinition& a, const MetricDefinition& b) {
        return sections.indexOf(a.section) < sections.indexOf(b.section);
    });
    return rows;
}

} // namespace

const QList<MetricDefinition>& MetricDefinition::all()
{
    static const QList<MetricDefinition> table = groupedBySection();
    return table;
}

const MetricDefinition* MetricDefinition::find(const QString& key)
{
    for (const MetricDefinition& d : all())
        if (d.key == key)
            return &d;
    return nullptr;
}

} // namespace strata
