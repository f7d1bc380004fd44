#include "export/ExportJob.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include "export/RowExporter.h"

namespace strata {

namespace {

/// The export's connection only reads, whatever statement it is given.
Status readOnly(Database& db)
{
    return db.execute(db.dialect() == Dialect::Sqlite
                          ? QStringLiteral("PRAGMA query_only = 1")
                          : QStringLiteral("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"));
}

QString unchangedText(const QString& target)
{
    return QFileInfo::exists(target)
               ? QStringLiteral("%1 is as it was before; no partial file was left.").arg(target)
               : QStringLiteral("No file was written (no partial file was left).");
}

} // namespace

ExportJob::ExportJob(ExportRequest request, QString target, QString what)
    : m_request(std::move(request)), m_target(std::move(target)), m_what(std::move(what))
{}

QString ExportJob::title() const
{
    return QStringLiteral("Export of %1 to %2").arg(m_what, QFileInfo(m_target).fileName());
}

QString ExportJob::targetProblem(const QString& target)
{
    const QFileInfo info(target);
    const QFileInfo folder(info.absolutePath());
    if (target.isEmpty())
        return QStringLiteral("No file was named for the export.");
    if (info.isDir())
        return QStringLiteral("%1 is a folder; the export needs a file name in it.").arg(target);
    if (!folder.exists())
        return QStringLiteral("The folder %1 does not exist.").arg(folder.filePath());
    if (!folder.isDir())
        return QStringLiteral("%1 is not a folder.").arg(folder.filePath());
    if (!folder.isWritable())
        return QStringLiteral("The folder %1 cannot be written by this user.").arg(folder.filePath());
    if (info.exists() && !info.isWritable())
        return QStringLiteral("The file %1 exists and cannot be replaced by this user.").arg(target);
    return {};
}

Result<qint64> ExportJob::exportTo(Database& db, const ExportRequest& request, const QString& target,
                                   const Progress& progress)
{
    if (const QString problem = targetProblem(target); !problem.isEmpty())
        return Error::badInput(problem, QStringLiteral("Choose a folder you can write to and export again."),
                               QStringLiteral("Nothing was written; the database was only read."));
    if (const Status status = readOnly(db); !status)
        return status.error();
    // A temporary file next to the target, renamed over it only when whole: the same filesystem, so the
    // rename is atomic, and a failure leaves nothing behind.
    QSaveFile file(target);
    file.setDirectWriteFallback(false);
    // Unbuffered: the rows come in megabyte blocks already, and a failed write reports the system's errno.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return Error::failed(
            QStringLiteral("Cannot create the export file %1: %2").arg(target, file.errorString()),
            QStringLiteral("Nothing was written; the database was only read."),
            QStringLiteral("Check the folder's permissions and free space."));
    auto rows = RowExporter::run(db, request, file, progress);
    if (!rows) {
        file.cancelWriting();
        return rows.error()
            .prefixed(QStringLiteral("Export to %1").arg(target))
            .withUnchanged(unchangedText(target));
    }
    if (!file.commit())
        return Error::failed(
            QStringLiteral("Writing the export file %1 failed: %2.").arg(target, file.errorString()),
            unchangedText(target),
            QStringLiteral("Free space on that disk (df -h %1) or choose another folder, then "
                           "export again.")
                .arg(QFileInfo(target).absolutePath()));
    return rows;
}

Status ExportJob::run(Database& db, const Progress& progress)
{
    auto rows = exportTo(db, m_request, m_target, progress);
    if (!rows) {
        m_cancelled = progress.cancelled();
        return rows.error();
    }
    m_rows = *rows;
    m_bytes = QFileInfo(m_target).size();
    return {};
}

} // namespace strata
