#pragma once

#include <QJsonObject>
#include <QString>

#include "review/ReviewSeverity.h"
#include "review/TableLoad.h"

namespace strata {

/// One thing a pending step would do that the operator should know before it runs: the lock it takes on a
/// table, a rewrite, a full scan under a strong lock, a destructive or client-breaking change.
struct ReviewFinding
{
    QString rule; ///< a ReviewRules id, e.g. "pg-index-not-concurrent"
    ReviewSeverity severity = ReviewSeverity::Warn;
    QString step;            ///< the step's slot, "2.1"
    QString stepLabel;       ///< "2.1 core (002_v2/01_core.sql)"
    QString file;            ///< the step's forward file, relative to the set's folder
    int statementIndex = -1; ///< 0-based among the file's statements; -1: the step as a whole
    int line = 0;            ///< line of the statement in the file (1-based); 0: unknown
    QString statement;       ///< the statement's text exactly as in the file (for the patch)
    QString excerpt;         ///< the statement on one line, shortened for messages
    QString table;           ///< the table concerned; empty when none
    QString lockMode;        ///< "ACCESS EXCLUSIVE", "SHARE", ...; empty when no table lock
    QString message;         ///< what happens and why it matters, in the operator's words
    TableLoad load;          ///< the table on the live database, when the review could read it
    QString rewrite;         ///< the safe rewrite: SQL replacing `statement`; empty when none
    QString rewriteNote;     ///< how to apply it when more than a replacement (e.g. "its own step")
    bool suppressed = false; ///< a `-- strata:allow RULE reason` in the step's file covers it
    QString suppressionReason;

    /// Counts against a run: unsuppressed and of severity Block.
    bool blocks() const { return !suppressed && severity == ReviewSeverity::Block; }
    QJsonObject toJson() const;
    /// Human text, several lines, each starting with `indent`.
    QString toText(const QString& indent) const;
    /// "CREATE INDEX orders_by_account ON orders (account_id)" on one line, at most `max` characters.
    static QString excerptOf(const QString& statement, int max = 100);
};

} // namespace strata
