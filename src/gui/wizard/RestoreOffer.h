#pragma once

#include <QWidget>

#include "common/Error.h"

class QLabel;
class QProgressBar;
class QPushButton;

namespace strata {

class RunSession;

/// After a failed step or a failed verification: "Restore the backup taken at HH:MM", in one click. It
/// restores the backup this run took (the failed database is kept aside) and says how it went.
class RestoreOffer : public QWidget
{
    Q_OBJECT

public:
    explicit RestoreOffer(QWidget* parent = nullptr);

    void setSession(RunSession& session);
    /// Shows the offer when the run took a backup; says there is none otherwise.
    void offer();
    QPushButton* button() const { return m_button; }
    bool isRestoring() const { return m_restoring; }
    /// What the page says once the backup is back.
    QString restoredNotice() const;

Q_SIGNALS:
    void restored(bool ok);

private:
    void onDone(const QString& phase, bool ok, const Error& error);

    RunSession* m_session = nullptr;
    QLabel* m_text;
    QPushButton* m_button;
    QProgressBar* m_progress;
    bool m_restoring = false;
};

} // namespace strata
