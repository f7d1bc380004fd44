// The PostgreSQL review on a real server: every rule fires on a statement written for it and stays silent
// on its safe rewrite; sizes and users come from the live catalog; -- strata:allow and bad input.
#include <QtTest>

#include "ScratchDatabases.h"
#include "dialects/postgres/PostgresDatabase.h"
#include "migrations/MigrationSetLoader.h"
#include "review/PlanReview.h"
#include "review/ReviewRules.h"

using namespace strata;
using namespace strata::test;

namespace {

std::unique_ptr<PostgresDatabase> openPg(const QString& url)
{
    auto parsed = ConnectionUrl::parse(url);
    if (!parsed)
        return nullptr;
    auto db = PostgresDatabase::open(*parsed);
    return db ? std::move(db).value() : nullptr;
}

/// A pending step whose forward file holds `sql` (its header parsed as the loader would).
MigrationStep step(const QString& sql, int number = 1)
{
    MigrationStep s;
    s.version = 7;
    s.step = number;
    s.versionName = QStringLiteral("v7");
    s.name = QStringLiteral("change");
    s.layout = QStringLiteral("strata");
    s.forwardPath = QStringLiteral("007_v7/0%1_change.sql").arg(number);
    s.forwardSql = sql.toUtf8();
    auto header = StepHeader::parse(sql, s.forwardPath);
    if (header)
        s.header = *header;
    return s;
}

/// The trading tables the statements work on, with rows (accounts 50, orders 2,000).
const char* kSchema = R"(
CREATE TABLE accounts (id bigint PRIMARY KEY, name text);
INSERT INTO accounts SELECT g, 'acct ' || g FROM generate_series(1, 50) g;
CREATE TABLE orders (id bigint PRIMARY KEY, account_id bigint, amount int, ref text, note varchar(20));
INSERT INTO orders SELECT g, 1 + g % 50, g, 'r' || g, 'n' FROM generate_series(1, 2000) g;
CREATE INDEX orders_by_ref ON orders (ref);
CREATE TYPE order_side AS ENUM ('buy', 'sell');
CREATE TABLE empty_fills (id bigint PRIMARY KEY, qty int);
)";

QList<ReviewFinding> findingsOf(const Result<ReviewReport>& report)
{
    QList<ReviewFinding> all;
    if (report)
        for (const auto& s : report->steps)
            all += s.findings;
    return all;
}

const ReviewFinding* findRule(const QList<ReviewFinding>& findings, const QString& rule)
{
    for (const auto& f : findings)
        if (f.rule == rule)
            return &f;
    return nullptr;
}

QString describe(const QList<ReviewFinding>& findings)
{
    QStringList out;
    for (const auto& f : findings)
        out << QStringLiteral("%1(%2) %3").arg(f.rule, severityName(f.severity), f.message);
    return out.join(QStringLiteral("\n"));
}

} // namespace

class TestReviewPostgres : public QObject
{
    Q_OBJECT

    std::unique_ptr<ScratchPostgres> m_scratch;
    std::unique_ptr<PostgresDatabase> m_db;

    Result<ReviewReport> review(const QString& sql)
    {
        return PlanReview::review(QList<MigrationStep>{step(sql)}, *m_db);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_scratch = std::make_unique<ScratchPostgres>();
        STRATA_REQUIRE_POSTGRES(*m_scratch);
        m_db = openPg(m_scratch->url());
        QVERIFY(m_db);
        QVERIFY(m_db->runScript({QStringLiteral("schema.sql"), QByteArray(kSchema), 1}, false));
    }

