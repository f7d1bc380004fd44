#pragma once

#include <memory>

#include "wizard/RunPage.h"

namespace Ui {
class BackupPage;
}

namespace strata {

/// Phase 0's backup: the copy with a progress bar, then its integrity check, each check with its result,
/// and the backup's size and checksum. The migration goes on only from a backup that passed.
class BackupPage : public RunPage
{
    Q_OBJECT

public:
    explicit BackupPage(RunSession& session, QWidget* parent = nullptr);
    ~BackupPage() override;

protected:
    void begin() override;
    void onCheck(const QString& phase, const CheckResult& check) override;
    void onDone(bool ok, const Error& error) override;

private:
    std::unique_ptr<Ui::BackupPage> m_ui;
};

} // namespace strata
