#pragma once

#include <memory>

#include <QString>
#include <QTemporaryDir>

namespace strata::test {

/// The test PostgreSQL server that scripts/test.sh starts (STRATA_TEST_PG_URL, password in PGPASSWORD).
/// Without it, every PostgreSQL test fails with a message saying how to run it: it never skips.
QString postgresServerUrl();

/// A TCP port on 127.0.0.1 that nothing listens on (for "nothing listening" tests).
int unusedLocalPort();

/// A database of its own on the test server, created for one test and dropped after it.
class ScratchPostgres
{
public:
    ScratchPostgres();
    ~ScratchPostgres();
    ScratchPostgres(const ScratchPostgres&) = delete;
    ScratchPostgres& operator=(const ScratchPostgres&) = delete;

    bool ok() const { return !m_name.isEmpty(); }
    QString error() const { return m_error; }
    QString name() const { return m_name; }
    QString url() const { return m_url; }

private:
    QString m_name;
    QString m_url;
    QString m_error;
};

/// An empty SQLite database file in a temporary folder, removed after the test.
class ScratchSqlite
{
public:
    explicit ScratchSqlite(const QString& fileName = QStringLiteral("state.db"));
    QString path() const { return m_path; }
    QString url() const { return QStringLiteral("sqlite:") + m_path; }
    QString folder() const { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
    QString m_path;
};

} // namespace strata::test

/// Fails the test (never skips) when the test PostgreSQL cannot be had.
#define STRATA_REQUIRE_POSTGRES(scratch)                                                                     \
    do {                                                                                                     \
        if (!(scratch).ok())                                                                                 \
            QFAIL(qPrintable((scratch).error()));                                                            \
    } while (false)
