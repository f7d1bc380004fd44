#include "migrations/MigrationSetLoader.h"

#include <algorithm>

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QSet>

#include "common/FolderEntries.h"
#include "common/ParallelEach.h"
#include "tools/ToolLayouts.h"
#include "tools/alembic/AlembicProject.h"
#include "tools/alembic/AlembicSteps.h"

namespace strata {

namespace {

const QString kManifest = QStringLiteral("strata.yaml");

/// Why no layout took an entry, when none of them says more.
QString defaultReason(const LayoutFile& entry)
{
    if (entry.isDir())
        return QStringLiteral("a folder that is neither a version folder (003_name/) nor a Prisma migration "
                              "(<timestamp>_name/migration.sql)");
    if (entry.fileName().endsWith(QLatin1String(".sql")))
        return QStringLiteral("a .sql file whose name no layout takes as a migration; see "
                              "docs/migration-sets.md");
    return QStringLiteral("not a migration file");
}

/// The first layout that takes the entry, or null. A file a layout must read to decide on is read once.
Result<const ToolLayout*> layoutFor(const LayoutFile& entry)
{
    for (const auto& layout : ToolLayouts::all()) {
        if (!layout->takesName(entry))
            continue;
        if (layout->needsContent()) {
            const auto bytes = entry.bytes();
            if (!bytes)
                return bytes.error();
            if (!layout->takesContent(*bytes))
                continue;
        }
        return layout.get();
    }
    return static_cast<const ToolLayout*>(nullptr);
}

QString ignoredReason(const LayoutFile& entry)
{
    for (const auto& layout : ToolLayouts::all())
        if (const QString reason = layout->ignoredReason(entry); !reason.isEmpty())
            return reason;
    return defaultReason(entry);
}

/// The one tool whose files mark the folder as its own, or null for a folder of several tools (read file by
/// file) or of names every tool shares. sqlx reads golang-migrate's pairs: the two together are sqlx's.
const ToolLayout* folderToolOf(const QSet<const ToolLayout*>& marking)
{
    if (marking.size() == 1)
        return *marking.cbegin();
    if (marking.size() == 2) {
        for (const ToolLayout* layout : marking)
            if (layout->name() == QLatin1String("sqlx"))
                for (const ToolLayout* other : marking)
                    if (other != layout && layout->readsFilesOf(other->name()))
                        return layout;
    }
    return nullptr;
}

Error orphanRollback(const QString& path)
{
    return Error::badInput(
        QStringLiteral("The rollback script %1 has no forward migration to go with.").arg(path),
        QStringLiteral(
            "Give it the same version, step and name as its forward file (e.g. 003_x.sql and "
            "003_x.down.sql, 3_x.up.sql and 3_x.down.sql, V3__x.sql and U3__x.sql), or delete it."));
}

} // namespace

Result<MigrationSet> MigrationSetLoader::load(const QString& folder)
{
    const QFileInfo info(folder);
    if (!info.exists() || !info.isDir())
        return Error::badInput(QStringLiteral("The migrations folder %1 does not exist.").arg(folder),
                               QStringLiteral("Pass --migrations with the folder that holds the set "
                                              "(e.g. migrations/risk_state)."));
    MigrationSet set;
    set.root = info.absoluteFilePath();
    const QDir dir(set.root);
    if (dir.exists(kManifest)) {
        auto manifest = SetManifest::load(dir.filePath(kManifest));
        if (!manifest)
            return manifest.error();
        set.manifest = *manifest;
    }
    // An Alembic project (alembic.ini, versions/*.py) is read as a whole by its own reader.
    if (AlembicProject::recognises(set.root)) {
        if (auto alembic = AlembicSteps::fill(set); !alembic)
            return alembic.error();
        return set;
    }
    const LayoutContext context{set.manifest};

    // Every entry goes to the first layout that takes it; what none takes is listed, never refused.
    QList<MigrationStep> forwards;
    QHash<QString, QList<qsizetype>> byKey; // pair key -> indexes into forwards
    QList<LayoutPart> rollbacks;
    const auto entries = FolderEntries::list(set.root);
    std::vector<std::pair<LayoutFile, const ToolLayout*>> taken;
    taken.reserve(static_cast<size_t>(entries.size()));
    for (const auto& found : entries)
        if (found.name != kManifest)
            taken.emplace_back(LayoutFile(set.root, found.name, found.isDir), nullptr);
    // Which layout takes each entry, and then what it makes of it, are file by file: both run on every core
    // (a folder of 1,000 files is read, hashed and parsed in about half the time on two). The results are
    // then taken in folder order, so the first error reported is the same however the threads ran.
    std::vector<std::optional<Error>> takeErrors(taken.size());
    parallelEach(static_cast<qsizetype>(taken.size()), [&](qsizetype i) {
        auto layout = layoutFor(taken[static_cast<size_t>(i)].first);
        if (layout)
            taken[static_cast<size_t>(i)].second = *layout;
        else
            takeErrors[static_cast<size_t>(i)] = layout.error();
    });
    QSet<const ToolLayout*> marking; // the tools whose own files show in the folder
    for (size_t i = 0; i < taken.size(); ++i) {
        if (takeErrors[i])
            return *takeErrors[i];
        const auto& [entry, layout] = taken[i];
        if (layout && layout->marksFolder(entry))
            marking.insert(layout);
    }
    const ToolLayout* folderTool = folderToolOf(marking);
    // In a folder that is recognisably one tool's, another layout's file is what that tool makes of it.
    auto otherToolsFile = [&](const ToolLayout* layout) {
        return folderTool && layout != folderTool && !folderTool->readsFilesOf(layout->name());
    };
    std::vector<std::optional<Result<QList<LayoutPart>>>> read(taken.size());
    parallelEach(static_cast<qsizetype>(taken.size()), [&](qsizetype i) {
        const auto& [entry, layout] = taken[static_cast<size_t>(i)];
        if (layout && !otherToolsFile(layout))
            read[static_cast<size_t>(i)] = layout->read(entry, context);
    });
    for (size_t i = 0; i < taken.size(); ++i) {
        const auto& [entry, layout] = taken[i];
        if (!layout) {
            set.ignored << IgnoredFile{entry.relativePath(), ignoredReason(entry)};
            continue;
        }
        if (otherToolsFile(layout)) {
            const auto verdict = folderTool->otherLayoutsFile(entry);
            if (!verdict)
                return verdict.error();
            set.ignored << IgnoredFile{entry.relativePath(), *verdict};
            continue;
        }
        auto& parts = *read[i];
        if (!parts)
            return parts.error();
        for (LayoutPart& part : *parts) {
            switch (part.kind) {
            case LayoutPart::Kind::Forward:
                byKey[part.pairKey] << forwards.size();
                forwards << std::move(part.step);
                break;
            case LayoutPart::Kind::Rollback:
                rollbacks << std::move(part);
                break;
            case LayoutPart::Kind::Ignored:
                set.ignored << IgnoredFile{part.path, part.reason};
                break;
            case LayoutPart::Kind::ProviderLock:
                set.providerLock = ProviderLock{part.path, part.reason};
                break;
            }
        }
    }

    // A rollback file goes to the first forward file of its key that has no rollback yet: one look-up each.
    QHash<QString, qsizetype> nextFree;
    for (const LayoutPart& rollback : std::as_const(rollbacks)) {
        const auto found = byKey.constFind(rollback.pairKey);
        if (found == byKey.cend())
            return orphanRollback(rollback.path);
        qsizetype& next = nextFree[rollback.pairKey];
        while (next < found->size() && forwards.at(found->at(next)).hasRollback())
            ++next;
        if (next >= found->size())
            return Error::badInput(
                QStringLiteral("The rollback script %1 has no forward migration left to go with: %2 already "
                               "has its rollback.")
                    .arg(rollback.path, forwards.at(found->first()).forwardPath),
                QStringLiteral("Keep one rollback per forward file: delete one of them, or merge them."));
        if (!rollback.step.hasRollback()) {
            ++next; // an empty rollback file: the step has no rollback, and this file is used up
            continue;
        }
        MigrationStep& step = forwards[found->at(next)];
        step.rollbackPath = rollback.step.rollbackPath;
        step.rollbackSql = rollback.step.rollbackSql;
        step.rollbackFirstLine = rollback.step.rollbackFirstLine;
        ++next;
    }

    // Repeatable steps (Flyway's R__) have no version: they come last, numbered in description order.
    std::stable_sort(forwards.begin(), forwards.end(), [](const MigrationStep& a, const MigrationStep& b) {
        if (a.repeatable != b.repeatable)
            return b.repeatable;
        if (a.repeatable)
            return a.name < b.name;
        return a.version != b.version ? a.version < b.version : a.step < b.step;
    });
    int repeatable = 0;
    for (MigrationStep& step : forwards)
        if (step.repeatable)
            step.step = ++repeatable;
    set.steps = std::move(forwards);
    return set;
}

} // namespace strata
