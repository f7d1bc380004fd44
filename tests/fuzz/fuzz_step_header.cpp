// Feeds StepHeader::parse the top of a step file: the numbered-SQL header (-- Migration:, -- Description:,
// -- Created:) and the -- strata: directives (phase, option, no-transaction, dialect, requires), and
// StepRef::parse the first line as a "VERSION[.STEP]" reference.
#include <QRegularExpression>

#include "FuzzCheck.h"
#include "migrations/StepHeader.h"

using namespace strata;
using strata::fuzz::check;

namespace {

/// A reference must mean the numbers it was written with: "3.02" is 3.2, never a number that overflowed.
void checkRef(const QString& text)
{
    const auto ref = StepRef::parse(text);
    if (!ref)
        return;
    static const QRegularExpression numbers(QStringLiteral("^\\s*0*(\\d+)(?:\\.0*(\\d+))?\\s*$"));
    const auto m = numbers.match(text);
    check(m.hasMatch(), QStringLiteral("StepRef took \"%1\"").arg(text));
    check(QString::number(ref->version) == m.captured(1),
          QStringLiteral("StepRef read \"%1\" as version %2").arg(text).arg(ref->version));
    if (!m.captured(2).isEmpty())
        check(QString::number(ref->step) == m.captured(2),
              QStringLiteral("StepRef read \"%1\" as step %2").arg(text).arg(ref->step));
    const auto again = StepRef::parse(ref->text());
    check(again && again->version == ref->version && again->step == ref->step,
          QStringLiteral("%1 does not read back").arg(ref->text()));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    checkRef(text.section(QLatin1Char('\n'), 0, 0));

    const auto header = StepHeader::parse(text, QStringLiteral("002_v2/01_core.sql"), 3);
    if (!header) {
        check(header.error().what.startsWith(QLatin1String("002_v2/01_core.sql:")),
              "a header error that does not name the file and line");
        return 0;
    }
    static const QRegularExpression name(QStringLiteral("^[A-Za-z][A-Za-z0-9_-]*$"));
    check(header->phase.isEmpty() || name.match(header->phase).hasMatch(),
          QStringLiteral("phase \"%1\" accepted").arg(header->phase));
    check(header->option.isEmpty() || name.match(header->option).hasMatch(),
          QStringLiteral("option \"%1\" accepted").arg(header->option));
    for (const StepRef& ref : header->requirements)
        checkRef(ref.text());
    return 0;
}
