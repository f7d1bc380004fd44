#include "health/VacuumCost.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QStorageInfo>

namespace strata {

namespace {

QString size(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

} // namespace

QString VacuumCost::sqliteTempFolder()
{
    QStringList candidates{qEnvironmentVariable("SQLITE_TMPDIR"), qEnvironmentVariable("TMPDIR"),
                           QStringLiteral("/var/tmp"), QStringLiteral("/usr/tmp"), QStringLiteral("/tmp")};
    for (const QString& c : candidates) {
        const QFileInfo info(c);
        if (!c.isEmpty() && info.isDir() && info.isWritable())
            return info.absoluteFilePath();
    }
    return QStringLiteral(".");
}

QString VacuumCost::describe(qint64 databaseBytes)
{
    return QStringLiteral(
               "VACUUM rewrites the whole file: it needs about %1 free next to the database and %1 "
               "in the temporary folder, and holds the write lock all along (other writers wait; "
               "without WAL, readers wait at its end).")
        .arg(size(databaseBytes));
}

Status VacuumCost::check(const QString& databasePath, qint64 databaseBytes, const QString& tempFolder)
{
    const QStorageInfo here(QFileInfo(databasePath).absolutePath());
    const QStorageInfo temp(tempFolder);
    if (!here.isValid() || !temp.isValid())
        return Error::failed(QStringLiteral("Strata cannot tell how much disk is free for the VACUUM of %1.")
                                 .arg(databasePath),
                             QStringLiteral("The VACUUM did not start; the database is unchanged."),
                             QStringLiteral("Check the free space by hand (df) before a VACUUM."));
    const bool oneDisk = here.rootPath() == temp.rootPath() && here.device() == temp.device();
    const qint64 needHere = oneDisk ? 2 * databaseBytes : databaseBytes;
    const qint64 freeHere = here.bytesAvailable();
    const qint64 freeTemp = temp.bytesAvailable();
    QString shortOf;
    if (freeHere < needHere)
        shortOf = QStringLiteral("%1 has %2 free; VACUUM of this %3 database needs about %4 there%5.")
                      .arg(here.rootPath(), size(freeHere), size(databaseBytes), size(needHere),
                           oneDisk ? QStringLiteral(" (the copy in %1 and the rewrite)").arg(tempFolder)
                                   : QString());
    else if (!oneDisk && freeTemp < databaseBytes)
        shortOf = QStringLiteral("The temporary folder %1 has %2 free; VACUUM builds its %3 copy there.")
                      .arg(tempFolder, size(freeTemp), size(databaseBytes));
    if (shortOf.isEmpty())
        return {};
    return Error::refused(
        QStringLiteral("Not enough free disk for VACUUM: %1").arg(shortOf),
        QStringLiteral("Free some space, or point SQLITE_TMPDIR at a folder with room for the copy, then run "
                       "VACUUM again. The database was not touched."));
}

} // namespace strata
