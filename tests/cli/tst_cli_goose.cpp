// A goose folder migrated and rolled back by strata-cli as goose itself would: only each file's Up section
// runs forward, its Down section is the rollback, StatementBegin blocks reach the engine whole and
// "-- +goose NO TRANSACTION" runs outside a transaction (CREATE INDEX CONCURRENTLY on PostgreSQL).

#include <QtTest>

#include "CliTestKit.h"

using namespace strata;
using namespace strata::test;
using namespace strata::test::cli;

namespace {

QString both(const CliProcess::Outcome& run)
{
    return run.out + run.err;
}

void writeGooseFolder(SetBuilder& set, Engine engine)
{
    set.file(QStringLiteral("00001_create_fills.sql"),
             "-- Fills booked by the matching engine.\n"
             "-- +goose Up\n"
             "CREATE TABLE fills (id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL, qty INTEGER);\n"
             "\n"
             "-- +goose Down\n"
             "DROP TABLE fills;\n");
    if (engine == Engine::Postgres)
        set.file(
            QStringLiteral("00002_fill_audit.sql"),
            "-- +goose Up\n"
            "CREATE TABLE fill_audit (fill_id INTEGER, seen_at TIMESTAMPTZ DEFAULT now());\n"
            "-- +goose StatementBegin\n"
            "CREATE FUNCTION audit_fill() RETURNS trigger AS $$\n"
            "BEGIN\n"
            "    INSERT INTO fill_audit (fill_id) VALUES (NEW.id);\n"
            "    RETURN NEW;\n"
            "END;\n"
            "$$ LANGUAGE plpgsql;\n"
            "-- +goose StatementEnd\n"
            "CREATE TRIGGER fills_audit AFTER INSERT ON fills FOR EACH ROW EXECUTE FUNCTION audit_fill();\n"
            "-- +goose Down\n"
            "DROP TRIGGER fills_audit ON fills;\n"
            "DROP FUNCTION audit_fill();\n"
            "DROP TABLE fill_audit;\n");
    else
        set.file(QStringLiteral("00002_fill_audit.sql"),
                 "-- +goose Up\n"
                 "CREATE TABLE fill_audit (fill_id INTEGER);\n"
                 "-- +goose StatementBegin\n"
                 "CREATE TRIGGER fills_audit AFTER INSERT ON fills\n"
                 "BEGIN\n"
                 "    INSERT INTO fill_audit (fill_id) VALUES (NEW.id);\n"
                 "END;\n"
                 "-- +goose StatementEnd\n"
                 "-- +goose Down\n"
                 "DROP TRIGGER fills_audit;\n"
                 "DROP TABLE fill_audit;\n");
    set.file(QStringLiteral("00003_index_fills.sql"),
             engine == Engine::Postgres
                 ? QByteArray("-- +goose NO TRANSACTION\n"
                              "-- +goose Up\n"
                              "CREATE INDEX CONCURRENTLY fills_account ON fills (account_id);\n"
                              "-- +goose Down\n"
                              "DROP INDEX CONCURRENTLY fills_account;\n")
                 : QByteArray("-- +goose NO TRANSACTION\n"
                              "-- +goose Up\n"
                              "CREATE INDEX fills_account ON fills (account_id);\n"
                              "-- +goose Down\n"
                              "DROP INDEX fills_account;\n"));
}

} // namespace

class TestCliGoose : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_backups;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_backups.isValid());
        keepBackupsInside(m_backups);
    }

    void gooseFolderMigratesAndRollsBack_data()
    {
        QTest::addColumn<Engine>("engine");
        QTest::newRow("sqlite") << Engine::Sqlite;
        QTest::newRow("postgresql") << Engine::Postgres;
    }

    void gooseFolderMigratesAndRollsBack()
    {
        QFETCH(Engine, engine);
        TestDatabase db(engine, Content::Empty);
        STRATA_REQUIRE_DATABASE(db);
        SetBuilder set;
        writeGooseFolder(set, engine);

        const auto migrated = CliProcess::run(
            cliArgs(db.url(), set.path(), {QStringLiteral("migrate"), QStringLiteral("--yes")}));
        QVERIFY2(migrated.exitCode == 0, qPrintable(both(migrated)));

        auto conn = openDatabase(db.url());
        QVERIFY(conn);
        const QStringList tables = userTables(*conn);
        QVERIFY2(tables.contains(QStringLiteral("fills")), qPrintable(tables.join(QLatin1Char(','))));
        QVERIFY2(tables.contains(QStringLiteral("fill_audit")), qPrintable(tables.join(QLatin1Char(','))));
        // The StatementBegin block arrived whole: the trigger (and its function) work.
        QCOMPARE(
            queryLines(*conn, QStringLiteral("INSERT INTO fills (id, account_id, qty) VALUES (7, 1, 100)"))
                .filter(QStringLiteral("ERROR")),
            QStringList());
        QCOMPARE(queryLines(*conn, QStringLiteral("SELECT fill_id FROM fill_audit")),
                 QStringList{QStringLiteral("7")});
        if (engine == Engine::Postgres)
            QCOMPARE(
                queryLines(
                    *conn,
                    QStringLiteral(
                        "SELECT CASE WHEN i.indisvalid THEN 'valid' END FROM pg_index i JOIN pg_class c ON "
                        "c.oid = i.indexrelid WHERE c.relname = 'fills_account'")),
                QStringList{QStringLiteral("valid")});
        else
            QCOMPARE(
                queryLines(*conn, QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'index' AND "
                                                 "name = 'fills_account'")),
                QStringList{QStringLiteral("fills_account")});
        conn.reset();

        const auto rolledBack = CliProcess::run(cliArgs(db.url(), set.path(),
                                                        {QStringLiteral("rollback"), QStringLiteral("--to"),
                                                         QStringLiteral("0"), QStringLiteral("--yes")}));
        QVERIFY2(rolledBack.exitCode == 0, qPrintable(both(rolledBack)));
        conn = openDatabase(db.url());
        QVERIFY(conn);
        const QStringList after = userTables(*conn);
        QVERIFY2(!after.contains(QStringLiteral("fills")), qPrintable(after.join(QLatin1Char(','))));
        QVERIFY2(!after.contains(QStringLiteral("fill_audit")), qPrintable(after.join(QLatin1Char(','))));
    }
};

QTEST_GUILESS_MAIN(TestCliGoose)
#include "tst_cli_goose.moc"
