#pragma once

#include <memory>

#include "common/Result.h"
#include "connection/ConnectionUrl.h"
#include "connection/Database.h"

namespace strata {

/// Opens the right dialect for a URL and checks that what it opened is a database it can use.
class DatabaseOpener
{
public:
    /// Inspect: for commands that change nothing. Read-write when the file allows it, because only a
    /// read-write connection can roll back the hot journal a crashed writer left; read-only otherwise.
    enum class Mode { ReadWrite, ReadOnly, Inspect };

    static Result<std::unique_ptr<Database>> open(const ConnectionUrl& url, Mode mode = Mode::ReadWrite);
};

} // namespace strata
