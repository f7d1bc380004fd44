#pragma once

#include <algorithm>
#include <vector>

#include <QString>

#include "browse/PageFetch.h"
#include "connection/ConnectionUrl.h"

namespace strata {

/// The data grid benchmark's references: the statements the grid ran, run again without Strata (the
/// sqlite3 C API or libpq directly, values read but not converted), and through the sqlite3 or psql
/// command-line tools.
class BenchRaw
{
public:
    struct Series
    {
        std::vector<double> values;
        void add(double value) { values.push_back(value); }
        double at(double q) const
        {
            if (values.empty())
                return 0;
            std::vector<double> v = values;
            std::sort(v.begin(), v.end());
            return v[std::min(v.size() - 1, size_t(q * double(v.size() - 1) + 0.5))];
        }
        QString line(const QString& unit) const
        {
            return QStringLiteral("n=%1 p50=%2 p99=%3 max=%4 %5")
                .arg(values.size())
                .arg(at(0.5), 0, 'f', 3)
                .arg(at(0.99), 0, 'f', 3)
                .arg(at(1.0), 0, 'f', 3)
                .arg(unit);
        }
    };
    struct Figures
    {
        QString how;
        Series perPage;                ///< ms, the statements of one page, raw
        QString cliName;               ///< "sqlite3", "psql"
        double cliMsPerStatement = -1; ///< wall time of the tool over all statements, less its start-up
    };

    static Figures run(const ConnectionUrl& url, const std::vector<SqlStatement>& statements,
                       const std::vector<PageFetch>& fetches);
    /// The statement with its values written in, for the command-line tools.
    static QString inlined(const SqlStatement& statement);
};

} // namespace strata
