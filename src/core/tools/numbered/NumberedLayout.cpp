#include "tools/numbered/NumberedLayout.h"

#include <limits>

#include <QRegularExpression>

#include "tools/LayoutText.h"

namespace strata {

namespace {

const QRegularExpression& numberedName()
{
    static const QRegularExpression re(QStringLiteral("^(\\d+)_(.+?)") + LayoutText::dialectSuffixPattern() +
                                       QStringLiteral("\\.sql$"));
    return re;
}

} // namespace

bool NumberedLayout::takesName(const LayoutFile& file) const
{
    return !file.isDir() && numberedName().match(file.fileName()).hasMatch();
}

Result<QList<LayoutPart>> NumberedLayout::read(const LayoutFile& file, const LayoutContext&) const
{
    const auto m = numberedName().match(file.fileName());
    bool fits = true;
    LayoutPart part;
    MigrationStep& step = part.step;
    step.layout = name();
    step.version = LayoutText::number(m.captured(1), std::numeric_limits<qint64>::max(), fits);
    if (!fits)
        return LayoutText::numberTooLarge(file.relativePath());
    step.name = m.captured(2);
    step.versionName = file.fileName().chopped(4);
    step.forwardPath = file.relativePath();
    const auto bytes = file.bytes();
    if (!bytes)
        return bytes.error();
    step.forwardSql = *bytes;
    const auto dialect = LayoutText::dialectFromSuffix(m.captured(3));
    if (auto header = LayoutText::readHeader(step, *bytes, dialect); !header)
        return header.error();
    if (!LayoutText::hasStatements(*bytes)) {
        // A file with seed 001's "-- Migration:" header is its runner's, which has no empty migrations: a
        // placeholder recorded as applied would never run once written. Without it, sqlx's rule: applied
        // and recorded, running nothing.
        if (!step.header.migration.isEmpty())
            return Error::badInput(
                QStringLiteral("The migration %1 is empty: it has no SQL statement to run.")
                    .arg(file.relativePath()),
                QStringLiteral("Write the step's SQL in it, or delete the file if the step is not needed."));
        step.noOp = true;
    }
    part.pairKey = LayoutText::pairKey(step, dialect);
    return QList<LayoutPart>{part};
}

} // namespace strata
