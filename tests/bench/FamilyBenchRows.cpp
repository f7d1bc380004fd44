#include "FamilyBenchRows.h"

#include <vector>

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include "strategy/StrategyBulkWriter.h"

namespace strata::bench {

QString day(int n)
{
    return QDate(2024, 1, 1).addDays(n).startOfDay(Qt::UTC).toString(Qt::ISODateWithMs);
}

QString strategyId(int n)
{
    return QStringLiteral("fam-%1").arg(n, 5, 10, QLatin1Char('0'));
}

/// A family of `members` versions under fam-00000: version i descends from (i - 1) / 3 (a tree of depth
/// log3 n, each with lineage rows to every ancestor as the application writes them), every seventh also
/// merges i - 2; then `kOutsiders` strategies of a family of their own.
Status writeFamily(Database& db, int members, int days)
{
    const int total = members + kOutsiders;
    auto registry = StrategyBulkWriter::open(
        db, QStringLiteral("strategy_registry"),
        {"strategy_id", "name", "version", "parent_id", "created_at", "created_by", "status",
         "signal_generator_config", "risk_manager_config", "position_sizer_config", "regime_detector_config",
         "parameters", "config_hash", "component_hash"});
    if (!registry)
        return registry.error();
    std::vector<int> parent(size_t(total), -1);
    for (int i = 0; i < total; ++i) {
        const int local = i < members ? i : i - members;
        const int base = i < members ? 0 : members;
        parent[size_t(i)] = local == 0 ? -1 : base + (local - 1) / 3;
        auto& w = **registry;
        w.text(strategyId(i));
        w.text(i < members ? QStringLiteral("Family") : QStringLiteral("Outsider"));
        w.text(QStringLiteral("1.%1").arg(i));
        w.textOrNull(parent[size_t(i)] < 0 ? QString() : strategyId(parent[size_t(i)]));
        w.text(
            QDateTime(QDate(2023, 1, 1), QTime(0, 0), Qt::UTC).addSecs(i * 60).toString(Qt::ISODateWithMs));
        w.text(QStringLiteral("bench"));
        w.text(QStringLiteral("TESTING"));
        w.text(QStringLiteral("{\"kind\": \"momentum\"}"));
        w.text(QStringLiteral("{\"stop\": 2}"));
        w.text(QStringLiteral("{}"));
        w.text(QStringLiteral("{}"));
        const QJsonObject params{{"lookback", 10 + i % 30},
                                 {"stop_loss_pct", 1 + (i % 5) * 0.5},
                                 {"symbol", "BTC"},
                                 {"risk", QJsonObject{{"max_positions", 2 + i % 4}}}};
        w.text(QJsonDocument(params).toJson(QJsonDocument::Compact));
        w.text(QStringLiteral("h%1").arg(i));
        w.text(QStringLiteral("c%1").arg(i));
        if (auto row = w.endRow(); !row)
            return row;
    }
    if (auto done = (*registry)->finish(); !done)
        return done;

    auto lineage =
        StrategyBulkWriter::open(db, QStringLiteral("strategy_lineage"),
                                 {"ancestor_id", "descendant_id", "relationship_type", "generation_distance",
                                  "created_at", "performance_improvement", "risk_change"});
    if (!lineage)
        return lineage.error();
    for (int i = 0; i < total; ++i) {
        QSet<int> ancestors;
        int distance = 1;
        for (int a = parent[size_t(i)]; a >= 0; a = parent[size_t(a)], ++distance) {
            ancestors.insert(a);
            auto& w = **lineage;
            w.text(strategyId(a));
            w.text(strategyId(i));
            w.text(distance == 1 ? QStringLiteral("mutation") : QStringLiteral("ancestor"));
            w.integer(distance);
            w.text(day(0));
            w.real(0.01 * (i % 7) - 0.03);
            w.real(0.005 * (i % 5) - 0.01);
            if (auto row = w.endRow(); !row)
                return row;
        }
        const int merged = i - 2;
        if (i < members && i % 7 == 0 && merged > 0 && !ancestors.contains(merged)) {
            auto& w = **lineage;
            w.text(strategyId(merged));
            w.text(strategyId(i));
            w.text(QStringLiteral("merge"));
            w.integer(1);
            w.text(day(0));
            w.null();
            w.null();
            if (auto row = w.endRow(); !row)
                return row;
        }
    }
    if (auto done = (*lineage)->finish(); !done)
        return done;

    auto perf = StrategyBulkWriter::open(db, QStringLiteral("strategy_performance"),
                                         {"strategy_id", "version", "period_start", "period_end",
                                          "period_type", "total_return", "total_return_pct", "winning_trades",
                                          "total_trades", "signal_generator_contribution",
                                          "risk_manager_contribution", "position_sizer_contribution"});
    if (!perf)
        return perf.error();
    QStringList dates;
    for (int d = 0; d <= days; ++d)
        dates << day(d);
    quint64 state = 42;
    for (int i = 0; i < total; ++i) {
        const QByteArray id = strategyId(i).toUtf8();
        for (int d = 0; d < days; ++d) {
            state = state * 6364136223846793005ULL + 1442695040888963407ULL;
            const double r = (double(state >> 11) / double(1ULL << 53) - 0.49) * 0.04; // about ±2 %
            auto& w = **perf;
            w.text(id);
            w.text(QByteArrayLiteral("1"));
            w.text(dates.at(d));
            w.text(dates.at(d + 1));
            w.text(QByteArrayLiteral("daily"));
            w.real(r * 1000);
            w.real(r * 100);
            w.integer(int(state % 4));
            w.integer(4);
            w.real(r * 0.5);
            w.real(r * 0.2);
            w.real(r * 0.3);
            if (auto row = w.endRow(); !row)
                return row;
        }
    }
    return (*perf)->finish();
}

} // namespace strata::bench
