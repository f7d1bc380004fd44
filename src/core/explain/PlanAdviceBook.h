#pragma once

#include <QList>
#include <QString>

#include "schema/IndexAdvice.h"

namespace strata {

/// The index advice the plans explained in this session gave, per database (ConnectionUrl::display()), so
/// that the Schema tab lists it with a table's own advice (IndexAdviceContext::fromPlans) however the
/// operator gets there: from the plan's "Index map of" link or later through the schema tree. Kept in
/// memory for the app's run only: a plan's advice is about a query the operator is looking at now. Advice
/// the table no longer needs (its index was created since) is dropped by IndexAdvisor, not here.
/// Thread-safe.
class PlanAdviceBook
{
public:
    /// Adds `advice`; advice for the same table and columns is replaced.
    static void record(const QString& database, const QList<IndexAdvice>& advice);
    /// The advice recorded for one table (SQLite: the table's name in any case).
    static QList<IndexAdvice> adviceFor(const QString& database, const QString& schema, const QString& table);
    /// Forgets everything recorded for `database` (empty: for every database).
    static void forget(const QString& database = {});
};

} // namespace strata
