// strata-cli review on the test PostgreSQL: exit 5 while a block finding stands, 0 once a step's
// -- strata:allow accepts it or its safe rewrite (review --patch, applied with patch(1)) replaces it, 2 for
// an allow line naming no known rule or giving no reason; the JSON document; the database is only read.
#include <QtTest>

#include "CliTestKit.h"

using namespace strata;
using namespace strata::test;
using namespace strata::test::cli;

namespace {

const QByteArray kBase = "CREATE TABLE orders (id bigint PRIMARY KEY, account_id bigint, amount int);\n"
                         "INSERT INTO orders SELECT g, g % 7, g FROM generate_series(1, 300) g;\n";
const QByteArray kIndex = "-- Faster account lookups for the risk checks\n"
                          "CREATE INDEX orders_by_account ON orders (account_id);\n";

} // namespace

class TestCliReview : public QObject
{
    Q_OBJECT

    /// A database at v1 (orders with 300 rows) and a set whose v2 holds `step`.
    struct Fixture
    {
        std::unique_ptr<TestDatabase> db;
        std::unique_ptr<SetBuilder> set;
    };

    static Fixture fixture(const QByteArray& step)
    {
        Fixture f{std::make_unique<TestDatabase>(Engine::Postgres, Content::Empty),
                  std::make_unique<SetBuilder>()};
        if (!f.db->ok())
            return f;
        f.set->file(QStringLiteral("001_v1/01_orders.sql"), kBase);
        const auto migrated = CliProcess::run(
            {QStringLiteral("--db"), f.db->url(), QStringLiteral("--migrations"), f.set->path(),
             QStringLiteral("migrate"), QStringLiteral("--yes"), QStringLiteral("--no-backup")});
        if (migrated.exitCode != 0)
            qWarning("migrate to v1 failed: %s", qPrintable(migrated.err));
        f.set->file(QStringLiteral("002_v2/01_indexes.sql"), step);
        return f;
    }

    static CliProcess::Outcome review(const Fixture& f, const QStringList& more = {})
    {
        return CliProcess::run(
            QStringList{QStringLiteral("--db"), f.db->url(), QStringLiteral("--migrations"), f.set->path()} +
            more + QStringList{QStringLiteral("review")});
    }

    static QJsonObject firstFinding(const QJsonObject& doc, const QString& rule)
    {
        for (const auto& s : doc.value(QStringLiteral("steps")).toArray())
            for (const auto& f : s.toObject().value(QStringLiteral("findings")).toArray())
                if (f.toObject().value(QStringLiteral("rule")).toString() == rule)
                    return f.toObject();
        return {};
    }

private Q_SLOTS:
    void aBlockFindingExitsFiveAndChangesNothing()
    {
        const Fixture f = fixture(kIndex);
        QVERIFY2(f.db->ok(), qPrintable(f.db->error()));
        const QStringList before = stateOf(f.db->url());

        const auto text = review(f);
        QCOMPARE(text.exitCode, 5);
        QVERIFY2(text.out.contains(QStringLiteral("BLOCK [pg-index-not-concurrent] line 2")),
                 qPrintable(text.out));
        QVERIFY(text.out.contains(QStringLiteral("orders: 300 rows")));
        QVERIFY(text.out.contains(
            QStringLiteral("CREATE INDEX CONCURRENTLY orders_by_account ON orders (account_id);")));

        const auto json = review(f, {QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 5);
        const QJsonObject doc = json.json();
        QCOMPARE(doc.value(QStringLiteral("command")).toString(), QStringLiteral("review"));
        QCOMPARE(doc.value(QStringLiteral("blocked")).toBool(), true);
        QCOMPARE(doc.value(QStringLiteral("counts")).toObject().value(QStringLiteral("block")).toInt(), 1);
        const QJsonObject finding = firstFinding(doc, QStringLiteral("pg-index-not-concurrent"));
        QCOMPARE(finding.value(QStringLiteral("severity")).toString(), QStringLiteral("block"));
        QCOMPARE(finding.value(QStringLiteral("step")).toString(), QStringLiteral("2.1"));
        QCOMPARE(finding.value(QStringLiteral("lock")).toString(), QStringLiteral("SHARE"));
        QCOMPARE(finding.value(QStringLiteral("table_size")).toObject().value(QStringLiteral("rows")).toInt(),
                 300);
        QVERIFY(
            finding.value(QStringLiteral("table_size")).toObject().value(QStringLiteral("bytes")).toDouble() >
            0);
        QVERIFY(finding.value(QStringLiteral("rewrite")).toString().contains(QStringLiteral("CONCURRENTLY")));
        QVERIFY(doc.value(QStringLiteral("patch"))
                    .toString()
                    .startsWith(QStringLiteral("--- a/002_v2/01_indexes.sql\n")));
        // With --json the human text goes to stderr and stdout is the document alone.
        QVERIFY(json.err.contains(QStringLiteral("pg-index-not-concurrent")));

        QCOMPARE(stateOf(f.db->url()), before);
    }

    void thePatchAppliesAndTheReviewThenPasses_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::newRow("newline at the end") << kIndex;
        QTest::newRow("no newline at the end") << kIndex.chopped(1);
        QTest::newRow("statement in the middle") << QByteArray("SET LOCAL lock_timeout = '2s';\n") + kIndex +
                                                        "UPDATE orders SET amount = amount WHERE id = 1;\n";
    }

