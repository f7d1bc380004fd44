#pragma once

#include <cstdio>
#include <cstdlib>

#include <QString>

namespace strata::fuzz {

/// A property every input must keep. When it does not, the input is a finding: say which property broke
/// and abort, so that libFuzzer keeps the input as a crash.
inline void check(bool holds, const QString& property)
{
    if (holds)
        return;
    std::fprintf(stderr, "\n==== fuzz property broken: %s\n", qPrintable(property));
    std::abort();
}

inline void check(bool holds, const char* property)
{
    check(holds, QString::fromUtf8(property));
}

} // namespace strata::fuzz
