#pragma once

// A database of either engine for one console test, named as the tests' data rows name it ("sqlite",
// "postgresql"), with the few statements the tests set up and check with. Core only: the console's GUI
// tests reach it through ConsoleTestKit.h, the EXPLAIN tests directly.

#include <memory>

#include <QString>
#include <QVariant>

#include "ScratchDatabases.h"
#include "connection/ConnectionUrl.h"
#include "connection/DatabaseOpener.h"

namespace strata::test {

/// A scratch SQLite file or PostgreSQL database, whichever `engine` ("sqlite", "postgresql") names.
class ScratchEngine
{
public:
    explicit ScratchEngine(const QString& engine)
    {
        if (engine == QLatin1String("sqlite")) {
            m_sqlite = std::make_unique<ScratchSqlite>();
            m_url = m_sqlite->url();
        } else {
            m_pg = std::make_unique<ScratchPostgres>();
            m_url = m_pg->url();
        }
    }
    bool ok() const { return !m_pg || m_pg->ok(); }
    QString error() const { return m_pg ? m_pg->error() : QString(); }
    QString urlText() const { return m_url; }
    ConnectionUrl url() const { return *ConnectionUrl::parse(m_url); }
    bool isSqlite() const { return m_sqlite != nullptr; }

    /// Runs a script on a connection of the test's own (setting up, or checking what a statement did).
    bool run(const QString& sql) const
    {
        auto db = DatabaseOpener::open(url());
        if (!db) {
            qWarning("%s", qPrintable(db.error().toText()));
            return false;
        }
        const Status ran = (*db)->runScript({QStringLiteral("test"), sql.toUtf8()}, false);
        if (!ran)
            qWarning("%s", qPrintable(ran.error().toText()));
        return ran.ok();
    }
    QVariant value(const QString& sql) const
    {
        auto db = DatabaseOpener::open(url());
        if (!db)
            return {};
        auto rows = (*db)->query(sql);
        return rows ? rows->value(0, 0) : QVariant();
    }

    /// A fills table of `rows` rows: id 1..rows, symbol, filled_qty = id % 100, note NULL on every third.
    bool createFills(int rows) const
    {
        const QString series =
            isSqlite() ? QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                                        "WHERE i < %1) SELECT i FROM n")
                             .arg(rows)
                       : QStringLiteral("SELECT generate_series(1, %1) AS i").arg(rows);
        return run(
            QStringLiteral("CREATE TABLE fills (id INTEGER PRIMARY KEY, symbol TEXT NOT NULL, filled_qty "
                           "INTEGER NOT NULL, note TEXT);"
                           "INSERT INTO fills SELECT i, 'ES' || (i % 12), i % 100, CASE WHEN i % 3 = 0 "
                           "THEN NULL ELSE 'fill ' || i END FROM (%1) AS n;")
                .arg(series));
    }

private:
    std::unique_ptr<ScratchSqlite> m_sqlite;
    std::unique_ptr<ScratchPostgres> m_pg;
    QString m_url;
};

} // namespace strata::test
