#pragma once

#include <memory>

#include "wizard/RunPage.h"

namespace Ui {
class FinishPage;
}

namespace strata {

/// The end of the run: the post hook (the daemon starts again, when the run has hooks), the outcome, and
/// where the backup and the run log are.
class FinishPage : public RunPage
{
    Q_OBJECT

public:
    explicit FinishPage(RunSession& session, QWidget* parent = nullptr);
    ~FinishPage() override;
    /// Says what the post hook does when the run has hooks, and only that the run is recorded otherwise.
    void setHooks(bool hooks);

    /// The run is over either way once the post hook ended: Finish closes the wizard.
    bool isComplete() const override { return state() == State::Passed || state() == State::Failed; }

protected:
    void begin() override;
    void onCheck(const QString& phase, const CheckResult& check) override;
    void onDone(bool ok, const Error& error) override;

private:
    std::unique_ptr<Ui::FinishPage> m_ui;
};

} // namespace strata