    void ruleFiresAndItsRewriteIsSilent_data()
    {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QString>("risky");
        QTest::addColumn<QString>("severity");
        QTest::addColumn<QString>("safe");

        const QString lt = QStringLiteral("SET LOCAL lock_timeout = '2s';\n");
        QTest::newRow("index")
            << "pg-index-not-concurrent"
            << "CREATE INDEX orders_by_account ON orders (account_id);"
            << "block"
            << "-- strata:no-transaction\nCREATE INDEX CONCURRENTLY orders_by_account ON orders "
               "(account_id);";
        QTest::newRow("drop index") << "pg-drop-index-not-concurrent" << lt + "DROP INDEX orders_by_ref;"
                                    << "warn"
                                    << "-- strata:no-transaction\nDROP INDEX CONCURRENTLY orders_by_ref;";
        QTest::newRow("type change") << "pg-column-type-change"
                                     << lt + "ALTER TABLE orders ALTER COLUMN amount TYPE bigint;"
                                     << "block" << lt + "ALTER TABLE orders ADD COLUMN amount_new bigint;";
        QTest::newRow("varchar to text")
            << "pg-column-type-change" << lt + "ALTER TABLE orders ALTER COLUMN note TYPE text;"
            << "warn" << lt + "ALTER TABLE orders ADD COLUMN note_text text;";
        QTest::newRow("volatile default")
            << "pg-volatile-default" << lt + "ALTER TABLE orders ADD COLUMN jitter float8 DEFAULT random();"
            << "block" << lt + "ALTER TABLE orders ADD COLUMN jitter float8 DEFAULT 0.5;";
        QTest::newRow("serial column")
            << "pg-volatile-default" << lt + "ALTER TABLE orders ADD COLUMN seq bigserial;"
            << "block" << lt + "ALTER TABLE orders ADD COLUMN seq bigint;";
        QTest::newRow("set not null")
            << "pg-set-not-null" << lt + "ALTER TABLE orders ALTER COLUMN account_id SET NOT NULL;"
            << "block"
            << lt + "ALTER TABLE orders ADD CONSTRAINT orders_account_id_not_null CHECK (account_id IS NOT "
                    "NULL) NOT VALID;\n"
                    "ALTER TABLE orders VALIDATE CONSTRAINT orders_account_id_not_null;\n"
                    "ALTER TABLE orders ALTER COLUMN account_id SET NOT NULL;";
        QTest::newRow("not null no default")
            << "pg-not-null-column-without-default"
            << lt + "ALTER TABLE orders ADD COLUMN region text NOT NULL;"
            << "block" << lt + "ALTER TABLE orders ADD COLUMN region text NOT NULL DEFAULT 'eu';";
        QTest::newRow("check")
            << "pg-check-not-valid"
            << lt + "ALTER TABLE orders ADD CONSTRAINT amount_positive CHECK (amount > 0);"
            << "block"
            << lt + "ALTER TABLE orders ADD CONSTRAINT amount_positive CHECK (amount > 0) NOT VALID;";
        QTest::newRow("foreign key") << "pg-foreign-key-not-valid"
                                     << lt + "ALTER TABLE orders ADD CONSTRAINT orders_account_fk FOREIGN "
                                             "KEY (account_id) REFERENCES accounts (id);"
                                     << "block"
                                     << lt + "ALTER TABLE orders ADD CONSTRAINT orders_account_fk FOREIGN "
                                             "KEY (account_id) REFERENCES accounts "
                                             "(id) NOT VALID;";
        QTest::newRow("unique")
            << "pg-unique-without-index"
            << lt + "ALTER TABLE orders ADD CONSTRAINT orders_ref_key UNIQUE (ref);"
            << "block"
            << lt + "ALTER TABLE orders ADD CONSTRAINT orders_ref_key UNIQUE USING INDEX orders_ref_u;";
        QTest::newRow("drop table") << "pg-drop-table" << lt + "DROP TABLE orders;"
                                    << "block" << lt + "DROP TABLE IF EXISTS orders_archive_2019;";
        QTest::newRow("drop column") << "pg-drop-column" << lt + "ALTER TABLE orders DROP COLUMN note;"
                                     << "block" << lt + "ALTER TABLE orders ADD COLUMN note2 text;";
        QTest::newRow("truncate") << "pg-truncate" << lt + "TRUNCATE orders;"
                                  << "block"
                                  << "DELETE FROM orders WHERE id < 0;";
        QTest::newRow("rename table")
            << "pg-rename-table" << lt + "ALTER TABLE orders RENAME TO trade_orders;"
            << "warn"
            << lt + "ALTER TABLE orders RENAME TO trade_orders;\n"
                    "CREATE VIEW orders AS SELECT * FROM trade_orders;";
        QTest::newRow("rename column")
            << "pg-rename-column" << lt + "ALTER TABLE orders RENAME COLUMN ref TO client_ref;"
            << "warn" << lt + "ALTER TABLE orders ADD COLUMN client_ref text;";
        QTest::newRow("enum value") << "pg-enum-value-in-transaction"
                                    << "ALTER TYPE order_side ADD VALUE 'short';\nSELECT 'short'::order_side;"
                                    << "block"
                                    << "ALTER TYPE order_side ADD VALUE 'short';\nCOMMIT;\nBEGIN;\nSELECT "
                                       "'short'::order_side;\nCOMMIT;";
        // A step without a transaction gets no lock_timeout from the run (and SET LOCAL does nothing there).
        QTest::newRow("lock timeout")
            << "pg-missing-lock-timeout"
            << "-- strata:no-transaction\nSET LOCAL lock_timeout = '2s';\nALTER TABLE orders ADD COLUMN memo "
               "text;"
            << "warn"
            << "-- strata:no-transaction\nSET lock_timeout = '2s';\nALTER TABLE orders ADD COLUMN memo text;";
        QTest::newRow("lock timeout 0 in the step")
            << "pg-missing-lock-timeout"
            << "-- strata:lock-timeout 0\nALTER TABLE orders ADD COLUMN memo text;"
            << "warn"
            << "-- strata:lock-timeout 3s\nALTER TABLE orders ADD COLUMN memo text;";
        QTest::newRow("work after exclusive")
            << "pg-work-after-exclusive-lock"
            << lt + "ALTER TABLE orders ADD COLUMN memo text;\nCOMMENT ON COLUMN orders.memo IS 'desk "
                    "notes';\n"
                    "UPDATE accounts SET name = upper(name);"
            << "warn"
            << lt + "UPDATE accounts SET name = upper(name);\nALTER TABLE orders ADD COLUMN memo text;";
        QTest::newRow("lock") << "pg-lock" << lt + "ALTER TABLE orders ADD COLUMN memo text;"
                              << "info"
                              << "INSERT INTO accounts VALUES (1000, 'new');";
        QTest::newRow("unparsed") << "pg-unparsed-statement"
                                  << "ALTER TABLE orders ADD COLUMN (;"
                                  << "block" << lt + "ALTER TABLE orders ADD COLUMN memo text;";
    }

