#pragma once

#include <memory>

#include "wizard/RunPage.h"

namespace Ui {
class PreflightPage;
}

namespace strata {

class BlockerPanel;

/// Phase 0 of seed 004, before anything is touched: the connection, the run lock, the pre hook that stops
/// the daemon, no other writer, free disk for the backup, and the database's own integrity. Each check
/// with its result; on failure, what to do. Below them, the live blockers the pre-flight found
/// (BlockerPanel): who holds a lock on the plan's tables or idles in a transaction, as a blocking tree, with
/// Refresh, Cancel query…, Terminate session… and Wait for them to finish.
class PreflightPage : public RunPage
{
    Q_OBJECT

public:
    explicit PreflightPage(RunSession& session, QWidget* parent = nullptr);
    ~PreflightPage() override;

    BlockerPanel* blockerPanel() const;
    /// Whether the run has a pre hook to stop what uses the database: the advice names it only then.
    void setHooks(bool hooks);

protected:
    void begin() override;
    void onCheck(const QString& phase, const CheckResult& check) override;
    void onDone(bool ok, const Error& error) override;

private:
    void onPlanned(bool ok, const Error& error);
    void showBlockers(bool failed);
    void onBlockersCleared();

    std::unique_ptr<Ui::PreflightPage> m_ui;
};

} // namespace strata
