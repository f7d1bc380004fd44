#include "run/DatabaseUsers.h"

#include <QDir>

#include "migrations/SetManifest.h"

namespace strata {

DatabaseUsers DatabaseUsers::of(const HookSpec& preHook, const HookSpec& postHook)
{
    return DatabaseUsers(preHook.isSet() || postHook.isSet());
}

DatabaseUsers DatabaseUsers::of(const HookSpec& preHook, const HookSpec& postHook, const QString& setFolder)
{
    if (preHook.isSet() || postHook.isSet() || setFolder.isEmpty())
        return of(preHook, postHook);
    auto manifest = SetManifest::load(QDir(setFolder).filePath(QStringLiteral("strata.yaml")));
    return DatabaseUsers(manifest && (manifest->preHook.isSet() || manifest->postHook.isSet()));
}

QString DatabaseUsers::name() const
{
    return m_hooks ? QStringLiteral("the daemon") : QStringLiteral("the programs that use the database");
}

QString DatabaseUsers::howToStop() const
{
    return m_hooks
               ? QStringLiteral("(configure the pre hook to stop the daemon)")
               : QStringLiteral("(a pre hook, hooks: pre: in the set's strata.yaml, can stop the programs "
                                "that use the database before every run)");
}

} // namespace strata
