#include <QDir>
#include <QtTest>

#include <libpq-fe.h>

#include "connection/ConnectionUrl.h"

using namespace strata;

class TestConnectionUrl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sqliteRelativePathBecomesAbsolute()
    {
        auto url = ConnectionUrl::parse(QStringLiteral("sqlite:data/state.db"));
        QVERIFY(url.ok());
        QCOMPARE(url->dialect(), Dialect::Sqlite);
        QCOMPARE(url->sqlitePath(), QDir::current().absoluteFilePath(QStringLiteral("data/state.db")));
    }

    void sqliteTripleSlashIsAbsolute()
    {
        auto url = ConnectionUrl::parse(QStringLiteral("sqlite:///var/lib/risk/state.db"));
        QVERIFY(url.ok());
        QCOMPARE(url->sqlitePath(), QStringLiteral("/var/lib/risk/state.db"));
        QCOMPARE(url->display(), QStringLiteral("sqlite:/var/lib/risk/state.db"));
    }

    void sqliteWithHostIsRefused()
    {
        auto url = ConnectionUrl::parse(QStringLiteral("sqlite://server/state.db"));
        QVERIFY(!url.ok());
        QCOMPARE(url.error().code, ExitCode::BadInput);
    }

    void postgresParametersPassThrough()
    {
        auto url =
            ConnectionUrl::parse(QStringLiteral("postgresql://trader@db.internal:5433/"
                                                "trading?sslmode=verify-full&sslrootcert=/etc/ssl/root.crt"));
        QVERIFY(url.ok());
        QCOMPARE(url->dialect(), Dialect::Postgres);
        QCOMPARE(url->postgresParameter(QStringLiteral("host")), QStringLiteral("db.internal"));
        QCOMPARE(url->postgresParameter(QStringLiteral("port")), QStringLiteral("5433"));
        QCOMPARE(url->postgresParameter(QStringLiteral("dbname")), QStringLiteral("trading"));
        QCOMPARE(url->postgresParameter(QStringLiteral("user")), QStringLiteral("trader"));
        QCOMPARE(url->postgresParameter(QStringLiteral("sslmode")), QStringLiteral("verify-full"));
        QCOMPARE(url->postgresParameter(QStringLiteral("sslrootcert")), QStringLiteral("/etc/ssl/root.crt"));
        const QString conninfo = url->postgresConnInfo();
        QVERIFY(conninfo.contains(QStringLiteral("sslmode='verify-full'")));
        QVERIFY(conninfo.contains(QStringLiteral("sslrootcert='/etc/ssl/root.crt'")));
        QCOMPARE(url->display(), QStringLiteral("postgresql://trader@db.internal:5433/trading"));
    }

    void postgresShortSchemeIsAccepted()
    {
        auto url = ConnectionUrl::parse(QStringLiteral("postgres://u@localhost/db"));
        QVERIFY(url.ok());
        QCOMPARE(url->dialect(), Dialect::Postgres);
    }

    void passwordInUrlIsRefused()
    {
        auto url = ConnectionUrl::parse(QStringLiteral("postgresql://trader:secret@localhost/db"));
        QVERIFY(!url.ok());
        QCOMPARE(url.error().code, ExitCode::BadInput);
        QVERIFY(url.error().next.contains(QStringLiteral("PGPASSWORD")));
        QVERIFY(!url.error().toText().contains(QStringLiteral("secret")));
    }

    void passwordParameterIsRefused()
    {
        auto url = ConnectionUrl::parse(QStringLiteral("postgresql://trader@localhost/db?password=secret"));
        QVERIFY(!url.ok());
        QCOMPARE(url.error().code, ExitCode::BadInput);
    }

    // A query parameter's name went into the conninfo as it was: libpq then read another keyword, or (first
    // in the conninfo) a whole URI, password included, from what looked like one parameter.
    void parameterNamesThatAreNoKeywordAreRefused_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("a second keyword")
            << QStringLiteral("postgresql://trader@db.internal/risk?sslmode%3D'require'%20password=secret");
        QTest::newRow("a URI") << QStringLiteral("postgresql://?postgresql://trader:secret@elsewhere/risk=1");
        QTest::newRow("upper case") << QStringLiteral("postgresql://db.internal/risk?SSLMODE=disable");
    }

    void parameterNamesThatAreNoKeywordAreRefused()
    {
        QFETCH(QString, text);
        auto url = ConnectionUrl::parse(text);
        if (url.ok()) {
            char* message = nullptr;
            PQconninfoOption* options =
                PQconninfoParse(url->postgresConnInfo().toUtf8().constData(), &message);
            QStringList read;
            for (PQconninfoOption* o = options; o && o->keyword; ++o)
                if (o->val)
                    read << QStringLiteral("%1=%2").arg(QString::fromUtf8(o->keyword),
                                                        QString::fromUtf8(o->val));
            PQconninfoFree(options);
            PQfreemem(message);
            QFAIL(qPrintable(QStringLiteral("accepted; libpq reads: ") + read.join(QLatin1Char(' '))));
        }
        QCOMPARE(url.error().code, ExitCode::BadInput);
        QVERIFY2(url.error().what.contains(QStringLiteral("libpq keyword")), qPrintable(url.error().what));
        QVERIFY(!url.error().toText().contains(QStringLiteral("secret")));
    }

    void requiresslIsRefusedForSslmode()
    {
        // libpq reads requiressl as an sslmode of its own: the fuzzer found a URL whose requiressl libpq
        // did not read as written.
        for (const QString& value : {QStringLiteral("1"), QStringLiteral("/s?dbname=t")}) {
            auto url =
                ConnectionUrl::parse(QStringLiteral("postgresql://ops@db.internal/risk?requiressl=") + value);
            QVERIFY(!url.ok());
            QCOMPARE(url.error().code, ExitCode::BadInput);
            QVERIFY2(url.error().next.contains(QStringLiteral("sslmode=require")),
                     qPrintable(url.error().toText()));
        }
    }

    void libpqKeywordsPassThrough()
    {
        auto url = ConnectionUrl::parse(
            QStringLiteral("postgres://ops@127.0.0.1/strategy?application_name=strata&connect_timeout=5&"
                           "target_session_attrs=read-write&options=-c%20statement_timeout%3D5000"));
        QVERIFY2(url.ok(), qPrintable(url.ok() ? QString() : url.error().toText()));
        QCOMPARE(url->postgresParameter(QStringLiteral("options")),
                 QStringLiteral("-c statement_timeout=5000"));
        QCOMPARE(url->postgresParameter(QStringLiteral("target_session_attrs")),
                 QStringLiteral("read-write"));
    }

    void withDatabaseNameKeepsTheServer()
    {
        auto url = ConnectionUrl::parse(QStringLiteral("postgresql://u@h:1/a?sslmode=require"));
        QVERIFY(url.ok());
        const ConnectionUrl other = url->withDatabaseName(QStringLiteral("b"));
        QCOMPARE(other.postgresParameter(QStringLiteral("dbname")), QStringLiteral("b"));
        QCOMPARE(other.postgresParameter(QStringLiteral("sslmode")), QStringLiteral("require"));
    }

    void unknownSchemeIsBadInput()
    {
        auto url = ConnectionUrl::parse(QStringLiteral("mysql://u@h/db"));
        QVERIFY(!url.ok());
        QCOMPARE(url.error().code, ExitCode::BadInput);
        QVERIFY(url.error().next.contains(QStringLiteral("sqlite:")));
    }
};

QTEST_GUILESS_MAIN(TestConnectionUrl)
#include "tst_connection_url.moc"
