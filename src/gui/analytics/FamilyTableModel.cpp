#include "analytics/FamilyTableModel.h"

#include <cmath>
#include <limits>

#include <QBrush>
#include <QFont>
#include <QJsonArray>
#include <QJsonValue>

#include "strategy/ChartStyle.h"
#include "theme/Theme.h"

namespace strata {

namespace {

QString familyResultTitle(const QString& key)
{
    static const QHash<QString, QString> titles = {
        {QStringLiteral("sharpe"), QStringLiteral("Sharpe")},
        {QStringLiteral("cagr"), QStringLiteral("CAGR")},
        {QStringLiteral("max_drawdown"), QStringLiteral("Max drawdown")},
        {QStringLiteral("volatility"), QStringLiteral("Volatility")},
        {QStringLiteral("win_rate"), QStringLiteral("Win rate")},
        {QStringLiteral("sortino"), QStringLiteral("Sortino")},
        {QStringLiteral("total_return"), QStringLiteral("Total return")},
        {QStringLiteral("days"), QStringLiteral("Days")},
    };
    return titles.value(key, key);
}

bool familyIsPercent(const QString& key)
{
    return key == QLatin1String("cagr") || key == QLatin1String("max_drawdown") ||
           key == QLatin1String("volatility") || key == QLatin1String("win_rate") ||
           key == QLatin1String("total_return");
}

/// NaN and text sort before every number.
double familySortable(double value)
{
    return std::isfinite(value) ? value : -std::numeric_limits<double>::max();
}

} // namespace

FamilyTableModel::FamilyTableModel(QObject* parent) : QAbstractTableModel(parent) {}

const QStringList& FamilyTableModel::resultKeys()
{
    static const QStringList keys = {QStringLiteral("sharpe"),       QStringLiteral("cagr"),
                                     QStringLiteral("max_drawdown"), QStringLiteral("volatility"),
                                     QStringLiteral("win_rate"),     QStringLiteral("sortino"),
                                     QStringLiteral("total_return"), QStringLiteral("days")};
    return keys;
}

void FamilyTableModel::setFamily(const FamilyView& family)
{
    beginResetModel();
    m_family = family;
    endResetModel();
}

int FamilyTableModel::columnOf(const QString& key) const
{
    if (const qsizetype r = resultKeys().indexOf(key); r >= 0)
        return firstResultColumn + static_cast<int>(r);
    if (const qsizetype p = m_family.parameterNames.indexOf(key); p >= 0)
        return firstParameterColumn() + static_cast<int>(p);
    return -1;
}

double FamilyTableModel::result(const FamilyView::Member& m, const QString& key)
{
    if (key == QLatin1String("sharpe"))
        return m.sharpe;
    if (key == QLatin1String("cagr"))
        return m.cagr;
    if (key == QLatin1String("max_drawdown"))
        return m.maxDrawdown;
    if (key == QLatin1String("volatility"))
        return m.volatility;
    if (key == QLatin1String("win_rate"))
        return m.winRate;
    if (key == QLatin1String("sortino"))
        return m.sortino;
    if (key == QLatin1String("total_return"))
        return m.totalReturn;
    if (key == QLatin1String("days"))
        return m.days;
    return std::numeric_limits<double>::quiet_NaN();
}

QString FamilyTableModel::formatResult(const QString& key, double value)
{
    if (key == QLatin1String("days"))
        return QString::number(static_cast<qint64>(value));
    return familyIsPercent(key) ? chartstyle::percent(value, 1) : chartstyle::ratio(value, 2);
}

QString FamilyTableModel::formatParameter(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', 6);
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Array:
        return QStringLiteral("[%1 values]").arg(value.toArray().size());
    case QJsonValue::Object:
        return QStringLiteral("{…}");
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

int FamilyTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_family.members.size());
}

int FamilyTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : firstParameterColumn() + static_cast<int>(m_family.parameterNames.size());
}

QVariant FamilyTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_family.members.size())
        return {};
    const FamilyView::Member& m = m_family.members.at(index.row());
    const int c = index.column();
    if (c < firstResultColumn) {
        if (role == SortRole)
            return c == generationColumn ? QVariant(double(m.generation))
                                         : QVariant(c == idColumn        ? m.strategyId
                                                    : c == versionColumn ? m.version
                                                                         : m.relationship);
        if (role == Qt::DisplayRole) {
            switch (c) {
            case generationColumn:
                return m.generation;
            case idColumn:
                return m.strategyId;
            case versionColumn:
                return m.version;
            default:
                return m.parentId.isEmpty() ? tr("root") : m.relationship;
            }
        }
        if (role == Qt::ToolTipRole)
            return tr("%1 — %2 v%3, generation %4%5")
                .arg(m.strategyId, m.name, m.version)
                .arg(m.generation)
                .arg(m.parentId.isEmpty() ? QString() : tr(", %1 of %2").arg(m.relationship, m.parentId));
        if (role == Qt::FontRole && m.parentId.isEmpty()) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    }
    if (c < firstParameterColumn()) {
        const QString& key = resultKeys().at(c - firstResultColumn);
        const double value = result(m, key);
        if (role == Qt::DisplayRole)
            return formatResult(key, value);
        if (role == SortRole)
            return familySortable(value);
        if (role == Qt::TextAlignmentRole)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    const QString& name = m_family.parameterNames.at(c - firstParameterColumn());
    const QJsonValue value = m.parameters.value(name);
    const bool changed = m.changed.contains(name);
    switch (role) {
    case Qt::DisplayRole:
        return changed ? QStringLiteral("● ") + formatParameter(value) : formatParameter(value);
    case SortRole:
        return value.isDouble() ? QVariant(value.toDouble()) : QVariant(formatParameter(value));
    case ChangedRole:
        return changed;
    case Qt::TextAlignmentRole:
        return QVariant((value.isDouble() ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    case Qt::FontRole:
        if (changed) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::BackgroundRole:
        if (changed)
            return QBrush(Theme::isDark() ? QColor(0x4a, 0x3a, 0x1c) : QColor(0xfd, 0xf0, 0xd5));
        return {};
    case Qt::ToolTipRole:
        return changed ? tr("%1 changed from its parent %2").arg(name, m.parentId) : name;
    default:
        return {};
    }
}

QVariant FamilyTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case generationColumn:
            return tr("Gen.");
        case idColumn:
            return tr("Strategy");
        case versionColumn:
            return tr("Version");
        case relationshipColumn:
            return tr("From parent");
        default:
            break;
        }
        if (section < firstParameterColumn())
            return familyResultTitle(resultKeys().at(section - firstResultColumn));
        const QString name = m_family.parameterNames.value(section - firstParameterColumn());
        return name.section(QLatin1Char('.'), -1); // the full name is in the tooltip
    }
    if (role == Qt::ToolTipRole && section >= firstParameterColumn())
        return tr("Parameter %1 (● marks a value changed from the parent)")
            .arg(m_family.parameterNames.value(section - firstParameterColumn()));
    return {};
}

} // namespace strata
