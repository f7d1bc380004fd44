#include "export/ExportDialog.h"

#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QVBoxLayout>

#include "common/ErrorBanner.h"
#include "export/ExportJob.h"
#include "jobs/JobRunner.h"

namespace strata {

namespace {

QString fileNameFor(const QString& what)
{
    QString name = what;
    name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_.-]+")), QStringLiteral("_"));
    return name.isEmpty() ? QStringLiteral("export") : name;
}

} // namespace

ExportDialog::ExportDialog(ExportSource source, QWidget* parent)
    : QDialog(parent), m_source(std::move(source))
{
    setObjectName(QStringLiteral("exportDialog"));
    setWindowTitle(QStringLiteral("Export %1").arg(m_source.what));
    setMinimumWidth(560);

    m_banner = new ErrorBanner(this);
    m_explanation = new QLabel(m_source.explanation, this);
    m_explanation->setWordWrap(true);

    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("exportFormat"));
    m_format->addItem(QStringLiteral("CSV (as psql and sqlite3 write it)"), int(ExportFormat::Csv));
    m_format->addItem(QStringLiteral("JSON (an array of objects; binary values in base64)"),
                      int(ExportFormat::Json));
    m_format->addItem(QStringLiteral("SQL INSERT statements"), int(ExportFormat::SqlInsert));

    m_file = new QLineEdit(this);
    m_file->setObjectName(QStringLiteral("exportFile"));
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    m_file->setText(QDir(folder.isEmpty() ? QDir::homePath() : folder)
                        .filePath(fileNameFor(m_source.what) + QStringLiteral(".csv")));
    m_browse = new QPushButton(QStringLiteral("Browse…"), this);
    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(m_browse);

    auto* form = new QFormLayout;
    form->addRow(QStringLiteral("Format:"), m_format);
    form->addRow(QStringLiteral("File:"), fileRow);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("exportProgress"));
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_stage = new QLabel(this);
    m_stage->setObjectName(QStringLiteral("exportStage"));
    m_outcome = new QLabel(this);
    m_outcome->setObjectName(QStringLiteral("exportOutcome"));
    m_outcome->setWordWrap(true);
    m_outcome->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_export = new QPushButton(QStringLiteral("Export"), this);
    m_export->setObjectName(QStringLiteral("exportStart"));
    m_export->setDefault(true);
    m_cancel = new QPushButton(QStringLiteral("Cancel Export"), this);
    m_cancel->setObjectName(QStringLiteral("exportCancel"));
    m_cancel->setEnabled(false);
    m_close = new QPushButton(QStringLiteral("Close"), this);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_export);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_close);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(m_explanation);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_stage);
    layout->addWidget(m_outcome);
    layout->addStretch(1);
    layout->addLayout(buttons);

    connect(m_browse, &QPushButton::clicked, this, &ExportDialog::chooseFile);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::formatChanged);
    connect(m_export, &QPushButton::clicked, this, &ExportDialog::start);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_runner) {
            m_runner->cancel();
            m_stage->setText(QStringLiteral("Stopping the export…"));
        }
    });
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
}

ExportDialog::~ExportDialog()
{
    // Only when the application goes away mid-export (reject() waits for the worker otherwise): the runner
    // stops the job, and its temporary file goes with it.
    if (m_runner && m_runner->isRunning())
        m_runner->cancel();
}

bool ExportDialog::isRunning() const
{
    return m_runner && m_runner->isRunning();
}

void ExportDialog::fitContents()
{
    // The banner and the outcome wrap at the dialog's width: it grows to show their every line.
    layout()->activate();
    const int needed =
        layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width()) : sizeHint().height();
    if (needed > height())
        resize(width(), needed);
}

void ExportDialog::reject()
{
    if (isRunning()) {
        m_runner->cancel();
        m_closeWhenStopped = true;
        hide();
        return;
    }
    QDialog::reject();
}

void ExportDialog::closeEvent(QCloseEvent* event)
{
    if (isRunning()) {
        reject();
        event->ignore(); // not deleted while its worker runs: finish() closes it
        return;
    }
    QDialog::closeEvent(event);
}

void ExportDialog::chooseFile()
{
    const QString chosen = QFileDialog::getSaveFileName(this, QStringLiteral("Export to"), m_file->text());
    if (!chosen.isEmpty())
        m_file->setText(chosen);
}

void ExportDialog::formatChanged()
{
    const auto format = ExportFormat(m_format->currentData().toInt());
    QFileInfo info(m_file->text());
    const QString extension = exportFormatName(format);
    if (info.suffix() == QLatin1String("csv") || info.suffix() == QLatin1String("json") ||
        info.suffix() == QLatin1String("sql"))
        m_file->setText(info.dir().filePath(info.completeBaseName() + QLatin1Char('.') + extension));
}

void ExportDialog::setRunning(bool running)
{
    m_export->setEnabled(!running);
    m_format->setEnabled(!running);
    m_file->setEnabled(!running);
    m_browse->setEnabled(!running);
    m_cancel->setEnabled(running);
    m_progress->setVisible(running);
}

void ExportDialog::start()
{
    if (isRunning())
        return;
    m_banner->clear();
    m_outcome->clear();
    const QString target = QFileInfo(m_file->text().trimmed()).absoluteFilePath();
    if (const QString problem = ExportJob::targetProblem(m_file->text().trimmed()); !problem.isEmpty()) {
        m_banner->showError(Error::badInput(problem, QStringLiteral("Choose a folder you can write to."),
                                            QStringLiteral("Nothing was written.")));
        fitContents();
        return;
    }
    const auto format = ExportFormat(m_format->currentData().toInt());
    auto job = std::make_unique<ExportJob>(m_source.request(format), target, m_source.what);
    m_job = job.get();
    m_runner = std::make_unique<JobRunner>(m_source.url, std::move(job));
    // The worker reports every 10,000 rows, hundreds of times a second: the label follows ten times a second,
    // so the window's event loop spends its turns on the operator, not on relaying out a counter.
    m_sinceStage.invalidate();
    connect(m_runner.get(), &JobRunner::progressed, this, [this](qint64, qint64, const QString& stage) {
        if (m_sinceStage.isValid() && m_sinceStage.elapsed() < 100)
            return;
        m_sinceStage.start();
        m_stage->setText(stage);
    });
    connect(m_runner.get(), &JobRunner::finished, this, &ExportDialog::finish);
    m_clock.start();
    m_stage->setText(QStringLiteral("Starting…"));
    setRunning(true);
    m_runner->start();
}

void ExportDialog::finish(bool ok, const Error& error)
{
    setRunning(false);
    m_stage->clear();
    if (ok) {
        const double seconds = double(m_clock.elapsed()) / 1000.0;
        m_outcome->setText(QStringLiteral("%1 rows written to %2 (%3) in %4 s.")
                               .arg(QLocale().toString(m_job->rowsWritten()), m_job->target(),
                                    QLocale().formattedDataSize(m_job->bytesWritten()))
                               .arg(seconds, 0, 'f', 1));
    } else if (m_job->wasCancelled()) {
        // A cancel the operator asked for is news, not a fault.
        m_banner->showNotice(error.what + QLatin1Char(' ') + error.unchanged);
    } else {
        m_banner->showError(error);
    }
    fitContents();
    Q_EMIT exportFinished(ok);
    if (m_closeWhenStopped)
        close();
}

} // namespace strata
