#pragma once

#include <QList>
#include <QString>

#include "health/TableHealth.h"

namespace strata {

/// One line of the Health tab: a figure, its value, what it means for the operator, and whether it calls
/// for attention (many dead rows, bloat, free pages, a table read mostly by sequential scans).
struct HealthFigure
{
    QString name;
    QString value;
    QString note;
    bool attention = false;
};

/// The figures of a table's health in the order the Health tab shows them.
class HealthFigures
{
public:
    static QList<HealthFigure> of(const TableHealth& health, const QDateTime& now);

private:
    static QList<HealthFigure> postgres(const TableHealth& h, const QDateTime& now);
    static QList<HealthFigure> sqlite(const TableHealth& h);
};

} // namespace strata
