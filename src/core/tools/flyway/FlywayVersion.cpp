#include "tools/flyway/FlywayVersion.h"

#include <limits>

#include <QList>
#include <QRegularExpression>

namespace strata {

namespace {

Error badVersion(const QString& path, const QString& what)
{
    return Error::badInput(QStringLiteral("%1: %2").arg(path, what),
                           QStringLiteral("Rename it with a Flyway version such as V2__, V2.1__ or V2_1_3__ "
                                          "(see docs/migration-sets.md, \"Flyway\")."),
                           QStringLiteral("Nothing was run; the database is unchanged."));
}

} // namespace

Result<FlywayVersion> FlywayVersion::parse(const QString& written, const QString& path)
{
    FlywayVersion v;
    v.text = QString(written).replace(QLatin1Char('_'), QLatin1Char('.'));
    // MigrationVersion splits at a dot followed by a digit; each part must then be a whole number.
    static const QRegularExpression split(QStringLiteral("\\.(?=\\d)"));
    const QStringList texts = v.text.split(split);
    QList<qint64> parts;
    for (const QString& t : texts) {
        bool digits = !t.isEmpty();
        for (const QChar c : t)
            digits = digits && c >= QLatin1Char('0') && c <= QLatin1Char('9');
        if (!digits)
            return badVersion(path, QStringLiteral("\"%1\" is no Flyway version: a version may only contain "
                                                   "0..9 and dots (or underscores read as dots).")
                                        .arg(written));
        bool ok = false;
        const qint64 n = t.toLongLong(&ok);
        if (!ok)
            return badVersion(path,
                              QStringLiteral("version %1 has a part too large for Strata.").arg(v.text));
        parts << n;
    }
    while (parts.size() > 1 && parts.last() == 0) // Flyway ignores trailing zero parts: 1.0 = 1
        parts.removeLast();
    if (parts.size() > 4)
        return badVersion(path, QStringLiteral("version %1 has more than four parts; Strata holds Flyway "
                                               "versions of up to four (see docs/decisions.md).")
                                    .arg(v.text));
    for (qsizetype i = 1; i < parts.size(); ++i)
        if (parts.at(i) >= 1000)
            return badVersion(path, QStringLiteral("version %1 has a part of 1000 or more after its first; "
                                                   "Strata holds those parts below 1000 (see "
                                                   "docs/decisions.md).")
                                        .arg(v.text));
    v.version = parts.at(0);
    const auto part = [&](qsizetype i) { return i < parts.size() ? parts.at(i) : 0; };
    v.step = static_cast<int>(1 + part(1) * 1000000 + part(2) * 1000 + part(3));
    return v;
}

} // namespace strata
