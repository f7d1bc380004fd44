#pragma once

#include <QString>

#include "common/Error.h"

namespace strata {

/// The core's advice is shared with strata-cli and names its commands (`strata-cli backups`, `strata-cli
/// resolve 002/01 --mark-applied`). In the desktop app the operator does the same thing with a menu item or
/// a button, so every message the app shows says that instead: "Backup > Restore", "Mark applied…".
class MenuRemedy
{
public:
    /// The advice with each strata-cli command replaced by the app's own action.
    static QString wording(const QString& advice);
    /// The error with its three parts in the app's words.
    static Error of(const Error& error);
};

} // namespace strata
