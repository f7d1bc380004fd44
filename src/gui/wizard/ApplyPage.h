#pragma once

#include <memory>

#include "wizard/RunPage.h"

class QPushButton;
class QTimer;

namespace Ui {
class ApplyPage;
}

namespace strata {

class RestoreOffer;

/// Phases 1 to 3: the steps, one by one, with progress, the elapsed time and a live log. "Stop after this
/// step" (or Cancel) stops between steps; "Stop this step now" interrupts the running step, which rolls back.
/// When a step fails, the page says what failed, that the step was rolled back, and offers the backup in one
/// click.
class ApplyPage : public RunPage
{
    Q_OBJECT

public:
    explicit ApplyPage(RunSession& session, QWidget* parent = nullptr);
    ~ApplyPage() override;

    RestoreOffer* restoreOffer() const;
    /// Asks the run to stop after the step that is running.
    void stopAfterStep();
    /// Stops the step that is running inside it (RunSession::abortStep): it rolls back and the run stops.
    void stopNow();
    QPushButton* stopNowButton() const;

protected:
    void begin() override;
    void onCheck(const QString& phase, const CheckResult& check) override;
    void onDone(bool ok, const Error& error) override;

private:
    void log(const QString& line);

    std::unique_ptr<Ui::ApplyPage> m_ui;
    QTimer* m_clock;
};

} // namespace strata
