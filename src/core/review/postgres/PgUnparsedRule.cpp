#include "review/postgres/PgUnparsedRule.h"

#include "review/postgres/PgServerCheck.h"

namespace strata {

void PgUnparsedRule::check(PgStepState& state, const PgStatement& s)
{
    const PgServerCheck::Verdict verdict = PgServerCheck::check(state.context.db, s.text);
    ReviewFinding& f =
        state.review.add(QStringLiteral("pg-unparsed-statement"),
                         verdict.checked && !verdict.accepted ? ReviewSeverity::Block : ReviewSeverity::Warn,
                         s.index, s.line, s.text);
    const QString why =
        QStringLiteral("libpg_query (PostgreSQL 15's parser) cannot read it (%1)").arg(s.parseError);
    if (!verdict.checked)
        f.message =
            why + QStringLiteral("; the server could not be asked either (%1). The review cannot say what "
                                 "it locks: read it by hand.")
                      .arg(verdict.message);
    else if (verdict.accepted)
        f.message =
            why + QStringLiteral("; the server parses it (nothing was run). The review cannot say what it "
                                 "locks: read it by hand.");
    else
        f.message =
            why +
            QStringLiteral("; the server refuses it too: %1. The step would fail here.").arg(verdict.message);
    f.rewriteNote =
        QStringLiteral("Correct the statement, or allow it with -- strata:allow pg-unparsed-statement "
                       "REASON once you have read what it locks.");
}

} // namespace strata
