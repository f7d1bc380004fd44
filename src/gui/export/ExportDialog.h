#pragma once

#include <memory>

#include <QDialog>
#include <QElapsedTimer>

#include "export/ExportSource.h"

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace strata {

class ErrorBanner;
class ExportJob;
class JobRunner;

/// Exports a grid's rows to a file: the format (CSV, JSON, SQL INSERT), the file, then the export on a
/// worker with its own read-only connection, the rows written so far, Cancel, and the outcome in the dialog
/// (the file, its rows and size, or what went wrong and that no partial file was left).
class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    ExportDialog(ExportSource source, QWidget* parent = nullptr);
    ~ExportDialog() override;

    QComboBox* formatChooser() const { return m_format; }
    QLineEdit* fileField() const { return m_file; }
    QPushButton* exportButton() const { return m_export; }
    QPushButton* cancelButton() const { return m_cancel; }
    QProgressBar* progressBar() const { return m_progress; }
    QLabel* outcomeLabel() const { return m_outcome; }
    ErrorBanner* banner() const { return m_banner; }
    bool isRunning() const;

    /// Starts the export into the file and format chosen.
    void start();

    /// Closing while an export runs cancels it and hides the dialog; it closes once the worker has stopped,
    /// so the window never waits for the database.
    void reject() override;

protected:
    void closeEvent(QCloseEvent* event) override;

Q_SIGNALS:
    /// The export ended: `ok` with the file written, else the error is in the banner.
    void exportFinished(bool ok);

private:
    void chooseFile();
    void formatChanged();
    void finish(bool ok, const Error& error);
    void setRunning(bool running);
    void fitContents();

    ExportSource m_source;
    QComboBox* m_format;
    QLineEdit* m_file;
    QPushButton* m_browse;
    QLabel* m_explanation;
    QProgressBar* m_progress;
    QLabel* m_stage;
    QLabel* m_outcome;
    ErrorBanner* m_banner;
    QPushButton* m_export;
    QPushButton* m_cancel;
    QPushButton* m_close;
    std::unique_ptr<JobRunner> m_runner;
    ExportJob* m_job = nullptr;
    QElapsedTimer m_clock;
    QElapsedTimer m_sinceStage; ///< since the stage label last changed
    bool m_closeWhenStopped = false;
};

} // namespace strata
