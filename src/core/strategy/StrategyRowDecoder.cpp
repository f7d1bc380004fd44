#include "strategy/StrategyRowDecoder.h"

#include <algorithm>
#include <cmath>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

namespace strata {

namespace {

QString text(const QVariant& value)
{
    return value.isNull() ? QString() : value.toString();
}

/// The SELECT expression of a timestamp column: SQLite stores ISO-8601 text already; PostgreSQL formats its
/// timestamptz in UTC the same way, whatever the session's TimeZone and DateStyle.
QString timeColumn(Dialect dialect, const QString& column)
{
    if (dialect == Dialect::Sqlite)
        return column;
    return QStringLiteral("to_char(%1 AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') AS %1")
        .arg(column);
}

QString joinColumns(Dialect dialect, const QStringList& columns, const QStringList& times)
{
    QStringList out;
    for (const QString& c : columns)
        out << (times.contains(c) ? timeColumn(dialect, c) : c);
    return out.join(QStringLiteral(", "));
}

void checkJson(QStringList& problems, const QString& column, const JsonField& field)
{
    if (!field.error.isEmpty())
        problems << QStringLiteral("%1 is not valid JSON: %2").arg(column, field.error);
}

QDateTime checkedTime(QStringList& problems, const QString& column, const QVariant& value)
{
    const QDateTime t = StrategyRowDecoder::time(value);
    if (!t.isValid())
        problems << (value.isNull() ? QStringLiteral("%1 is NULL").arg(column)
                                    : QStringLiteral("%1 \"%2\" is not a time").arg(column, text(value)));
    return t;
}

} // namespace

QString StrategyRowDecoder::registryColumns(Dialect dialect)
{
    return joinColumns(
        dialect,
        {QStringLiteral("id"),
         QStringLiteral("strategy_id"),
         QStringLiteral("name"),
         QStringLiteral("version"),
         QStringLiteral("parent_id"),
         QStringLiteral("lineage_path"),
         QStringLiteral("branch_name"),
         QStringLiteral("merge_source"),
         QStringLiteral("created_at"),
         QStringLiteral("created_by"),
         QStringLiteral("description"),
         QStringLiteral("tags"),
         dialect == Dialect::Sqlite ? QStringLiteral("status") : QStringLiteral("status::text"),
         QStringLiteral("signal_generator_config"),
         QStringLiteral("risk_manager_config"),
         QStringLiteral("position_sizer_config"),
         QStringLiteral("regime_detector_config"),
         QStringLiteral("parameters"),
         QStringLiteral("performance_summary"),
         QStringLiteral("validation_results"),
         QStringLiteral("config_hash"),
         QStringLiteral("component_hash")},
        {QStringLiteral("created_at")});
}

QString StrategyRowDecoder::lineageColumns(Dialect dialect)
{
    return joinColumns(dialect,
                       {QStringLiteral("id"), QStringLiteral("ancestor_id"), QStringLiteral("descendant_id"),
                        QStringLiteral("relationship_type"), QStringLiteral("generation_distance"),
                        QStringLiteral("created_at"), QStringLiteral("evolution_reason"),
                        QStringLiteral("change_impact"), QStringLiteral("performance_improvement"),
                        QStringLiteral("risk_change")},
                       {QStringLiteral("created_at")});
}

QString StrategyRowDecoder::versionColumns(Dialect dialect)
{
    return joinColumns(dialect,
                       {QStringLiteral("id"), QStringLiteral("strategy_id"), QStringLiteral("version"),
                        QStringLiteral("created_at"), QStringLiteral("changes"),
                        QStringLiteral("performance_delta"), QStringLiteral("is_major"),
                        QStringLiteral("component_changes"), QStringLiteral("parameter_changes")},
                       {QStringLiteral("created_at")});
}

QString StrategyRowDecoder::performanceColumns(Dialect dialect)
{
    return joinColumns(dialect,
                       {QStringLiteral("id"),
                        QStringLiteral("strategy_id"),
                        QStringLiteral("version"),
                        QStringLiteral("period_start"),
                        QStringLiteral("period_end"),
                        QStringLiteral("period_type"),
                        QStringLiteral("total_return"),
                        QStringLiteral("total_return_pct"),
                        QStringLiteral("sharpe_ratio"),
                        QStringLiteral("max_drawdown"),
                        QStringLiteral("win_rate"),
                        QStringLiteral("total_trades"),
                        QStringLiteral("winning_trades"),
                        QStringLiteral("losing_trades"),
                        QStringLiteral("avg_trade_duration_hours"),
                        QStringLiteral("volatility"),
                        QStringLiteral("sortino_ratio"),
                        QStringLiteral("calmar_ratio"),
                        QStringLiteral("var_95"),
                        QStringLiteral("regime_performance"),
                        QStringLiteral("additional_metrics"),
                        QStringLiteral("test_symbol"),
                        QStringLiteral("test_timeframe"),
                        QStringLiteral("signal_generator_contribution"),
                        QStringLiteral("risk_manager_contribution"),
                        QStringLiteral("position_sizer_contribution"),
                        QStringLiteral("test_parameters")},
                       {QStringLiteral("period_start"), QStringLiteral("period_end")});
}

JsonField StrategyRowDecoder::json(const QVariant& value)
{
    JsonField field;
    if (value.isNull())
        return field;
    field.raw = value.toString();
    QJsonParseError error;
    const QByteArray utf8 = field.raw.toUtf8();
    // QJsonDocument only takes objects and arrays; wrapping the text also accepts JSON scalars ("3", "null").
    const QJsonDocument doc = QJsonDocument::fromJson("[" + utf8 + "]", &error);
    if (error.error != QJsonParseError::NoError || doc.array().size() != 1) {
        const qsizetype offset = error.error != QJsonParseError::NoError ? error.offset - 1 : utf8.size();
        field.error =
            QStringLiteral("%1 at offset %2")
                .arg(error.error != QJsonParseError::NoError ? error.errorString()
                                                             : QStringLiteral("more than one value"))
                .arg(std::max<qsizetype>(0, offset));
        return field;
    }
    field.value = doc.array().first();
    return field;
}

QDateTime StrategyRowDecoder::time(const QVariant& value)
{
    if (value.isNull())
        return {};
    const QString t = value.toString().trimmed();
    QDateTime parsed = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (!parsed.isValid()) // PostgreSQL's own output, and SQLite's strftime('%Y-%m-%d %H:%M:%S')
        parsed =
            QDateTime::fromString(QString(t).replace(QLatin1Char(' '), QLatin1Char('T')), Qt::ISODateWithMs);
    if (parsed.isValid() && parsed.timeSpec() == Qt::LocalTime) // no zone written: UTC by the set's rule
        parsed.setTimeZone(QTimeZone::utc());
    return parsed.isValid() ? parsed.toUTC() : QDateTime();
}

std::optional<double> StrategyRowDecoder::number(const QVariant& value)
{
    if (value.isNull())
        return std::nullopt;
    bool ok = false;
    const double d =
        value.typeId() == QMetaType::QString ? value.toString().trimmed().toDouble(&ok) : value.toDouble(&ok);
    if (!ok)
        return std::nullopt;
    return d;
}

bool StrategyRowDecoder::boolean(const QVariant& value)
{
    if (value.typeId() == QMetaType::QString) {
        const QString t = value.toString().trimmed().toLower();
        return t == QLatin1String("t") || t == QLatin1String("true") || t == QLatin1String("1");
    }
    return value.toLongLong() != 0;
}

StrategyRecord StrategyRowDecoder::registry(const QVariantList& row)
{
    StrategyRecord r;
    r.id = row.value(0).toLongLong();
    r.strategyId = text(row.value(1));
    r.name = text(row.value(2));
    r.version = text(row.value(3));
    r.parentId = text(row.value(4));
    r.lineagePath = json(row.value(5));
    r.branchName = text(row.value(6));
    r.mergeSource = text(row.value(7));
    r.createdAt = checkedTime(r.problems, QStringLiteral("created_at"), row.value(8));
    r.createdBy = text(row.value(9));
    r.description = text(row.value(10));
    r.tags = json(row.value(11));
    r.statusText = text(row.value(12));
    r.status = parseStrategyStatus(r.statusText);
    if (!r.status)
        r.problems << QStringLiteral("status \"%1\" is not a strategystatus value (EXPERIMENTAL, TESTING, "
                                     "PRODUCTION, RETIRED, DEPRECATED)")
                          .arg(r.statusText);
    r.signalGeneratorConfig = json(row.value(13));
    r.riskManagerConfig = json(row.value(14));
    r.positionSizerConfig = json(row.value(15));
    r.regimeDetectorConfig = json(row.value(16));
    r.parameters = json(row.value(17));
    r.performanceSummary = json(row.value(18));
    r.validationResults = json(row.value(19));
    r.configHash = text(row.value(20));
    r.componentHash = text(row.value(21));
    checkJson(r.problems, QStringLiteral("lineage_path"), r.lineagePath);
    checkJson(r.problems, QStringLiteral("tags"), r.tags);
    checkJson(r.problems, QStringLiteral("signal_generator_config"), r.signalGeneratorConfig);
    checkJson(r.problems, QStringLiteral("risk_manager_config"), r.riskManagerConfig);
    checkJson(r.problems, QStringLiteral("position_sizer_config"), r.positionSizerConfig);
    checkJson(r.problems, QStringLiteral("regime_detector_config"), r.regimeDetectorConfig);
    checkJson(r.problems, QStringLiteral("parameters"), r.parameters);
    checkJson(r.problems, QStringLiteral("performance_summary"), r.performanceSummary);
    checkJson(r.problems, QStringLiteral("validation_results"), r.validationResults);
    if (r.parentId == r.strategyId && !r.parentId.isEmpty())
        r.problems << QStringLiteral("parent_id is the strategy itself");
    return r;
}

LineageEdge StrategyRowDecoder::lineage(const QVariantList& row)
{
    LineageEdge e;
    e.id = row.value(0).toLongLong();
    e.ancestorId = text(row.value(1));
    e.descendantId = text(row.value(2));
    e.relationshipType = text(row.value(3));
    const auto distance = number(row.value(4));
    e.generationDistance = distance ? static_cast<int>(*distance) : 0;
    if (!distance || *distance < 1)
        e.problems << QStringLiteral("generation_distance %1 is not a positive number of generations")
                          .arg(row.value(4).isNull() ? QStringLiteral("NULL") : text(row.value(4)));
    e.createdAt = checkedTime(e.problems, QStringLiteral("created_at"), row.value(5));
    e.evolutionReason = text(row.value(6));
    e.changeImpact = json(row.value(7));
    checkJson(e.problems, QStringLiteral("change_impact"), e.changeImpact);
    e.performanceImprovement = number(row.value(8));
    e.riskChange = number(row.value(9));
    if (e.ancestorId == e.descendantId)
        e.problems << QStringLiteral("the strategy %1 is its own ancestor").arg(e.ancestorId);
    return e;
}

StrategyVersionRecord StrategyRowDecoder::version(const QVariantList& row)
{
    StrategyVersionRecord v;
    v.id = row.value(0).toLongLong();
    v.strategyId = text(row.value(1));
    v.version = text(row.value(2));
    v.createdAt = checkedTime(v.problems, QStringLiteral("created_at"), row.value(3));
    v.changes = json(row.value(4));
    v.performanceDelta = json(row.value(5));
    v.isMajor = boolean(row.value(6));
    v.componentChanges = json(row.value(7));
    v.parameterChanges = json(row.value(8));
    checkJson(v.problems, QStringLiteral("changes"), v.changes);
    checkJson(v.problems, QStringLiteral("performance_delta"), v.performanceDelta);
    checkJson(v.problems, QStringLiteral("component_changes"), v.componentChanges);
    checkJson(v.problems, QStringLiteral("parameter_changes"), v.parameterChanges);
    return v;
}

PerformancePeriod StrategyRowDecoder::performance(const QVariantList& row)
{
    PerformancePeriod p;
    p.id = row.value(0).toLongLong();
    p.strategyId = text(row.value(1));
    p.version = text(row.value(2));
    p.periodStart = checkedTime(p.problems, QStringLiteral("period_start"), row.value(3));
    p.periodEnd = checkedTime(p.problems, QStringLiteral("period_end"), row.value(4));
    if (!p.periodStart.isValid() || !p.periodEnd.isValid())
        p.usable = false;
    else if (p.periodEnd < p.periodStart) {
        p.usable = false;
        p.problems << QStringLiteral("period_end %1 is before period_start %2")
                          .arg(p.periodEnd.toString(Qt::ISODate), p.periodStart.toString(Qt::ISODate));
    }
    p.periodType = text(row.value(5));
    // The return is what every chart is drawn from: without it the row cannot be used.
    const auto ret = number(row.value(6));
    const auto retPct = number(row.value(7));
    if (!retPct || !std::isfinite(*retPct)) {
        p.usable = false;
        p.problems
            << (row.value(7).isNull()
                    ? QStringLiteral("total_return_pct is NULL")
                    : QStringLiteral("total_return_pct \"%1\" is not a number").arg(text(row.value(7))));
    }
    if (!ret)
        p.problems << QStringLiteral("total_return is NULL");
    p.totalReturn = ret.value_or(0);
    p.totalReturnPct = retPct.value_or(0);
    p.sharpeRatio = number(row.value(8));
    p.maxDrawdown = number(row.value(9));
    p.winRate = number(row.value(10));
    p.totalTrades = row.value(11).toInt();
    p.winningTrades = row.value(12).toInt();
    p.losingTrades = row.value(13).toInt();
    p.avgTradeDurationHours = number(row.value(14));
    p.volatility = number(row.value(15));
    p.sortinoRatio = number(row.value(16));
    p.calmarRatio = number(row.value(17));
    p.var95 = number(row.value(18));
    // NULL-able in the schema, but every period of a run has them: a NULL means the row was written badly.
    if (!p.sharpeRatio)
        p.problems << QStringLiteral("sharpe_ratio is NULL");
    if (!p.maxDrawdown)
        p.problems << QStringLiteral("max_drawdown is NULL");
    if (!p.volatility)
        p.problems << QStringLiteral("volatility is NULL");
    if (!p.winRate && p.totalTrades > 0)
        p.problems << QStringLiteral("win_rate is NULL although the period has %1 trades").arg(p.totalTrades);
    if (p.totalTrades < 0 || p.winningTrades < 0 || p.losingTrades < 0)
        p.problems << QStringLiteral("a trade count is negative");
    else if (p.winningTrades + p.losingTrades > p.totalTrades)
        p.problems << QStringLiteral("winning_trades + losing_trades (%1) exceed total_trades (%2)")
                          .arg(p.winningTrades + p.losingTrades)
                          .arg(p.totalTrades);
    p.regimePerformance = json(row.value(19));
    p.additionalMetrics = json(row.value(20));
    checkJson(p.problems, QStringLiteral("regime_performance"), p.regimePerformance);
    checkJson(p.problems, QStringLiteral("additional_metrics"), p.additionalMetrics);
    p.testSymbol = text(row.value(21));
    p.testTimeframe = text(row.value(22));
    p.signalContribution = number(row.value(23));
    p.riskContribution = number(row.value(24));
    p.sizerContribution = number(row.value(25));
    p.testParameters = json(row.value(26));
    checkJson(p.problems, QStringLiteral("test_parameters"), p.testParameters);
    return p;
}

} // namespace strata
