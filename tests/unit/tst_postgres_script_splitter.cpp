// Splitting PostgreSQL scripts into statements: a large script is split in batches (so that its parse
// trees never exist all at once) and must come out exactly as PostgreSQL's parser would split it whole,
// whatever falls on a batch's edge.

#include <QtTest>

#include "dialects/postgres/PostgresScriptSplitter.h"

using namespace strata;

namespace {

/// The statements' texts, trimmed.
QStringList texts(const QByteArray& script)
{
    QStringList out;
    for (const auto& s : PostgresScriptSplitter::split(script))
        out << QString::fromUtf8(script.mid(s.offset, s.length)).trimmed();
    return out;
}

QByteArray insert(int n)
{
    return QStringLiteral("INSERT INTO fills (id, note) VALUES (%1, 'fill %1; of the overnight session');\n")
        .arg(n)
        .toUtf8();
}

/// A function whose SQL-standard body holds semicolons that only the parser knows are inside it.
const QByteArray kAtomic = "CREATE FUNCTION fill_count() RETURNS bigint LANGUAGE sql\n"
                           "BEGIN ATOMIC\n"
                           "  SELECT 1;\n"
                           "  SELECT count(*) FROM fills;\n"
                           "END;\n";
const QByteArray kDollar = "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $body$\n"
                           "BEGIN\n  NEW.note := 'touched; again';\n  RETURN NEW;\nEND;\n$body$;\n";

} // namespace

class TestPostgresScriptSplitter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void smallScriptKeepsBodiesWhole()
    {
        const QByteArray script = insert(1) + kAtomic + kDollar + insert(2);
        const QStringList statements = texts(script);
        QCOMPARE(statements.size(), 4);
        QVERIFY(statements.at(1).startsWith(QLatin1String("CREATE FUNCTION fill_count")));
        QVERIFY(statements.at(1).endsWith(QLatin1String("END")));
        QVERIFY(statements.at(2).contains(QLatin1String("$body$;")) ||
                statements.at(2).endsWith(QLatin1String("$body$")));
    }

    void largeScriptSplitsLikeTheWholeParse_data()
    {
        QTest::addColumn<int>("edgeOffset");
        // Where the first batch's edge (1 MiB) falls against the BEGIN ATOMIC function's first semicolon:
        // just after it (the batch would end inside the function's body), or before the function.
        QTest::newRow("edge inside the function's body") << 5;
        QTest::newRow("edge before the function") << -200;
        QTest::newRow("function well inside the second batch") << -400000;
    }

    void largeScriptSplitsLikeTheWholeParse()
    {
        QFETCH(int, edgeOffset);
        constexpr int kBefore = 12000;
        constexpr int kInserts = 30000; // about 2.5 MB: three batches
        QByteArray script;
        for (int n = 1; n <= kBefore; ++n)
            script += insert(n);
        // A comment pads the script so that the end of the function's first inner statement lies
        // `edgeOffset` bytes before the 1 MiB edge.
        const qsizetype firstInner = kAtomic.indexOf("SELECT 1") + qsizetype(sizeof("SELECT 1") - 1);
        const qsizetype pad = (1 << 20) - edgeOffset - script.size() - firstInner - 4;
        QVERIFY(pad >= 0);
        script += "-- " + QByteArray(pad, 'x') + "\n";
        script += kAtomic;
        for (int n = kBefore + 1; n <= kInserts; ++n) {
            script += insert(n);
            if (n == kInserts - 100)
                script += kDollar;
        }
        QVERIFY(script.size() > 2 * (1 << 20));
        const QStringList statements = texts(script);
        QCOMPARE(statements.size(), kInserts + 2);
        int atomic = 0;
        int dollar = 0;
        for (const QString& s : statements) {
            if (s.contains(QLatin1String("CREATE FUNCTION fill_count"))) {
                ++atomic;
                QVERIFY2(s.endsWith(QLatin1String("END")), qPrintable(s.right(200)));
            } else if (s.startsWith(QLatin1String("CREATE FUNCTION touch"))) {
                ++dollar;
            } else {
                QVERIFY2(s.startsWith(QLatin1String("INSERT INTO fills")), qPrintable(s.left(80)));
            }
        }
        QCOMPARE(atomic, 1);
        QCOMPARE(dollar, 1);
        // Offsets point into the script, in order, without overlap.
        qsizetype last = -1;
        for (const auto& s : PostgresScriptSplitter::split(script)) {
            QVERIFY(s.offset > last);
            QVERIFY(s.offset + s.length <= script.size());
            last = s.offset + s.length;
        }
    }

    void largeScriptWithAnErrorStillReachesTheServer()
    {
        // The parser rejects the script: the split must still give every statement, so that the server
        // names the bad one with its own message and position.
        QByteArray script;
        for (int n = 1; n <= 30000; ++n)
            script += insert(n);
        script += "INSERT INTO fills (id,, note) VALUES (0, 'bad');\n";
        const QStringList statements = texts(script);
        QCOMPARE(statements.size(), 30001);
        QVERIFY(statements.last().startsWith(QLatin1String("INSERT INTO fills (id,, note)")));
    }

    void textTheScannerCannotBalanceStillReachesTheServer_data()
    {
        QTest::addColumn<QByteArray>("script");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("alone") << QByteArray("ALTER TABLE fills ADD COLUMN (;\n")
                               << QStringList{QStringLiteral("ALTER TABLE fills ADD COLUMN (;")};
        QTest::newRow("after a good statement")
            << QByteArray("CREATE TABLE fills (id int);\nALTER TABLE fills ADD COLUMN (;\n-- the end\n")
            << QStringList{QStringLiteral("CREATE TABLE fills (id int)"),
                           QStringLiteral("ALTER TABLE fills ADD COLUMN (;\n-- the end")};
    }

    void textTheScannerCannotBalanceStillReachesTheServer()
    {
        // An unclosed parenthesis: the parser rejects the script and the scanner stops where it is. Nothing
        // of the script may be left out of the split, or the step would run less than its file and be
        // recorded as applied.
        QFETCH(QByteArray, script);
        QFETCH(QStringList, expected);
        QCOMPARE(texts(script), expected);
    }

    void trailingCommentsAndSemicolonsAddNothing()
    {
        QCOMPARE(texts("SELECT 1;\n;\n-- done\n/* really */\n"), QStringList{QStringLiteral("SELECT 1")});
    }
};

QTEST_GUILESS_MAIN(TestPostgresScriptSplitter)
#include "tst_postgres_script_splitter.moc"
