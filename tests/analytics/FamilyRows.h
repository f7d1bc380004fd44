#pragma once

// Rows of the four strategy tables written by hand, for the family view's tests: the values are chosen so
// that every figure can be worked out on paper.

#include <QList>
#include <QString>
#include <QVariant>

#include "common/Result.h"
#include "connection/Database.h"

namespace strata::test {

struct Day
{
    double returnPct;
    int winning;
    int trades;
    QVariant signal, risk, sizer; // contributions; an invalid QVariant is NULL
};

inline Status addStrategy(Database& db, const QString& id, const QString& version, const QString& parent,
                          const QString& mergeSource, const QString& createdAt, const QString& parameters)
{
    return db.execute(
        QStringLiteral("INSERT INTO strategy_registry (strategy_id, name, version, parent_id, merge_source, "
                       "created_at, created_by, status, signal_generator_config, risk_manager_config, "
                       "position_sizer_config, regime_detector_config, parameters, config_hash, "
                       "component_hash) VALUES (?, 'trend', ?, ?, ?, ?, 'quant', 'TESTING', "
                       "'{\"kind\": \"momentum\"}', '{\"stop\": 2}', '{}', '{}', ?, ?, 'c')"),
        {id, version, parent.isEmpty() ? QVariant() : parent,
         mergeSource.isEmpty() ? QVariant() : mergeSource, createdAt,
         parameters.isEmpty() ? QVariant() : parameters, id});
}

inline Status addDays(Database& db, const QString& id, const QList<Day>& days,
                      const QString& type = QStringLiteral("daily"))
{
    // Inserted last day first: the reader must put them in period order itself.
    for (qsizetype i = days.size() - 1; i >= 0; --i) {
        const Day& d = days.at(i);
        const auto day = [&](qsizetype n) {
            return QStringLiteral("2026-03-%1T00:00:00.000Z").arg(n, 2, 10, QLatin1Char('0'));
        };
        if (auto s = db.execute(
                QStringLiteral("INSERT INTO strategy_performance (strategy_id, version, period_start, "
                               "period_end, period_type, total_return, total_return_pct, winning_trades, "
                               "total_trades, signal_generator_contribution, risk_manager_contribution, "
                               "position_sizer_contribution) VALUES (?, 'v', ?, ?, ?, 0, ?, ?, ?, ?, ?, ?)"),
                {id, day(i + 2), day(i + 3), type, d.returnPct, d.winning, d.trades, d.signal, d.risk,
                 d.sizer});
            !s)
            return s;
    }
    return {};
}

/// One performance row as written, for the rows the readers must skip: `returnSql` is put into the
/// statement as is (an engine's spelling of a value that is not a number).
inline Status addRow(Database& db, const QString& id, const QString& start, const QString& end,
                     const QString& type, const QString& returnSql, int winning, int trades)
{
    return db.execute(
        QStringLiteral("INSERT INTO strategy_performance (strategy_id, version, period_start, period_end, "
                       "period_type, total_return, total_return_pct, winning_trades, total_trades) "
                       "VALUES (?, 'v', ?, ?, ?, 0, %1, ?, ?)")
            .arg(returnSql),
        {id, start, end, type, winning, trades});
}

inline Status addLineage(Database& db, const QString& ancestor, const QString& descendant,
                         const QString& type, int distance, const QVariant& improvement, const QVariant& risk,
                         const QString& reason)
{
    return db.execute(
        QStringLiteral("INSERT INTO strategy_lineage (ancestor_id, descendant_id, relationship_type, "
                       "generation_distance, created_at, evolution_reason, performance_improvement, "
                       "risk_change) VALUES (?, ?, ?, ?, '2026-03-01T00:00:00.000Z', ?, ?, ?)"),
        {ancestor, descendant, type, distance, reason, improvement, risk});
}

} // namespace strata::test
