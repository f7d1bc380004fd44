#pragma once

#include <QString>
#include <QVariantList>

#include "common/Progress.h"
#include "common/Result.h"
#include "connection/Database.h"

namespace strata {

/// Runs the catalog questions of one schema read (resources/sql/<dialect>/schema_*.sql) in turn: reports
/// each one to the progress and stops before the next when the caller cancelled.
class CatalogQueries
{
public:
    /// `total`: how many questions the read asks, for the progress; `subject`: what is read, for messages
    /// ("the schema of sqlite:/data/state.db", "the table trades").
    CatalogQueries(Database& db, const Progress& progress, int total, QString subject);

    /// One question, with `params` bound in order (SQLite ?1, ?2; PostgreSQL $1, $2).
    Result<QueryRows> run(const QString& name, const QVariantList& params = {});

private:
    Database& m_db;
    const Progress& m_progress;
    int m_total;
    int m_done = 0;
    QString m_subject;
};

} // namespace strata
