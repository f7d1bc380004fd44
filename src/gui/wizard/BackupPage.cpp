#include "wizard/BackupPage.h"

#include <QLocale>

#include "jobs/RunSession.h"
#include "ui_BackupPage.h"

namespace strata {

BackupPage::BackupPage(RunSession& session, QWidget* parent)
    : RunPage(session, {QStringLiteral("backup")}, parent), m_ui(std::make_unique<Ui::BackupPage>())
{
    m_ui->setupUi(this);
    setTitle(tr("Backup"));
    setSubTitle(tr("A copy of the database, checked before the migration may start. Cancel stops it "
                   "cleanly: nothing is changed and no partial backup is kept."));
    setButtonText(QWizard::CommitButton, tr("&Plan >"));
    connect(&m_session, &RunSession::progressed, this,
            [this](qint64 done, qint64 total, const QString& stage) {
                if (state() != State::Running)
                    return;
                m_ui->stage->setText(stage);
                // Sizes in bytes overflow a progress bar's int: show per mille.
                m_ui->progress->setRange(0, total > 0 ? 1000 : 0);
                if (total > 0)
                    m_ui->progress->setValue(int(done * 1000 / total));
            });
}

BackupPage::~BackupPage() = default;

void BackupPage::begin()
{
    m_session.backup();
}

void BackupPage::onCheck(const QString&, const CheckResult& check)
{
    m_ui->checks->add(check);
}

void BackupPage::onDone(bool ok, const Error& error)
{
    m_ui->progress->setRange(0, 1000);
    const auto& backup = m_session.report().backup;
    if (ok && backup) {
        m_ui->progress->setValue(1000);
        m_ui->stage->setText(
            tr("Backup taken and verified in %1 s.").arg(double(elapsedMs()) / 1000.0, 0, 'f', 1));
        m_ui->file->setText(backup->path);
        m_ui->size->setText(QLocale().formattedDataSize(backup->size));
        m_ui->checksum->setText(backup->sha256);
    } else if (ok) {
        m_ui->stage->setText(tr("No backup is taken: the operator config turns it off "
                                "(migration.create_backup: false)."));
    } else {
        m_ui->stage->setText(tr("The backup did not complete."));
        m_ui->checks->annotateLastFailure(error.next);
        m_ui->banner->showError(error);
    }
    finish(ok);
}

} // namespace strata
