#pragma once

// A database of either engine with the strategy set applied, for the family view's tests (the same way
// tests/integration/tst_strategy_store.cpp makes one).

#include <memory>

#include "MigrationHarness.h"
#include "ScratchDatabases.h"

namespace strata::test {

struct FamilyTestDatabase
{
    std::unique_ptr<ScratchSqlite> sqlite;
    std::unique_ptr<ScratchPostgres> postgres;
    std::unique_ptr<Database> db;
    QString url;
    QString error;

    explicit FamilyTestDatabase(const QString& engine)
    {
        if (engine == QLatin1String("sqlite")) {
            sqlite = std::make_unique<ScratchSqlite>();
            url = sqlite->url();
        } else {
            postgres = std::make_unique<ScratchPostgres>();
            if (!postgres->ok()) {
                error = postgres->error();
                return;
            }
            url = postgres->url();
        }
        auto opened = MigrationHarness::open(url);
        if (!opened) {
            error = opened.error().toText();
            return;
        }
        db = std::move(opened).value();
        auto set = MigrationHarness::load(QStringLiteral(STRATA_SOURCE_DIR "/migrations/strategy"));
        if (!set) {
            error = set.error().toText();
            return;
        }
        if (auto migrated = MigrationHarness::migrate(*db, *set); !migrated)
            error = migrated.error().toText();
    }
};

} // namespace strata::test

#define STRATA_REQUIRE_FAMILY_DB(d)                                                                          \
    do {                                                                                                     \
        if (!(d).error.isEmpty())                                                                            \
            QFAIL(qPrintable((d).error));                                                                    \
    } while (false)
