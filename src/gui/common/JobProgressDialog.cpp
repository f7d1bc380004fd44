#include "common/JobProgressDialog.h"

#include "jobs/JobRunner.h"

namespace strata {

JobProgressDialog::JobProgressDialog(JobRunner& runner, QWidget* parent) : QProgressDialog(parent)
{
    setWindowTitle(runner.title());
    setLabelText(runner.title() + QStringLiteral("…"));
    setWindowModality(Qt::WindowModal);
    setMinimumDuration(0);
    setAutoClose(false);
    setAutoReset(false);
    setRange(0, 0);
    setMinimumWidth(420);
    connect(&runner, &JobRunner::progressed, this, &JobProgressDialog::onProgress);
    connect(&runner, &JobRunner::finished, this, [this] { close(); });
    connect(this, &QProgressDialog::canceled, this, [this, &runner] {
        runner.cancel();
        setLabelText(QStringLiteral("Stopping at the next safe point…"));
        show(); // stays until the job has stopped
    });
}

void JobProgressDialog::onProgress(qint64 done, qint64 total, const QString& stage)
{
    if (total > 0) {
        setRange(0, 1000);
        setValue(static_cast<int>(std::min<qint64>(1000, done * 1000 / total)));
    } else {
        setRange(0, 0);
    }
    if (!wasCanceled())
        setLabelText(stage.left(1).toUpper() + stage.mid(1) + QStringLiteral("…"));
}

} // namespace strata
