#include "migrations/MigrationSet.h"

#include <algorithm>

#include <QFileInfo>

namespace strata {

QString MigrationSet::name() const
{
    return manifest.name.isEmpty() ? QFileInfo(root).fileName() : manifest.name;
}

QList<MigrationStep> MigrationSet::stepsFor(Dialect dialect) const
{
    // Most sets are written for one engine: then the list is shared, not copied step by step (the planner,
    // adoption and status each ask for it, and a folder can hold thousands of steps).
    if (std::all_of(steps.cbegin(), steps.cend(),
                    [dialect](const MigrationStep& s) { return s.appliesTo(dialect); }))
        return steps;
    QList<MigrationStep> result;
    for (const auto& s : steps)
        if (s.appliesTo(dialect))
            result << s;
    return result;
}

QList<qint64> MigrationSet::versionsFor(Dialect dialect) const
{
    QList<qint64> versions;
    for (const auto& s : steps)
        if (s.appliesTo(dialect) && !s.repeatable && (versions.isEmpty() || versions.last() != s.version))
            versions << s.version;
    return versions;
}

QString MigrationSet::versionDescription(qint64 version, Dialect dialect) const
{
    if (manifest.versionDescriptions.contains(version))
        return manifest.versionDescriptions.value(version);
    if (manifest.baseline.version == version && !manifest.baseline.description.isEmpty())
        return manifest.baseline.description;
    for (const auto& s : steps) {
        if (s.version == version && s.appliesTo(dialect)) {
            if (!s.header.description.isEmpty())
                return s.header.description;
            return s.versionName;
        }
    }
    return QStringLiteral("version %1").arg(version);
}

bool MigrationSet::hasOption(const QString& name) const
{
    if (manifest.option(name))
        return true;
    for (const auto& s : steps)
        if (s.header.option == name)
            return true;
    return false;
}

} // namespace strata
