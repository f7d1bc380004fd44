#include "tools/LayoutText.h"

#include "common/TextFile.h"
#include "connection/Database.h"

namespace strata {

namespace {

/// The leading lines of a step file that are blank or comments: where its header and directives are.
QByteArrayView headerBlock(const QByteArray& bytes)
{
    qsizetype start = 0;
    while (start < bytes.size()) {
        qsizetype end = bytes.indexOf('\n', start);
        if (end < 0)
            end = bytes.size();
        const QByteArrayView line = QByteArrayView(bytes).sliced(start, end - start).trimmed();
        if (!line.isEmpty() && !line.startsWith("--"))
            break;
        start = end + 1;
    }
    return QByteArrayView(bytes).first(std::min(start, bytes.size()));
}

} // namespace

QString LayoutText::dialectSuffixPattern()
{
    return QStringLiteral("(?:\\.(sqlite|postgresql|postgres))?");
}

std::optional<Dialect> LayoutText::dialectFromSuffix(const QString& suffix)
{
    if (suffix.isEmpty())
        return std::nullopt;
    return suffix == QLatin1String("sqlite") ? Dialect::Sqlite : Dialect::Postgres;
}

qint64 LayoutText::number(const QString& digits, qint64 max, bool& fits)
{
    bool ok = false;
    const qint64 value = digits.toLongLong(&ok);
    if (!ok || value > max) {
        fits = false;
        return 0;
    }
    return value;
}

Error LayoutText::numberTooLarge(const QString& path)
{
    return Error::badInput(
        QStringLiteral("%1: the number in its name is too large for a version or step number.").arg(path),
        QStringLiteral("Rename it with a smaller number, e.g. 003_add_users.sql or a timestamp such as "
                       "20261121140212_add_users.sql; see docs/migration-sets.md."));
}

bool LayoutText::hasStatements(QByteArrayView sql)
{
    qsizetype i = 0;
    const qsizetype n = sql.size();
    while (i < n) {
        i += Database::skipSpaceAndComments(sql.sliced(i));
        if (i >= n)
            return false;
        if (sql[i] != ';')
            return true;
        ++i;
    }
    return false;
}

QString LayoutText::pairKey(const MigrationStep& step, std::optional<Dialect> nameDialect)
{
    QString key = QString::number(step.version);
    key += QLatin1Char('|') + QString::number(step.step) + QLatin1Char('|');
    if (nameDialect)
        key += dialectName(*nameDialect);
    key += QLatin1Char('|') + step.name + QLatin1Char('|');
    if (step.layout == QLatin1String("strata"))
        key += step.versionName;
    return key;
}

Status LayoutText::readHeader(MigrationStep& step, const QByteArray& bytes,
                              std::optional<Dialect> nameDialect)
{
    step.checksum = TextFile::sha256(bytes);
    // Only the leading comment block is a header: decode that much, not the whole file.
    auto header = StepHeader::parse(QString::fromUtf8(headerBlock(bytes)), step.forwardPath);
    if (!header)
        return header.error();
    step.header = *header;
    if (nameDialect && step.header.dialect && *nameDialect != *step.header.dialect)
        return Error::badInput(
            QStringLiteral("%1 is named for %2 but its directive says %3.")
                .arg(step.forwardPath, dialectName(*nameDialect), dialectName(*step.header.dialect)),
            QStringLiteral("Make the file name and the strata:dialect directive agree."));
    if (nameDialect)
        step.header.dialect = nameDialect;
    return {};
}

} // namespace strata
