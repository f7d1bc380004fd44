#pragma once

#include <QList>
#include <QString>

#include "migrations/Problem.h"
#include "tools/ForeignHistory.h"

namespace strata {

/// What resolves a problem in the desktop app: the buttons the timeline offers for it, and what to do when
/// the fix is in the files (rename, restore) or in the database by hand, which no button can do.
struct ProblemRemedy
{
    enum class Action {
        ShowDiff,       ///< a changed file: the side-by-side diff
        AcceptChecksum, ///< resolve --accept-checksum
        MarkApplied,    ///< resolve --mark-applied
        MarkRolledBack, ///< resolve --mark-rolled-back
        RollBack,       ///< roll back to the version before an out-of-order file
        OpenPlan,       ///< the plan preview, where optional steps are switched on
        Adopt,          ///< strata-cli adopt: record another tool's history in Strata's
    };

    QString title;  ///< "Changed file", "Dirty step", ...
    QString advice; ///< what to do, in the app's words
    QList<Action> actions;

    /// `otherTools`: the other tools' histories in the database, which the advice for a database another
    /// tool manages names (the core's resolution names `strata-cli adopt`; the app names its button).
    static ProblemRemedy of(const Problem& problem, const QList<ForeignHistory>& otherTools = {});
    /// The button's text ("Accept the current file…").
    static QString label(Action action);
    /// A stable name, used for the buttons' object names ("acceptChecksum").
    static QString name(Action action);
};

} // namespace strata
