#include "wizard/PreflightPage.h"

#include "common/Counted.h"
#include "jobs/RunSession.h"
#include "preflight/PlanTables.h"
#include "ui_PreflightPage.h"
#include "wizard/BlockerPanel.h"

namespace strata {

PreflightPage::PreflightPage(RunSession& session, QWidget* parent)
    : RunPage(session, {QStringLiteral("preflight")}, parent), m_ui(std::make_unique<Ui::PreflightPage>())
{
    m_ui->setupUi(this);
    setTitle(tr("Pre-flight checks"));
    setSubTitle(tr("Nothing is changed on this page: Strata checks that the migration can start safely."));
    setButtonText(QWizard::CommitButton, tr("&Back up >"));
    m_ui->blockers->hide();
    m_ui->splitter->setSizes({170, 400});
    connect(m_ui->blockers, &BlockerPanel::cleared, this, &PreflightPage::onBlockersCleared);
    connect(&m_session, &RunSession::planned, this, &PreflightPage::onPlanned);
    connect(&m_session, &RunSession::hookOutput, this, [this](const QString& line) {
        if (state() == State::Running)
            m_ui->checks->addNote(line);
    });
}

PreflightPage::~PreflightPage() = default;

void PreflightPage::setHooks(bool hooks)
{
    m_ui->blockers->setHooks(hooks);
}

BlockerPanel* PreflightPage::blockerPanel() const
{
    return m_ui->blockers;
}

void PreflightPage::onBlockersCleared()
{
    const auto& scan = m_session.report().blockers;
    if (state() == State::Failed && scan && !scan->planBlockers().isEmpty())
        m_ui->banner->showNotice(
            tr("No session is in the way any more. This run stopped at its pre-flight and changed nothing: "
               "close the wizard and start the migration again."));
}

void PreflightPage::showBlockers(bool failed)
{
    const auto& scan = m_session.report().blockers;
    if (!scan || (scan->isEmpty() && !failed))
        return;
    m_ui->blockers->setDatabase(m_session.url(), scan->tables.isEmpty() && m_session.plan()
                                                     ? PlanTables::of(m_session.plan()->steps)
                                                     : scan->tables);
    m_ui->blockers->showReport(*scan);
    m_ui->blockers->show();
}

void PreflightPage::begin()
{
    m_session.prepare();
}

void PreflightPage::onPlanned(bool ok, const Error& error)
{
    if (state() != State::Running)
        return;
    if (!ok) {
        m_ui->summary->setText(tr("The migration cannot start."));
        m_ui->banner->showError(error);
        finish(false);
        return;
    }
    const MigrationPlan& plan = *m_session.plan();
    if (plan.isEmpty() && !plan.blocked()) {
        m_ui->summary->setText(tr("The database is at %1 and up to date: there is nothing to migrate.")
                                   .arg(plan.versionLabel()));
        m_ui->banner->showNotice(tr("Nothing was changed. Close the wizard."));
        finish(false);
        return;
    }
    const QString from =
        plan.tracked || !plan.baselineRecognised
            ? plan.versionLabel()
            : tr("v%1 (baseline, recorded when the migration starts)").arg(plan.baselineVersion);
    m_ui->summary->setText(tr("From %1 to v%2: %3 in %4.")
                               .arg(from)
                               .arg(plan.targetVersion)
                               .arg(counted(plan.steps.size(), tr("step"), tr("steps")),
                                    counted(plan.phases().size(), tr("phase"), tr("phases"))));
    m_session.preflight();
}

void PreflightPage::onCheck(const QString&, const CheckResult& check)
{
    m_ui->checks->add(check);
}

void PreflightPage::onDone(bool ok, const Error& error)
{
    showBlockers(!ok);
    if (ok) {
        m_ui->banner->showNotice(
            tr("Every check passed in %1 s. Next, a backup is taken and verified before anything changes.")
                .arg(double(elapsedMs()) / 1000.0, 0, 'f', 1));
    } else {
        m_ui->checks->annotateLastFailure(error.next);
        m_ui->banner->showError(error);
    }
    finish(ok);
}

} // namespace strata