    void ruleFiresAndItsRewriteIsSilent()
    {
        QFETCH(QString, rule);
        QFETCH(QString, risky);
        QFETCH(QString, severity);
        QFETCH(QString, safe);
        QVERIFY2(ReviewRules::find(rule), qPrintable(rule));

        const auto fired = review(risky);
        QVERIFY2(fired, fired ? "" : qPrintable(fired.error().toText()));
        const QList<ReviewFinding> findings = findingsOf(fired);
        const ReviewFinding* f = findRule(findings, rule);
        QVERIFY2(f,
                 qPrintable(QStringLiteral("%1 did not fire; findings:\n%2").arg(rule, describe(findings))));
        QCOMPARE(severityName(f->severity), severity);
        QVERIFY(!f->message.isEmpty());
        QCOMPARE(fired->blocked(), severity == QLatin1String("block"));
        QCOMPARE(f->step, QStringLiteral("7.1"));
        QVERIFY(f->line >= 1);
        if (f->severity != ReviewSeverity::Info) // a lock worth knowing about has nothing to rewrite
            QVERIFY2(!f->rewrite.isEmpty() || !f->rewriteNote.isEmpty(), qPrintable(rule));
        QCOMPARE(m_db->query(QStringLiteral("SELECT count(*) FROM orders"))->value(0, 0).toLongLong(), 2000);

        const auto quiet = review(safe);
        QVERIFY2(quiet, quiet ? "" : qPrintable(quiet.error().toText()));
        const QList<ReviewFinding> after = findingsOf(quiet);
        QVERIFY2(!findRule(after, rule),
                 qPrintable(QStringLiteral("%1 fired on its safe rewrite:\n%2").arg(rule, describe(after))));
    }

