#pragma once

#include <QElapsedTimer>
#include <QWizardPage>

#include "common/Error.h"
#include "verify/CheckResult.h"

namespace strata {

class RunSession;

/// A page of the migration wizard that runs one phase of the run when it is first shown, on the session's
/// worker, and lets the operator go on only when the phase passed. A page never runs its phase twice: the
/// run only goes forward.
class RunPage : public QWizardPage
{
    Q_OBJECT

public:
    enum class State { Waiting, Running, Passed, Failed };

    RunPage(RunSession& session, QStringList phases, QWidget* parent = nullptr);

    bool isComplete() const override { return m_state == State::Passed; }
    State state() const { return m_state; }
    /// How long the phase took (or has taken so far).
    qint64 elapsedMs() const { return m_timer.isValid() ? m_timer.elapsed() : 0; }

Q_SIGNALS:
    /// The phase ended: the wizard updates its buttons.
    void phaseEnded(bool ok);

protected:
    void initializePage() override;
    /// Asks the session to run this page's phase.
    virtual void begin() = 0;
    /// A check of one of this page's phases came in.
    virtual void onCheck(const QString& phase, const CheckResult& check) = 0;
    /// The phase ended. The default shows a failure and updates the state.
    virtual void onDone(bool ok, const Error& error) = 0;
    /// Called by the page when its phase ends, with the name the session reported it under.
    void finish(bool ok);
    bool owns(const QString& phase) const { return m_phases.contains(phase); }

    RunSession& m_session;

private:
    QStringList m_phases;
    State m_state = State::Waiting;
    QElapsedTimer m_timer;
};

} // namespace strata
