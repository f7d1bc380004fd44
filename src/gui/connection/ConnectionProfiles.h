#pragma once

#include <optional>

#include <QStringList>

#include "connection/ConnectionProfile.h"

namespace strata {

/// The saved connection profiles, in the user's settings (QSettings, group "profiles"). Passwords are never
/// written there: PasswordVault keeps them in the OS keychain.
class ConnectionProfiles
{
public:
    /// The profiles' names, sorted for people (case-insensitive).
    static QStringList names();
    static std::optional<ConnectionProfile> find(const QString& name);
    /// Adds the profile, or replaces the one of the same name.
    static void save(const ConnectionProfile& profile);
    static void remove(const QString& name);
};

} // namespace strata