    void aDangerousStatementOnAnEmptyTableDoesNotBlock()
    {
        const auto report = review(QStringLiteral("CREATE INDEX fills_by_qty ON empty_fills (qty);"));
        QVERIFY(report);
        const ReviewFinding* f = findRule(findingsOf(report), QStringLiteral("pg-index-not-concurrent"));
        QVERIFY(f);
        QCOMPARE(f->severity, ReviewSeverity::Info);
        QVERIFY(f->load.found);
        QCOMPARE(f->load.rows.value_or(-1), 0);
        QVERIFY(!report->blocked());

        // A table the plan creates is not on the database yet: no index finding at all.
        const auto created =
            review(QStringLiteral("CREATE TABLE fresh (id int);\nCREATE INDEX fresh_id ON fresh (id);"));
        QVERIFY(created);
        QVERIFY(!findRule(findingsOf(created), QStringLiteral("pg-index-not-concurrent")));
    }

    void theIndexRewriteIsItselfSilent()
    {
        const auto report = review(QStringLiteral("CREATE INDEX orders_by_account ON orders (account_id);"));
        QVERIFY(report);
        const ReviewFinding* f = findRule(findingsOf(report), QStringLiteral("pg-index-not-concurrent"));
        QVERIFY(f);
        QCOMPARE(f->rewrite,
                 QStringLiteral("CREATE INDEX CONCURRENTLY orders_by_account ON orders (account_id);"));
        const auto again = review(QStringLiteral("-- strata:no-transaction\n") + f->rewrite);
        QVERIFY(again);
        QVERIFY(!findRule(findingsOf(again), QStringLiteral("pg-index-not-concurrent")));
        // The rewrites of the constraint rules parse and name the constraint PostgreSQL would.
        const auto fk =
            review(QStringLiteral("SET LOCAL lock_timeout = '1s';\nALTER TABLE orders ADD FOREIGN KEY "
                                  "(account_id) REFERENCES accounts (id);"));
        const ReviewFinding* fkf = findRule(findingsOf(fk), QStringLiteral("pg-foreign-key-not-valid"));
        QVERIFY(fkf);
        QVERIFY2(fkf->rewrite.contains(QStringLiteral("NOT VALID")) &&
                     fkf->rewrite.contains(QStringLiteral("VALIDATE CONSTRAINT orders_account_id_fkey")),
                 qPrintable(fkf->rewrite));
    }

    void sizesAndUsersComeFromTheLiveTable()
    {
        auto other = openPg(m_scratch->url());
        QVERIFY(other);
        QVERIFY(other->begin());
        QVERIFY(other->query(QStringLiteral("SELECT count(*) FROM orders")));
        const auto pid = other->query(QStringLiteral("SELECT pg_backend_pid()"));
        QVERIFY(pid);

        const auto report = review(QStringLiteral("CREATE INDEX orders_by_amount ON orders (amount);"));
        QVERIFY(other->rollback());
        QVERIFY(report);
        const ReviewFinding* f = findRule(findingsOf(report), QStringLiteral("pg-index-not-concurrent"));
        QVERIFY(f);
        const auto truth =
            m_db->query(QStringLiteral("SELECT count(*), pg_total_relation_size('orders') FROM orders"));
        QVERIFY(truth);
        QCOMPARE(f->load.rows.value_or(-1), truth->value(0, 0).toLongLong());
        QVERIFY(f->load.rowsExact);
        QCOMPARE(f->load.bytes.value_or(-1), truth->value(0, 1).toLongLong());
        QCOMPARE(f->lockMode, QStringLiteral("SHARE"));
        QCOMPARE(f->load.sessions.size(), 1);
        QVERIFY2(
            f->load.sessions.first().startsWith(QStringLiteral("pid %1 ").arg(pid->value(0, 0).toString())),
            qPrintable(f->load.sessions.first()));
        QVERIFY(f->load.sessions.first().contains(QStringLiteral("AccessShareLock")));
        QVERIFY(f->toText(QString()).contains(QStringLiteral("2,000 rows")));
    }

