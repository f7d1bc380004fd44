#pragma once

#include <atomic>

#include "export/ExportRequest.h"
#include "jobs/DatabaseJob.h"

namespace strata {

/// Exports the rows of a statement or a table into a file, on the JobRunner's worker and its own read-only
/// connection. The rows go to a temporary file next to the target, which becomes the target only once it is
/// whole: a cancel, a failed statement or a full disk leave no partial file, and an existing target stays as
/// it was.
class ExportJob final : public DatabaseJob
{
public:
    ExportJob(ExportRequest request, QString target, QString what);

    QString title() const override;
    Status run(Database& db, const Progress& progress) override;
    bool asksBeforeClose() const override { return true; }
    bool onlyReads() const override { return true; }

    qint64 rowsWritten() const { return m_rows.load(); }
    qint64 bytesWritten() const { return m_bytes.load(); }
    QString target() const { return m_target; }
    /// The export stopped because it was cancelled.
    bool wasCancelled() const { return m_cancelled.load(); }

    /// Why `target` cannot be written (a missing or read-only folder, a folder in its place), or empty.
    static QString targetProblem(const QString& target);
    /// Exports into `target` through a temporary file on `db` (the CLI's --output and this job).
    static Result<qint64> exportTo(Database& db, const ExportRequest& request, const QString& target,
                                   const Progress& progress);

private:
    ExportRequest m_request;
    QString m_target;
    QString m_what;
    std::atomic<qint64> m_rows{0};
    std::atomic<qint64> m_bytes{0};
    std::atomic_bool m_cancelled{false};
};

} // namespace strata
