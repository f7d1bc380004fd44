#include "wizard/VerificationPage.h"

#include "common/Counted.h"
#include "jobs/RunSession.h"
#include "ui_VerificationPage.h"
#include "wizard/RestoreOffer.h"

namespace strata {

VerificationPage::VerificationPage(RunSession& session, QWidget* parent)
    : RunPage(session, {QStringLiteral("verification")}, parent),
      m_ui(std::make_unique<Ui::VerificationPage>())
{
    m_ui->setupUi(this);
    setTitle(tr("Verification"));
    setHooks(false);
    setButtonText(QWizard::CommitButton, tr("&Finish the run >"));
    m_ui->restoreOffer->setSession(session);
    connect(m_ui->restoreOffer, &RestoreOffer::restored, this, [this](bool ok) {
        if (ok)
            m_ui->banner->showNotice(m_ui->restoreOffer->restoredNotice());
    });
}

VerificationPage::~VerificationPage() = default;

void VerificationPage::setHooks(bool hooks)
{
    setSubTitle(hooks ? tr("Phase 4 of the runbook: the migrated database is checked before the post hook "
                           "starts the daemon again.")
                      : tr("Phase 4 of the runbook: the migrated database is checked before the run ends."));
}

RestoreOffer* VerificationPage::restoreOffer() const
{
    return m_ui->restoreOffer;
}

void VerificationPage::begin()
{
    m_session.verify();
}

void VerificationPage::onCheck(const QString&, const CheckResult& check)
{
    m_ui->checks->add(check);
}

void VerificationPage::onDone(bool ok, const Error& error)
{
    if (ok) {
        m_ui->summary->setText(tr("%1 passed in %2 s: the database is at v%3.")
                                   .arg(counted(m_ui->checks->passedCount(), tr("check"), tr("checks")))
                                   .arg(double(elapsedMs()) / 1000.0, 0, 'f', 1)
                                   .arg(m_session.report().toVersion));
    } else {
        m_ui->summary->setText(tr("The migrated database fails verification."));
        m_ui->banner->showError(error);
        m_ui->restoreOffer->offer();
    }
    finish(ok);
}

} // namespace strata
