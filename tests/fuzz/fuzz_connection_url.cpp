// Feeds ConnectionUrl::parse what an operator types after --db: sqlite: paths and postgresql:// URLs with
// any query parameters. What it accepts must reach libpq as exactly the parameters it parsed, and never
// with a password.
#include <libpq-fe.h>

#include "FuzzCheck.h"
#include "connection/ConnectionUrl.h"

using namespace strata;
using strata::fuzz::check;

namespace {

/// libpq's reading of the conninfo string Strata hands it: (keyword, value) of every keyword set.
QList<QPair<QString, QString>> libpqReading(const QString& conninfo, QString& error)
{
    QList<QPair<QString, QString>> pairs;
    char* message = nullptr;
    PQconninfoOption* options = PQconninfoParse(conninfo.toUtf8().constData(), &message);
    if (!options) {
        error = message ? QString::fromUtf8(message).trimmed() : QStringLiteral("out of memory");
        PQfreemem(message);
        return pairs;
    }
    for (PQconninfoOption* o = options; o->keyword; ++o)
        if (o->val)
            pairs.append({QString::fromUtf8(o->keyword), QString::fromUtf8(o->val)});
    PQconninfoFree(options);
    return pairs;
}

void checkPostgres(const ConnectionUrl& url)
{
    for (const auto& [key, value] : url.postgresParameters()) {
        check(key.compare(QLatin1String("password"), Qt::CaseInsensitive) != 0,
              "a password parameter passed");
        check(!value.isEmpty(), QStringLiteral("parameter %1 without a value").arg(key));
    }
    const QString conninfo = url.postgresConnInfo();
    QString error;
    const auto reading = libpqReading(conninfo, error);
    for (const auto& [key, value] : reading)
        check(key != QLatin1String("password"),
              QStringLiteral("libpq reads a password from the conninfo %1").arg(conninfo));
    // libpq rejects a keyword it does not know, and then connects to nothing: that is the server's answer
    // to give. What it reads, though, must be what was parsed, keyword by keyword.
    if (error.isEmpty()) {
        auto expected = url.postgresParameters();
        QList<QPair<QString, QString>> last; // a keyword given twice: libpq keeps the last value
        for (const auto& pair : expected) {
            last.removeIf([&](const auto& p) { return p.first == pair.first; });
            last.append(pair);
        }
        for (const auto& pair : last)
            check(reading.contains(pair),
                  QStringLiteral("libpq reads %1 without %2='%3'").arg(conninfo, pair.first, pair.second));
        check(reading.size() == last.size(), QStringLiteral("libpq reads %1 keywords from %2, %3 were parsed")
                                                 .arg(reading.size())
                                                 .arg(conninfo)
                                                 .arg(last.size()));
    }
    const ConnectionUrl scratch = url.withDatabaseName(QStringLiteral("strata_scratch_1"));
    check(scratch.postgresParameter(QStringLiteral("dbname")) == QLatin1String("strata_scratch_1"),
          "withDatabaseName did not set dbname");
    (void)scratch.postgresConnInfo();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const auto url = ConnectionUrl::parse(text);
    if (!url) {
        check(url.error().code == ExitCode::BadInput, "a URL error that is not bad input");
        return 0;
    }
    const QString display = url->display();
    check(!display.isEmpty(), "an empty display()");
    if (url->dialect() == Dialect::Sqlite)
        check(!url->sqlitePath().isEmpty(), "a SQLite URL without a path");
    else
        checkPostgres(*url);
    return 0;
}
