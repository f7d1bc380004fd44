#include "wizard/MigrationWizard.h"

#include <algorithm>

#include <QGuiApplication>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>

#include "jobs/RunSession.h"
#include "wizard/ApplyPage.h"
#include "wizard/BackupPage.h"
#include "wizard/FinishPage.h"
#include "wizard/PlanPage.h"
#include "wizard/PreflightPage.h"
#include "wizard/RestoreOffer.h"
#include "wizard/RunSettings.h"
#include "wizard/VerificationPage.h"

namespace strata {

MigrationWizard::MigrationWizard(const ConnectionUrl& url, const QString& setFolder,
                                 const PhasedRun::Settings& settings, QWidget* parent)
    : QWizard(parent), m_session(new RunSession(url, setFolder, settings, this)),
      m_preflight(new PreflightPage(*m_session)), m_backup(new BackupPage(*m_session)),
      m_plan(new PlanPage(*m_session)), m_apply(new ApplyPage(*m_session)),
      m_verification(new VerificationPage(*m_session)), m_finish(new FinishPage(*m_session))
{
    setObjectName(QStringLiteral("migrationWizard"));
    setWindowTitle(tr("Migrate %1").arg(url.display()));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoCancelButtonOnLastPage);
    setPage(Preflight, m_preflight);
    setPage(Backup, m_backup);
    setPage(Plan, m_plan);
    setPage(Apply, m_apply);
    setPage(Verification, m_verification);
    setPage(Finish, m_finish);
    setStartId(Preflight);
    const bool hooks = RunSettings::hasHooks(settings, setFolder);
    m_preflight->setHooks(hooks);
    m_verification->setHooks(hooks);
    m_finish->setHooks(hooks);
    // The plan's review and the blocking tree need room: what the screen gives, a 1024x700 one included.
    const QScreen* shownOn = parent ? parent->screen() : QGuiApplication::primaryScreen();
    const QSize room = shownOn ? shownOn->availableGeometry().size() : QSize(1024, 700);
    resize(std::clamp(room.width() - 48, 640, 1400), std::clamp(room.height() - 48, 480, 900));
    connect(m_session, &RunSession::phaseDone, this,
            [this](const QString& phase, bool ok, const Error&) { onPhaseDone(phase, ok); });
    connect(m_session, &RunSession::stepStarted, this, [this] { m_changed = true; });
    connect(m_session, &RunSession::planned, this, [this] {
        if (m_closeWhenIdle)
            QWizard::reject();
    });
}

MigrationWizard::~MigrationWizard() = default;

void MigrationWizard::onPhaseDone(const QString& phase, bool ok)
{
    if (phase == QLatin1String("restore") && ok)
        m_changed = true;
    if (!ok || phase == QLatin1String("restore") || phase == QLatin1String("post"))
        setButtonText(QWizard::CancelButton, tr("Close"));
    if (m_changed && (phase == QLatin1String("restore") || phase == QLatin1String("post") || !ok))
        Q_EMIT databaseChanged();
    if (m_closeWhenIdle && !m_session->isBusy()) {
        if (!m_withdrawn && phase != QLatin1String("withdraw") &&
            m_session->report().appliedSteps.isEmpty() &&
            m_session->report().outcome == QLatin1String("running")) {
            m_withdrawn = true;
            m_session->withdraw();
            return;
        }
        QWizard::reject();
    }
}

QString MigrationWizard::closingQuestion() const
{
    if (currentId() == Apply)
        return tr(
            "A migration step is running. Stop it and close?\n\nStop this step now: its statement is "
            "interrupted, its transaction rolls back, and the history records the step as failed.\n"
            "Stop after this step: the step finishes and is recorded, or is rolled back if it fails.\n\n"
            "Either way no step is left half-applied. The steps applied before it stay applied, and the "
            "backup taken at the start stays in the Backup menu.");
    if (currentId() == Backup)
        return tr("The backup is running. Stop it and close?\n\nNothing has been changed: the partial "
                  "backup is discarded and the migration does not start.");
    if (currentId() == Plan && m_plan->isRehearsing())
        return tr("The rehearsal on a copy is running. Stop it and close?\n\nThe live database has not been "
                  "touched by the steps: the copy is removed, and the backup stays in the Backup menu.");
    return tr("A check is running. Stop it and close?\n\nNothing has been changed by the migration.");
}

void MigrationWizard::reject()
{
    if (m_closeWhenIdle)
        return;
    if (m_session->isBusy()) {
        // During a step the operator chooses: stop it now (it rolls back, as "Stop this step now" on the
        // Apply page does), or after it; during the other phases Yes stops the phase.
        QMessageBox box(QMessageBox::Question, tr("Stop the migration?"), closingQuestion(),
                        QMessageBox::Yes | QMessageBox::No, this);
        QPushButton* now = nullptr;
        if (currentId() == Apply && m_apply->state() == RunPage::State::Running) {
            now = box.addButton(tr("Stop this step now"), QMessageBox::DestructiveRole);
            now->setObjectName(QStringLiteral("stopStepNow"));
            box.button(QMessageBox::Yes)->setText(tr("Stop after this step"));
            box.button(QMessageBox::No)->setText(tr("Keep it running"));
            box.setDefaultButton(QMessageBox::No);
        }
        box.exec();
        const bool stopNow = now && box.clickedButton() == now;
        if (!stopNow && box.clickedButton() != box.button(QMessageBox::Yes))
            return;
        m_closeWhenIdle = true;
        m_session->cancel();
        if (stopNow)
            m_apply->stopNow();
        else if (currentId() == Apply)
            m_apply->stopAfterStep();
        button(QWizard::CancelButton)->setEnabled(false);
        return;
    }
    // A run that took the lock but applied nothing ends cleanly: the daemon the pre hook stopped starts
    // again, and the log says the run was cancelled.
    const auto& report = m_session->report();
    if (!m_withdrawn && m_preflight->state() == RunPage::State::Passed &&
        report.outcome == QLatin1String("running") && report.appliedSteps.isEmpty() && currentId() != Apply) {
        m_withdrawn = true;
        m_closeWhenIdle = true;
        m_session->withdraw();
        return;
    }
    QWizard::reject();
}

} // namespace strata
