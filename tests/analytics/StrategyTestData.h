#pragma once

// What the sample-split, benchmark and storage tests share: a database of either engine with the strategy set
// applied (StrategyDatabase.h), and rows of strategy_registry, strategy_versions and strategy_performance
// written by hand.

#include <memory>

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QTimeZone>

#include "StrategyDatabase.h"
#include "connection/Database.h"

namespace strata::test {

/// As the strategy set stores times on SQLite; PostgreSQL reads the same text into its timestamptz.
inline QString isoTime(const QDateTime& t)
{
    return t.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz'Z'"));
}

inline QDateTime utc(const QDate& day, int hour = 0, int minute = 0, int second = 0)
{
    return QDateTime(day, QTime(hour, minute, second), QTimeZone::utc());
}

/// One strategy_registry row; `parentId` empty for a root.
inline Status insertStrategy(Database& db, const QString& id, const QString& version, const QString& parentId,
                             const QDateTime& createdAt)
{
    return db.execute(
        QStringLiteral("INSERT INTO strategy_registry (strategy_id, name, version, parent_id, created_at, "
                       "created_by, status, signal_generator_config, risk_manager_config, "
                       "position_sizer_config, regime_detector_config, config_hash, component_hash) VALUES "
                       "(?, ?, ?, ?, ?, 'quant', 'PRODUCTION', '{}', '{}', '{}', '{}', 'c', 'k')"),
        {id, QStringLiteral("Strategy ") + id, version,
         parentId.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(parentId),
         isoTime(createdAt)});
}

inline Status insertVersion(Database& db, const QString& id, const QString& version,
                            const QDateTime& createdAt)
{
    return db.execute(
        QStringLiteral("INSERT INTO strategy_versions (strategy_id, version, created_at, changes) "
                       "VALUES (?, ?, ?, '{}')"),
        {id, version, isoTime(createdAt)});
}

/// One daily strategy_performance row: the period is the whole UTC day, its return `ret` (a fraction).
/// `testParameters` is JSON text, or empty for NULL.
inline Status insertDay(Database& db, const QString& id, const QString& version, const QDate& day, double ret,
                        const QString& testParameters = {})
{
    return db.execute(
        QStringLiteral("INSERT INTO strategy_performance (strategy_id, version, period_start, period_end, "
                       "period_type, total_return, total_return_pct, sharpe_ratio, max_drawdown, win_rate, "
                       "volatility, total_trades, winning_trades, losing_trades, test_parameters) VALUES "
                       "(?, ?, ?, ?, 'daily', ?, ?, 0, 0, ?, 0, 1, ?, ?, ?)"),
        {id, version, isoTime(utc(day)), isoTime(utc(day, 23, 59, 59)), ret * 100000, ret * 100,
         ret > 0 ? 1.0 : 0.0, ret > 0 ? 1 : 0, ret > 0 ? 0 : 1,
         testParameters.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(testParameters)});
}

} // namespace strata::test
