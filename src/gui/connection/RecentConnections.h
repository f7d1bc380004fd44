#pragma once

#include <QList>

#include "connection/ConnectionTarget.h"

namespace strata {

/// The connections opened lately, newest first, kept in the user's settings (QSettings). Passwords are
/// never part of them.
class RecentConnections
{
public:
    static constexpr int kMaximum = 8;

    static QList<ConnectionTarget> list();
    static void remember(const ConnectionTarget& target);
    static void clear();
};

} // namespace strata
