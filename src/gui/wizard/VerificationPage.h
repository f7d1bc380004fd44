#pragma once

#include <memory>

#include "wizard/RunPage.h"

namespace Ui {
class VerificationPage;
}

namespace strata {

class RestoreOffer;

/// Phase 4 of seed 004: the integrity check, the tables, columns and indexes the new version must have,
/// and the sample queries, each with its result. When a check fails, the backup is one click away.
class VerificationPage : public RunPage
{
    Q_OBJECT

public:
    explicit VerificationPage(RunSession& session, QWidget* parent = nullptr);
    ~VerificationPage() override;

    RestoreOffer* restoreOffer() const;
    /// Names the daemon the post hook starts only when the run has hooks.
    void setHooks(bool hooks);

protected:
    void begin() override;
    void onCheck(const QString& phase, const CheckResult& check) override;
    void onDone(bool ok, const Error& error) override;

private:
    std::unique_ptr<Ui::VerificationPage> m_ui;
};

} // namespace strata
