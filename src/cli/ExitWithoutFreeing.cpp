#include "ExitWithoutFreeing.h"

#include <cstdio>
#include <cstdlib>
#include <vector>

namespace strata::cli {

namespace {

std::vector<std::shared_ptr<void>>& kept()
{
    static auto* objects = new std::vector<std::shared_ptr<void>>(); // never freed, by design
    return *objects;
}

} // namespace

void ExitWithoutFreeing::keep(std::shared_ptr<void> objects)
{
    kept().push_back(std::move(objects));
}

int ExitWithoutFreeing::finish(int code)
{
    if (kept().empty())
        return code;
    std::fflush(stdout);
    std::fflush(stderr);
    std::_Exit(code);
}

} // namespace strata::cli
