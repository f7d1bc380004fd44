#include "migrations/Problem.h"

#include "common/Counted.h"

namespace strata {

QString Problem::kindName() const
{
    switch (kind) {
    case Kind::ChangedFile:
        return QStringLiteral("checksum-mismatch");
    case Kind::SlotConflict:
        return QStringLiteral("slot-conflict");
    case Kind::MissingFile:
        return QStringLiteral("missing-file");
    case Kind::OutOfOrder:
        return QStringLiteral("out-of-order");
    case Kind::Dirty:
        return QStringLiteral("dirty");
    case Kind::DatabaseAhead:
        return QStringLiteral("database-ahead");
    case Kind::PartialBaseline:
        return QStringLiteral("partial-baseline");
    case Kind::UnmetRequirement:
        return QStringLiteral("unmet-requirement");
    case Kind::WrongDialect:
        return QStringLiteral("wrong-dialect");
    case Kind::ManagedByOtherTool:
        return QStringLiteral("managed-by-other-tool");
    case Kind::OtherToolUnsettled:
        return QStringLiteral("other-tool-unsettled");
    case Kind::MultipleHeads:
        return QStringLiteral("multiple-heads");
    }
    return QStringLiteral("unknown");
}

Error Problem::refusal(const QList<Problem>& problems, const QString& command)
{
    QStringList what;
    QStringList next;
    for (const auto& p : problems) {
        what << QStringLiteral("[%1] %2").arg(p.kindName(), p.message);
        next << p.resolution;
    }
    return Error::refused(QStringLiteral("%1 refuses to run: %2 found.\n  ")
                                  .arg(command, counted(problems.size(), QStringLiteral("problem"),
                                                        QStringLiteral("problems"))) +
                              what.join(QStringLiteral("\n  ")),
                          next.join(QStringLiteral("\n        ")));
}

} // namespace strata
