#pragma once

#include <QJsonArray>
#include <QJsonObject>

#include "common/Error.h"
#include "migrations/HistoryStore.h"
#include "migrations/MigrationPlan.h"

namespace strata::cli {

/// The JSON shapes of strata-cli's documents (snake_case keys, stable for deploy scripts).
class JsonReport
{
public:
    static QJsonObject error(const Error& error);
    static QJsonObject step(const MigrationStep& step);
    /// The plan's repeatable scripts: each step's fields, whether it runs in this run, and why.
    static QJsonArray repeatables(const QList<PlannedRepeatable>& repeatables);
    /// ", in its own transaction", ", outside a transaction (<why>)", ", runs nothing ...": how a step runs.
    static QString howItRuns(const MigrationStep& step);
    static QJsonObject problem(const Problem& problem);
    static QJsonArray problems(const QList<Problem>& problems);
    static QJsonObject plan(const MigrationPlan& plan);
    static QJsonArray partialVersions(const QList<PartialVersion>& versions);
    static QJsonArray interruptedRuns(const QList<RunEntry>& runs);
    /// The interrupted runs as lines for the operator, each with what to do.
    static QString interruptedRunsText(const QList<RunEntry>& runs, const QString& indent);
    static QJsonObject versionRecord(const VersionRecord& record);
    static QJsonObject stepRecord(const StepRecord& record);
    static QJsonObject repeatableRecord(const RepeatableRecord& record);
    /// Other tools' history tables: tool, table, the format followed, and every row with its state.
    /// `appliedSteps` (ForeignApplied: slot -> tool) gives each tool's "applied" as the set's steps it
    /// applied (Alembic: every revision below a current one) and lists them; else its applied rows count.
    static QJsonArray otherTools(const QList<ForeignHistory>& tools,
                                 const QMap<QString, QString>& appliedSteps = {});
    /// The same as lines for the operator: the summary of each tool, then its rows that need attention.
    static QString otherToolsText(const QList<ForeignHistory>& tools, const QString& indent);
};

} // namespace strata::cli
