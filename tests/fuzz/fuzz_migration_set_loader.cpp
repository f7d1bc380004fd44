// Feeds MigrationSetLoader a whole folder: every layout's file names (Strata's version folders, numbered
// SQL, Flyway, golang-migrate, dbmate, goose, sqlx, Prisma), their step headers and directives, dbmate's and
// goose's sections, Flyway placeholders and a strata.yaml. The input is split into files by "=== NAME" lines
// (tests/fuzz/support/FuzzFolder.h).
#include <QRegularExpression>

#include "FuzzCheck.h"
#include "FuzzFolder.h"
#include "migrations/MigrationSetLoader.h"

using namespace strata;
using strata::fuzz::check;

namespace {

/// The number a file name gives its version: the leading digits (after Flyway's V or U), without zeros.
QString versionDigits(const QString& forwardPath)
{
    static const QRegularExpression leading(QStringLiteral("^[VU]?0*(\\d+)"));
    const auto m = leading.match(forwardPath);
    return m.hasMatch() ? m.captured(1) : QString();
}

void checkSet(const MigrationSet& set)
{
    for (qsizetype i = 0; i < set.steps.size(); ++i) {
        const MigrationStep& s = set.steps[i];
        check(!s.forwardPath.isEmpty(), QStringLiteral("step %1 has no forward file").arg(s.slot()));
        check(s.noOp || !s.forwardSql.isEmpty(), QStringLiteral("%1 loaded with no SQL").arg(s.forwardPath));
        check(s.checksum.size() == 64, QStringLiteral("%1 has no SHA-256").arg(s.forwardPath));
        check(s.forwardFirstLine >= 1 && s.rollbackFirstLine >= 1,
              QStringLiteral("%1 starts before its first line").arg(s.forwardPath));
        // A rollback path may come with no statement (dbmate's empty down block); SQL never without a path.
        check(s.hasRollback() || s.rollbackSql.isEmpty(),
              QStringLiteral("%1: rollback SQL without a path").arg(s.forwardPath));
        check(!s.hasRollback() || s.layout == QLatin1String("dbmate") || !s.rollbackSql.trimmed().isEmpty(),
              QStringLiteral("%1: an empty rollback outside dbmate").arg(s.forwardPath));
        const QString digits = versionDigits(s.forwardPath);
        check(digits.isEmpty() || QString::number(s.version) == digits,
              QStringLiteral("%1 was read as version %2").arg(s.forwardPath).arg(s.version));
        if (s.layout == QLatin1String("strata")) {
            const QString stepDigits = versionDigits(s.forwardPath.section(QLatin1Char('/'), 1));
            check(QString::number(s.step) == stepDigits,
                  QStringLiteral("%1 was read as step %2").arg(s.forwardPath).arg(s.step));
        }
        if (i > 0) {
            const MigrationStep& p = set.steps[i - 1];
            check(!p.repeatable || s.repeatable,
                  QStringLiteral("versioned step %1 after a repeatable script").arg(s.slot()));
            check(s.repeatable || p.version < s.version || (p.version == s.version && p.step <= s.step),
                  QStringLiteral("steps out of order: %1 before %2").arg(p.slot(), s.slot()));
            check(!s.repeatable || !p.repeatable || p.name <= s.name,
                  QStringLiteral("repeatable scripts out of order: %1 before %2").arg(p.name, s.name));
        }
        (void)s.label();
        (void)s.phase();
        (void)s.forwardScript();
        (void)s.rollbackScript();
    }
    for (const Dialect d : {Dialect::Sqlite, Dialect::Postgres}) {
        const auto versions = set.versionsFor(d);
        for (qsizetype i = 1; i < versions.size(); ++i)
            check(versions[i - 1] < versions[i], "versionsFor is not ascending");
        for (const qint64 v : versions)
            (void)set.versionDescription(v, d);
        (void)set.stepsFor(d);
        (void)set.manifest.supports(d);
    }
    for (const auto& ignored : set.ignored)
        check(!ignored.path.isEmpty() && !ignored.reason.isEmpty(), "an ignored file without path or reason");
    (void)set.name();
    for (const auto& o : set.manifest.options)
        check(set.hasOption(o.name),
              QStringLiteral("option %1 of the manifest is not an option").arg(o.name));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const fuzz::FuzzFolder folder;
    const QByteArray input(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    folder.writeFiles(input, 12);
    const auto set = MigrationSetLoader::load(folder.path());
    if (set)
        checkSet(*set);
    else
        check(!set.error().what.isEmpty() && !set.error().next.isEmpty(), "an error without what or next");
    return 0;
}