    void thePatchAppliesAndTheReviewThenPasses()
    {
        QFETCH(QByteArray, file);
        const Fixture f = fixture(file);
        QVERIFY2(f.db->ok(), qPrintable(f.db->error()));
        const auto patch = review(f, {QStringLiteral("--patch")});
        QCOMPARE(patch.exitCode, 5);
        QVERIFY2(patch.out.startsWith(QStringLiteral("--- a/002_v2/01_indexes.sql")), qPrintable(patch.out));
        QVERIFY(patch.err.contains(QStringLiteral("BLOCK [pg-index-not-concurrent]")));

        QProcess apply;
        apply.setWorkingDirectory(f.set->path());
        apply.start(QStringLiteral("patch"), {QStringLiteral("-p1")});
        QVERIFY(apply.waitForStarted());
        apply.write(patch.out.toUtf8());
        apply.closeWriteChannel();
        QVERIFY(apply.waitForFinished());
        QCOMPARE(apply.exitCode(), 0);
        QFile patched(QDir(f.set->path()).filePath(QStringLiteral("002_v2/01_indexes.sql")));
        QVERIFY(patched.open(QIODevice::ReadOnly));
        const QByteArray after = patched.readAll();
        QVERIFY(after.contains("CREATE INDEX CONCURRENTLY orders_by_account ON orders (account_id);"));
        QCOMPARE(after.endsWith('\n'), file.endsWith('\n'));
        QCOMPARE(after.count('\n'), file.count('\n') + 1); // the rewrite's note above it

        const auto again = review(f, {QStringLiteral("--json")});
        QCOMPARE(again.exitCode, 0);
        QVERIFY(firstFinding(again.json(), QStringLiteral("pg-index-not-concurrent")).isEmpty());
    }

