#pragma once

#include <QString>

#include "connection/ConnectionUrl.h"

namespace strata {

/// The databases the operator marked "production": a write there asks before it is committed. Kept in the
/// settings by the database's display (never a password), so the mark is the same in every tab and every
/// session, whichever profile or recent entry opened the database.
class ProductionMarks
{
public:
    static bool isProduction(const ConnectionUrl& url);
    static void setProduction(const ConnectionUrl& url, bool production);
};

} // namespace strata
