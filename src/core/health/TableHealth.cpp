#include "health/TableHealth.h"

#include <cmath>

namespace strata {

qint64 TableHealth::expectedPagesFor(qint64 rows, double width, int blockSize, int fillfactor)
{
    if (rows <= 0)
        return 0;
    const qint64 data = (qint64(std::ceil(width)) + 7) / 8 * 8;
    const qint64 perRow = 24 + data + 4;
    const qint64 usable = (blockSize - 24) * std::clamp(fillfactor, 10, 100) / 100;
    const qint64 rowsPerPage = std::max<qint64>(1, usable / perRow);
    return (rows + rowsPerPage - 1) / rowsPerPage;
}

qint64 TableHealth::estimatedBloatBytes() const
{
    if (!expectedPages)
        return -1;
    return std::max<qint64>(0, pages - *expectedPages) * blockSize;
}

double TableHealth::estimatedBloatPercent() const
{
    if (!expectedPages || pages <= 0)
        return 0;
    return 100.0 * double(std::max<qint64>(0, pages - *expectedPages)) / double(pages);
}

double TableHealth::fragmentationPercent() const
{
    return tablePages > 1 ? 100.0 * double(outOfOrderPages) / double(tablePages - 1) : 0;
}

} // namespace strata
