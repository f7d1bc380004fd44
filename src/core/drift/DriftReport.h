#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include "drift/DriftItem.h"

namespace strata {

/// What a drift check found: the steps it replayed into the scratch database, and every difference
/// between that database's catalog and the live one, in a stable order.
struct DriftReport
{
    QString database;               ///< the live database, for messages
    QString setName;                ///< the migration set replayed
    QList<qint64> replayedVersions; ///< ascending
    QStringList replayedSteps;      ///< "1.1", "2.1"… in the order they ran
    QString scratch; ///< where they ran ("a temporary SQLite file", "database strata_drift_…")
    /// What the operator should know to read the report: steps changed since they were applied, pending
    /// steps, dirty steps left out of the replay.
    QStringList notes;
    QList<DriftItem> items;

    bool drift() const { return !items.isEmpty(); }
    qsizetype count(DriftItem::Kind kind) const;
    /// "2 differences: 1 missing, 1 extra" or "no drift".
    QString summary() const;
    /// The document of `strata-cli drift --json`.
    QJsonObject toJson() const;
};

} // namespace strata
