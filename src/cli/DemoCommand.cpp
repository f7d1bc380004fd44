#include "DemoCommand.h"

#include "demo/RiskStateDemo.h"

namespace strata::cli {

int DemoCommand::run(const CliContext& context)
{
    const QString command = QStringLiteral("demo");
    const CliOptions& o = context.options();
    if (o.arguments.value(0) != QLatin1String("risk-state") || o.out.isEmpty())
        return context.out().fail(
            Error::badInput(QStringLiteral("demo takes a kind and --out FILE."),
                            QStringLiteral("e.g. strata-cli demo risk-state --out demo/state.db")),
            command);
    if (auto created = RiskStateDemo::create(o.out); !created)
        return context.out().fail(created.error(), command);
    context.out().report(
        QStringLiteral("Created the demo risk-state database %1 (v1, not tracked yet).").arg(o.out));
    context.out().document({{QStringLiteral("command"), command},
                            {QStringLiteral("ok"), true},
                            {QStringLiteral("path"), o.out}});
    return 0;
}

} // namespace strata::cli