    void aLargeTableIsSizedFromThePlannersEstimate()
    {
        // Past 8 MB the rows come from reltuples (ANALYZE's estimate), not from a count.
        QVERIFY(m_db->runScript(
            {QStringLiteral("big.sql"),
             "CREATE TABLE fills_history (id bigint PRIMARY KEY, memo text);\n"
             "INSERT INTO fills_history SELECT g, repeat('x', 80) FROM generate_series(1, 120000) g;\n"
             "ANALYZE fills_history;\n",
             1},
            false));
        const auto report =
            review(QStringLiteral("CREATE INDEX fills_history_memo ON fills_history (memo);"));
        QVERIFY(report);
        const ReviewFinding* f = findRule(findingsOf(report), QStringLiteral("pg-index-not-concurrent"));
        QVERIFY(f);
        QVERIFY(!f->load.rowsExact);
        const auto truth = m_db->query(QStringLiteral(
            "SELECT reltuples::bigint, pg_total_relation_size('fills_history') FROM pg_class WHERE relname = "
            "'fills_history'"));
        QVERIFY(truth);
        QCOMPARE(f->load.rows.value_or(-1), truth->value(0, 0).toLongLong());
        QVERIFY(qAbs(*f->load.rows - 120000) < 12000);
        QVERIFY(*f->load.bytes > 8 * 1024 * 1024);
        QCOMPARE(f->load.bytes.value_or(-1), truth->value(0, 1).toLongLong());
        QVERIFY(f->message.contains(QStringLiteral("(estimate)")));
        QCOMPARE(f->severity, ReviewSeverity::Block);
        QVERIFY(m_db->execute(QStringLiteral("DROP TABLE fills_history")));
    }

    void aRollbackIsReviewedFromItsRollbackScript()
    {
        MigrationStep s = step(QStringLiteral("CREATE TABLE desk_notes (id int);"));
        s.rollbackPath = QStringLiteral("007_v7/01_change.down.sql");
        s.rollbackSql = "TRUNCATE orders;\n";
        MigrationPlan plan;
        plan.direction = MigrationPlan::Direction::Down;
        plan.steps = {s};
        const auto report = PlanReview::review(plan, *m_db, std::chrono::milliseconds(1000));
        QVERIFY(report);
        const ReviewFinding* f = findRule(findingsOf(report), QStringLiteral("pg-truncate"));
        QVERIFY(f);
        QCOMPARE(f->file, QStringLiteral("007_v7/01_change.down.sql"));
        QVERIFY(report->blocked());
    }

    void anAllowedFindingStaysButNoLongerBlocks()
    {
        const auto report = review(QStringLiteral(
            "-- strata:allow pg-index-not-concurrent orders is written only by the nightly batch\n"
            "CREATE INDEX orders_by_account ON orders (account_id);"));
        QVERIFY(report);
        const ReviewFinding* f = findRule(findingsOf(report), QStringLiteral("pg-index-not-concurrent"));
        QVERIFY(f);
        QVERIFY(f->suppressed);
        QCOMPARE(f->suppressionReason, QStringLiteral("orders is written only by the nightly batch"));
        QCOMPARE(f->severity, ReviewSeverity::Block);
        QVERIFY(!report->blocked());
        QCOMPARE(report->suppressedCount(), 1);
        QCOMPARE(report->steps.first().suppressions.first().line, 1);
    }

