#pragma once

#include <QProgressDialog>

namespace strata {

class JobRunner;

/// A progress dialog that follows a JobRunner: stages and percentages as they arrive, Cancel asks the job
/// to stop at its next safe point (the dialog says so and stays until the job has really stopped).
class JobProgressDialog : public QProgressDialog
{
    Q_OBJECT

public:
    JobProgressDialog(JobRunner& runner, QWidget* parent);

private:
    void onProgress(qint64 done, qint64 total, const QString& stage);
};

} // namespace strata
