#include "StrategyFamilyCommand.h"

namespace strata::cli {

int StrategyFamilyCommand::run(const CliContext& context, Database& db, const QString& rootId)
{
    return context.out().fail(
        Error::failed(QStringLiteral("strategies family %1 on %2 is not available in this build.")
                          .arg(rootId, db.display()),
                      QStringLiteral("Nothing was read or changed."),
                      QStringLiteral("Use strategies lineage.")),
        QStringLiteral("strategies family"));
}

} // namespace strata::cli
