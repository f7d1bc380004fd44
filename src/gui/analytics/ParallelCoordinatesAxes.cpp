#include "analytics/ParallelCoordinatesAxes.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <QHash>

#include "analytics/FamilyTableModel.h"

namespace strata {

namespace {

constexpr double axesNan = std::numeric_limits<double>::quiet_NaN();

} // namespace

QList<ParallelCoordinatesAxis> ParallelCoordinatesAxes::build(const FamilyView& family, int maxParameterAxes,
                                                              int* leftOut)
{
    QList<ParallelCoordinatesAxis> axes;
    *leftOut = 0;
    const QList<FamilyView::Member>& members = family.members;
    // A parameter varies when two members differ on it (one lacking it counts as a difference).
    for (const QString& name : family.parameterNames) {
        bool varies = false;
        bool numeric = true;
        const QJsonValue first = members.isEmpty() ? QJsonValue() : members.first().parameters.value(name);
        for (const FamilyView::Member& m : members) {
            const QJsonValue v = m.parameters.value(name);
            varies = varies || v != first;
            numeric = numeric && (v.isDouble() || v.isUndefined());
        }
        if (!varies)
            continue;
        if (axes.size() >= maxParameterAxes) {
            ++*leftOut;
            continue;
        }
        ParallelCoordinatesAxis axis;
        axis.key = name;
        axis.title = name.section(QLatin1Char('.'), -1);
        // A text parameter: its values sorted, each member at its value's place (looked up, not searched).
        QHash<QString, int> place;
        if (!numeric) {
            for (const FamilyView::Member& m : members)
                if (const QJsonValue v = m.parameters.value(name); !v.isUndefined())
                    place.insert(FamilyTableModel::formatParameter(v), 0);
            axis.categories = place.keys();
            axis.categories.sort();
            for (int i = 0; i < axis.categories.size(); ++i)
                place[axis.categories.at(i)] = i;
        }
        for (const FamilyView::Member& m : members) {
            const QJsonValue v = m.parameters.value(name);
            axis.position << (v.isUndefined() ? axesNan
                              : numeric       ? v.toDouble()
                                              : double(place.value(FamilyTableModel::formatParameter(v))));
        }
        axes << axis;
    }
    for (const QString& key :
         {QStringLiteral("sharpe"), QStringLiteral("cagr"), QStringLiteral("max_drawdown"),
          QStringLiteral("volatility"), QStringLiteral("win_rate")}) {
        ParallelCoordinatesAxis axis;
        axis.key = key;
        axis.title =
            FamilyTableModel().headerData(FamilyTableModel().columnOf(key), Qt::Horizontal).toString();
        axis.isResult = true;
        for (const FamilyView::Member& m : members)
            axis.position << FamilyTableModel::result(m, key);
        axes << axis;
    }
    // Values to 0…1 along each axis; an axis whose members all agree is drawn at its middle.
    for (ParallelCoordinatesAxis& axis : axes) {
        double low = std::numeric_limits<double>::infinity();
        double high = -low;
        for (double v : std::as_const(axis.position))
            if (std::isfinite(v)) {
                low = std::min(low, v);
                high = std::max(high, v);
            }
        if (!axis.categories.isEmpty()) {
            low = 0;
            high = std::max<double>(1, static_cast<double>(axis.categories.size() - 1));
        }
        if (!std::isfinite(low)) {
            low = 0;
            high = 1;
        }
        const bool flat = high <= low;
        axis.low = low;
        axis.high = flat ? low : high;
        for (double& v : axis.position)
            v = !std::isfinite(v) ? axesNan : flat ? 0.5 : (v - low) / (high - low);
    }
    return axes;
}

} // namespace strata
