#include "wizard/RunPage.h"

#include "jobs/RunSession.h"

namespace strata {

RunPage::RunPage(RunSession& session, QStringList phases, QWidget* parent)
    : QWizardPage(parent), m_session(session), m_phases(std::move(phases))
{
    // Each phase happens once: once the operator goes on, there is no going back to a page.
    setCommitPage(true);
    connect(&m_session, &RunSession::checkDone, this, [this](const QString& phase, const CheckResult& check) {
        if (m_state == State::Running && owns(phase))
            onCheck(phase, check);
    });
    connect(&m_session, &RunSession::phaseDone, this,
            [this](const QString& phase, bool ok, const Error& error) {
                if (m_state == State::Running && owns(phase))
                    onDone(ok, error);
            });
}

void RunPage::initializePage()
{
    if (m_state != State::Waiting)
        return;
    m_state = State::Running;
    m_timer.start();
    begin();
}

void RunPage::finish(bool ok)
{
    m_state = ok ? State::Passed : State::Failed;
    Q_EMIT completeChanged();
    Q_EMIT phaseEnded(ok);
}

} // namespace strata
