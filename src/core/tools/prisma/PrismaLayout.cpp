#include "tools/prisma/PrismaLayout.h"

#include <limits>

#include <QFileInfo>
#include <QRegularExpression>

#include "tools/LayoutText.h"

namespace strata {

namespace {

const QString kLockFile = QStringLiteral("migration_lock.toml");

const QRegularExpression& prismaFolder()
{
    static const QRegularExpression re(QStringLiteral("^(\\d+)_(.+)$"));
    return re;
}

/// The provider as the schema engine reads it (read_provider_from_lock_file): the first line that starts
/// with "provider", without "provider = " and the quotes.
QString providerOf(const QByteArray& bytes)
{
    for (QByteArray line : bytes.split('\n')) {
        if (line.endsWith('\r'))
            line.chop(1);
        if (!line.startsWith("provider"))
            continue;
        QByteArray value = line.startsWith("provider = ") ? line.mid(11) : line;
        while (value.startsWith('"'))
            value.remove(0, 1);
        while (value.endsWith('"'))
            value.chop(1);
        return QString::fromUtf8(value);
    }
    return QStringLiteral("<PROVIDER NOT FOUND>");
}

} // namespace

bool PrismaLayout::takesName(const LayoutFile& file) const
{
    if (!file.isDir())
        return file.fileName() == kLockFile;
    return prismaFolder().match(file.fileName()).hasMatch() &&
           QFileInfo::exists(file.absolutePath() + QStringLiteral("/migration.sql"));
}

Result<QList<LayoutPart>> PrismaLayout::read(const LayoutFile& file, const LayoutContext&) const
{
    LayoutPart part;
    if (!file.isDir()) {
        const auto bytes = file.bytes();
        if (!bytes)
            return bytes.error();
        part.kind = LayoutPart::Kind::ProviderLock;
        part.path = file.relativePath();
        part.reason = providerOf(*bytes);
        return QList<LayoutPart>{part};
    }
    const auto m = prismaFolder().match(file.fileName());
    bool fits = true;
    MigrationStep& step = part.step;
    step.layout = name();
    step.version = LayoutText::number(m.captured(1), std::numeric_limits<qint64>::max(), fits);
    if (!fits)
        return LayoutText::numberTooLarge(file.relativePath());
    step.name = m.captured(2);
    step.versionName = file.fileName();
    step.forwardPath = file.relativePath() + QStringLiteral("/migration.sql");
    const LayoutFile script(file.root(), step.forwardPath, false);
    const auto bytes = script.bytes();
    if (!bytes)
        return bytes.error();
    step.forwardSql = *bytes;
    step.noOp = !LayoutText::hasStatements(*bytes);
    if (auto header = LayoutText::readHeader(step, *bytes, std::nullopt); !header)
        return header.error();
    part.pairKey = LayoutText::pairKey(step, std::nullopt);
    return QList<LayoutPart>{part};
}

bool PrismaLayout::marksFolder(const LayoutFile& file) const
{
    return file.isDir();
}

Result<QString> PrismaLayout::otherLayoutsFile(const LayoutFile&) const
{
    return QStringLiteral("Prisma reads only <timestamp>_<name>/migration.sql");
}

} // namespace strata
