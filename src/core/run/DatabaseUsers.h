#pragma once

#include <QString>

#include "run/HookSpec.h"

namespace strata {

/// How a message names the programs that use the database, and how they are stopped. A migration set
/// whose config has hooks (the operator config's migration.pre_hook/post_hook, or the set's strata.yaml
/// hooks:) stops them with its pre hook and starts them with its post hook, as seed 004's runbook does
/// with its trading daemon: messages then speak of the daemon and the hooks. A set without hooks has no
/// daemon Strata knows of: messages speak of the programs that use the database, and say where a pre hook
/// that stops them would go. Core messages are shared by strata-cli and the desktop app.
class DatabaseUsers
{
public:
    explicit DatabaseUsers(bool hooks) : m_hooks(hooks) {}
    /// The run's hooks: either of them set.
    static DatabaseUsers of(const HookSpec& preHook, const HookSpec& postHook);
    /// The operator config's hooks, or else the set's own (strata.yaml hooks:) in `setFolder` (may be a
    /// resource folder, or empty for none).
    static DatabaseUsers of(const HookSpec& preHook, const HookSpec& postHook, const QString& setFolder);

    bool hooks() const { return m_hooks; }
    /// "the daemon" / "the programs that use the database".
    QString name() const;
    /// The aside after "Stop it": "(configure the pre hook to stop the daemon)" / "(a pre hook, hooks: pre:
    /// in the set's strata.yaml, can stop the programs that use the database before every run)".
    QString howToStop() const;

private:
    bool m_hooks = false;
};

} // namespace strata
