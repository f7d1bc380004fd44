#pragma once

// A database of either engine with the strategy set applied (as tests/integration/tst_strategy_store.cpp
// makes it), for the strategy analytics' tests: the samples, benchmarks, storage, family and report tests.

#include <memory>

#include <QString>

#include "MigrationHarness.h"
#include "ScratchDatabases.h"
#include "connection/Database.h"

namespace strata::test {

/// A database of either engine with the strategy set applied.
struct StrategyDatabase
{
    std::unique_ptr<ScratchSqlite> sqlite;
    std::unique_ptr<ScratchPostgres> postgres;
    std::unique_ptr<Database> db;
    QString url;
    QString error;

    explicit StrategyDatabase(const QString& engine)
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

#define STRATA_REQUIRE_STRATEGY_DB(d)                                                                        \
    do {                                                                                                     \
        if (!(d).error.isEmpty())                                                                            \
            QFAIL(qPrintable((d).error));                                                                    \
    } while (false)