    void anUnknownRuleOrNoReasonIsBadInput()
    {
        const auto unknown =
            review(QStringLiteral("-- strata:allow pg-index-concurrently because\nSELECT 1;"));
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().code, ExitCode::BadInput);
        QVERIFY(unknown.error().what.contains(QStringLiteral("pg-index-concurrently")));
        QVERIFY(unknown.error().what.contains(QStringLiteral("007_v7/01_change.sql:1")));
        QVERIFY(unknown.error().next.contains(QStringLiteral("pg-index-not-concurrent")));

        const auto noReason = review(QStringLiteral("SELECT 1;\n-- strata:allow pg-truncate\n"));
        QVERIFY(!noReason);
        QCOMPARE(noReason.error().code, ExitCode::BadInput);
        QVERIFY(noReason.error().what.contains(QStringLiteral(":2")));
        QVERIFY(noReason.error().what.contains(QStringLiteral("no reason")));
    }

    void anUnparsableStatementIsCheckedByTheServerAndChangesNothing()
    {
        const auto report =
            review(QStringLiteral("SET LOCAL lock_timeout = '1s';\nALTER TABLE orders ADD COLUMN (;\n"
                                  "CREATE INDEX orders_by_amount2 ON orders (amount);"));
        QVERIFY(report);
        const QList<ReviewFinding> findings = findingsOf(report);
        const ReviewFinding* f = findRule(findings, QStringLiteral("pg-unparsed-statement"));
        QVERIFY(f);
        QCOMPARE(f->line, 2);
        QVERIFY2(f->message.contains(QStringLiteral("syntax error")), qPrintable(f->message));
        QVERIFY(f->message.contains(QStringLiteral("the server refuses it too")));
        // The statements around it are still reviewed.
        QVERIFY(findRule(findings, QStringLiteral("pg-index-not-concurrent")));
        // The server's check left nothing behind.
        QCOMPARE(
            m_db->query(QStringLiteral("SELECT count(*) FROM pg_proc WHERE proname = 'strata_review_check'"))
                ->value(0, 0)
                .toLongLong(),
            0);
        QVERIFY(!m_db->query(QStringLiteral("SELECT 1 FROM pg_indexes WHERE indexname = 'orders_by_amount2'"))
                     ->rows.size());
    }

    void theRunsOwnLockTimeoutSilencesTheTimeoutRule()
    {
        // The run sets a lock_timeout for every step in a transaction: the config's, else the session's, else
        // 5 s. Only a config that says 0 (no limit) leaves the step to wait for ever.
        const QList<MigrationStep> steps{step(QStringLiteral("ALTER TABLE orders ADD COLUMN memo text;"))};
        const auto unlimited = PlanReview::review(steps, *m_db, std::chrono::milliseconds(0));
        const ReviewFinding* f = findRule(findingsOf(unlimited), QStringLiteral("pg-missing-lock-timeout"));
        QVERIFY(f);
        QVERIFY2(f->message.contains(QStringLiteral("migration.lock_timeout is 0")), qPrintable(f->message));
        QCOMPARE(f->rewrite,
                 QStringLiteral("SET LOCAL lock_timeout = '5s';\nALTER TABLE orders ADD COLUMN memo text;"));
        for (const auto& config :
             {std::optional<std::chrono::milliseconds>(),
              std::optional<std::chrono::milliseconds>(std::chrono::milliseconds(3000))}) {
            const auto with = PlanReview::review(steps, *m_db, config);
            QVERIFY(with);
            QVERIFY(!findRule(findingsOf(with), QStringLiteral("pg-missing-lock-timeout")));
            QVERIFY(findRule(findingsOf(with), QStringLiteral("pg-lock")));
        }
    }

    /// The adopt issue's corpus (tests/compat, every tool's PostgreSQL folder): each step reviewed on a
    /// database where the steps before it ran, as a run would meet it. No crash, no error, and what fired is
    /// printed for docs/review-rules.md.
    void theCompatCorpusIsReviewedWithoutACrash()
    {
        const QDir compat(QStringLiteral(STRATA_SOURCE_DIR "/tests/compat"));
        QMap<QString, int> counts;
        int reviewed = 0;
        for (const QString& tool : compat.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            const QString folder = compat.filePath(tool + QStringLiteral("/postgresql"));
            if (!QFileInfo(folder).isDir())
                continue;
            auto set = MigrationSetLoader::load(folder);
            QVERIFY2(set, qPrintable(folder));
            ScratchPostgres scratch;
            STRATA_REQUIRE_POSTGRES(scratch);
            auto db = openPg(scratch.url());
            QVERIFY(db);
            for (const auto& step : set->stepsFor(Dialect::Postgres)) {
                const auto report = PlanReview::review(QList<MigrationStep>{step}, *db);
                QVERIFY2(report, qPrintable(report ? QString() : report.error().toText()));
                ++reviewed;
                for (const auto& f : findingsOf(report)) {
                    if (!counts.contains(f.rule))
                        qInfo("%s sample: %s/%s line %d [%s] %s", qPrintable(f.rule), qPrintable(tool),
                              qPrintable(f.file), f.line, qPrintable(severityName(f.severity)),
                              qPrintable(f.excerpt));
                    ++counts[f.rule];
                }
                (void)db->runScript(step.forwardScript(), false);
            }
        }
        QVERIFY(reviewed > 20);
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            qInfo("corpus: %s fired %d times", qPrintable(it.key()), it.value());
        qInfo("corpus: %d steps reviewed", reviewed);
    }

    /// Any cut of a real step file (a half-written statement, an unclosed quote or parenthesis) is reviewed
    /// without a crash or an error, and leaves the database as it was.
    void aCutStepFileIsReviewedWithoutACrash()
    {
        const QByteArray file =
            "SET LOCAL lock_timeout = '2s';\n"
            "ALTER TABLE orders ADD COLUMN jitter float8 DEFAULT random(), ALTER COLUMN amount TYPE bigint;\n"
            "CREATE INDEX \"Orders by ref\" ON public.orders USING btree (ref) WHERE ref <> 'x;y';\n"
            "ALTER TABLE orders ADD CONSTRAINT orders_account_fk FOREIGN KEY (account_id) REFERENCES "
            "accounts (id);\n"
            "DO $body$ BEGIN RAISE NOTICE 'a;b'; END $body$;\n"
            "ALTER TYPE order_side ADD VALUE 'short';\nUPDATE orders SET note = 'short' WHERE id = 1;\n"
            "DROP TABLE IF EXISTS empty_fills, orders;\nTRUNCATE accounts;\n";
        const QStringList before = [&] {
            QStringList t = *m_db->userTables();
            t.sort();
            return t;
        }();
        int reviewed = 0;
        for (qsizetype cut = 1; cut <= file.size(); cut += 7) {
            MigrationStep s = step(QString::fromUtf8(file.left(cut)));
            const auto report = PlanReview::review(QList<MigrationStep>{s}, *m_db);
            QVERIFY2(report, qPrintable(QStringLiteral("cut at %1: %2")
                                            .arg(cut)
                                            .arg(report ? QString() : report.error().toText())));
            ++reviewed;
        }
        QVERIFY(reviewed > 50);
        QStringList after = *m_db->userTables();
        after.sort();
        QCOMPARE(after, before);
        QCOMPARE(m_db->query(QStringLiteral("SELECT count(*) FROM orders"))->value(0, 0).toLongLong(), 2000);
    }

    void cleanupTestCase()
    {
        m_db.reset();
        m_scratch.reset();
    }
};

QTEST_GUILESS_MAIN(TestReviewPostgres)
#include "tst_review_postgres.moc"
