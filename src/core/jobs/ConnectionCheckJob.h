#pragma once

#include "jobs/DatabaseJob.h"

namespace strata {

/// "Test connection": opens the database (the runner does) and reads what it is, changing nothing.
class ConnectionCheckJob final : public DatabaseJob
{
public:
    QString title() const override { return QStringLiteral("Testing the connection"); }
    Status run(Database& db, const Progress& progress) override;
    /// e.g. "SQLite 3.40.1, 9 tables" (after a successful run).
    QString description() const { return m_description; }

private:
    QString m_description;
};

} // namespace strata
