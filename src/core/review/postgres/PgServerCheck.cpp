#include "review/postgres/PgServerCheck.h"

#include "connection/Database.h"

namespace strata {

PgServerCheck::Verdict PgServerCheck::check(Database& db, const QString& statement)
{
    Verdict verdict;
    // A dollar quote the statement does not contain, so that its text goes to the server unchanged.
    QString tag = QStringLiteral("$strata_review$");
    for (int i = 0; statement.contains(tag); ++i)
        tag = QStringLiteral("$strata_review_%1$").arg(i);
    const QString create = db.catalogSql(QStringLiteral("review_server_check")).arg(tag + statement + tag);
    if (const Status begun = db.begin(); !begun) {
        verdict.message = begun.error().what;
        return verdict;
    }
    verdict.checked = true;
    Status step = db.execute(db.catalogSql(QStringLiteral("review_server_check_setup")));
    if (step)
        step = db.execute(create);
    verdict.accepted = step.ok();
    if (!step)
        verdict.message = step.error().what;
    (void)db.rollback();
    return verdict;
}

} // namespace strata