    void anAllowedFindingIsShownAndExitsZero()
    {
        const Fixture f = fixture(
            "-- strata:allow pg-index-not-concurrent orders is written only by the nightly batch\n" + kIndex);
        QVERIFY2(f.db->ok(), qPrintable(f.db->error()));
        const auto run = review(f, {QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject finding = firstFinding(run.json(), QStringLiteral("pg-index-not-concurrent"));
        QCOMPARE(finding.value(QStringLiteral("suppressed")).toBool(), true);
        QCOMPARE(finding.value(QStringLiteral("suppression_reason")).toString(),
                 QStringLiteral("orders is written only by the nightly batch"));
        QVERIFY(run.err.contains(
            QStringLiteral("allowed in the step's file: orders is written only by the nightly batch")));
    }

    void theRunLogKeepsTheAllowedFindingAndItsReason()
    {
        const Fixture f = fixture(
            "-- strata:allow pg-index-not-concurrent orders is written only by the nightly batch\n" + kIndex);
        QVERIFY2(f.db->ok(), qPrintable(f.db->error()));
        QTemporaryDir logs;
        const auto run =
            CliProcess::run({QStringLiteral("--db"), f.db->url(), QStringLiteral("--migrations"),
                             f.set->path(), QStringLiteral("--out"), logs.path() + QStringLiteral("/"),
                             QStringLiteral("migrate"), QStringLiteral("--yes")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("review: 1 step reviewed: 0 block")), qPrintable(run.err));
        const QStringList found =
            QDir(logs.path()).entryList({QStringLiteral("strata-run-*.json")}, QDir::Files);
        QCOMPARE(found.size(), 1);
        QFile log(QDir(logs.path()).filePath(found.first()));
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QJsonObject review =
            QJsonDocument::fromJson(log.readAll()).object().value(QStringLiteral("review")).toObject();
        const QJsonObject finding = firstFinding(review, QStringLiteral("pg-index-not-concurrent"));
        QCOMPARE(finding.value(QStringLiteral("suppressed")).toBool(), true);
        QCOMPARE(finding.value(QStringLiteral("suppression_reason")).toString(),
                 QStringLiteral("orders is written only by the nightly batch"));
        QCOMPARE(finding.value(QStringLiteral("table_size")).toObject().value(QStringLiteral("rows")).toInt(),
                 300);
    }

    void aBadAllowLineIsBadInput_data()
    {
        QTest::addColumn<QByteArray>("allow");
        QTest::addColumn<QString>("says");
        QTest::newRow("unknown rule") << QByteArray("-- strata:allow pg-index-concurrent we know\n")
                                      << QStringLiteral("unknown rule \"pg-index-concurrent\"");
        QTest::newRow("no reason") << QByteArray("-- strata:allow pg-index-not-concurrent\n")
                                   << QStringLiteral("gives no reason");
        QTest::newRow("no rule") << QByteArray("-- strata:allow\n") << QStringLiteral("names no rule");
    }

    void aBadAllowLineIsBadInput()
    {
        QFETCH(QByteArray, allow);
        QFETCH(QString, says);
        const Fixture f = fixture(allow + kIndex);
        QVERIFY2(f.db->ok(), qPrintable(f.db->error()));
        const auto run = review(f, {QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(says), qPrintable(run.err));
        QVERIFY(run.err.contains(QStringLiteral("002_v2/01_indexes.sql:1")));
        // An unknown or missing rule is answered with the list of known ones.
        if (!says.contains(QStringLiteral("no reason")))
            QVERIFY(run.err.contains(QStringLiteral("pg-set-not-null")));
        QCOMPARE(run.json().value(QStringLiteral("ok")).toBool(true), false);
    }

    void anUnparsableStatementIsReportedNotCrashed()
    {
        const Fixture f = fixture("ALTER TABLE orders ADD COLUMN (;\n");
        QVERIFY2(f.db->ok(), qPrintable(f.db->error()));
        const auto run = review(f, {QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 5);
        const QJsonObject finding = firstFinding(run.json(), QStringLiteral("pg-unparsed-statement"));
        QVERIFY(finding.value(QStringLiteral("message")).toString().contains(QStringLiteral("syntax error")));
    }

    void nothingPendingExitsZero()
    {
        const Fixture f = fixture(kIndex);
        QVERIFY2(f.db->ok(), qPrintable(f.db->error()));
        const auto run = review(f, {QStringLiteral("--json"), QStringLiteral("--to"), QStringLiteral("1")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.json().value(QStringLiteral("steps")).toArray().size(), 0);
        const auto extra =
            CliProcess::run({QStringLiteral("--db"), f.db->url(), QStringLiteral("--migrations"),
                             f.set->path(), QStringLiteral("review"), QStringLiteral("now")});
        QCOMPARE(extra.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliReview)
#include "tst_cli_review.moc"
