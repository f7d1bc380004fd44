#pragma once

#include <QMap>
#include <QString>

#include "migrations/HistoryStore.h"
#include "migrations/MigrationSet.h"

namespace strata {

/// Which of the set's steps another tool applied, on a database Strata does not track yet: matched to the
/// tool's rows as `adopt` matches them (dbmate's version text, Alembic's revisions below a head, ...), so
/// that status, history and the timeline show them as "applied by dbmate" rather than pending.
class ForeignApplied
{
public:
    /// Step slot ("20240101120000.1") -> the tool that applied it. Empty once Strata tracks the database
    /// (adopted steps are in Strata's own history then), and for a tool whose rows cannot be matched (a row
    /// for a missing file, an unsettled row: those are problems of their own).
    static QMap<QString, QString> of(const MigrationSet& set, Dialect dialect, const HistoryState& history);
    /// How many of the set's steps `tool` applied.
    static qsizetype count(const QMap<QString, QString>& applied, const QString& tool);
};

} // namespace strata
