#include "tools/ForeignHistory.h"

#include "common/Counted.h"

namespace strata {

QList<ForeignRow> ForeignHistory::appliedRows() const
{
    QList<ForeignRow> applied;
    for (const auto& row : rows)
        if (row.applied())
            applied << row;
    return applied;
}

QList<ForeignRow> ForeignHistory::troubledRows() const
{
    QList<ForeignRow> troubled;
    for (const auto& row : rows)
        if (!row.problem.isEmpty())
            troubled << row;
    return troubled;
}

QString ForeignHistory::lastAppliedAt() const
{
    QString last;
    for (const auto& row : rows)
        if (row.applied() && row.appliedAt > last)
            last = row.appliedAt;
    return last;
}

QString ForeignHistory::summary() const
{
    constexpr int kListed = 5;
    if (!readError.isEmpty())
        return QStringLiteral("%1 (%2): unreadable: %3").arg(tool, table, readError);
    const auto applied = appliedRows();
    QStringList versions;
    for (const auto& row : applied.mid(0, kListed))
        versions << row.version;
    if (applied.size() > kListed)
        versions << QStringLiteral("...");
    QString text;
    if (currentOnly) // its rows say where the database is, not how many migrations it has
        text = QStringLiteral("managed by %1: at %2")
                   .arg(tool, versions.isEmpty() ? QStringLiteral("no version")
                                                 : versions.join(QStringLiteral(", ")));
    else
        text = QStringLiteral("managed by %1: %2 applied")
                   .arg(tool,
                        counted(applied.size(), QStringLiteral("migration"), QStringLiteral("migrations")));
    if (!currentOnly && !versions.isEmpty())
        text += QStringLiteral(" (%1)").arg(versions.join(QStringLiteral(", ")));
    const QString last = lastAppliedAt();
    if (!last.isEmpty())
        text += QStringLiteral(", last at %1").arg(last);
    text += QStringLiteral(" [table %1%2]").arg(table, readOnly ? QStringLiteral(", read-only") : QString());
    if (!note.isEmpty())
        text += QStringLiteral("; ") + note;
    return text;
}

} // namespace strata
