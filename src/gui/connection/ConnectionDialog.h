#pragma once

#include <memory>
#include <vector>

#include <QDialog>

#include "connection/ConnectionForm.h"
#include "connection/ConnectionTarget.h"
#include "connection/SessionPassword.h"

namespace Ui {
class ConnectionDialog;
}

namespace strata {

class JobRunner;
class ProfileActions;

/// Connect to a SQLite file or a PostgreSQL server, with the migration set that goes with it, from a saved
/// profile or typed in. "Test connection" runs on a worker, so a refused or slow server never freezes the
/// window. A password typed in (or from the keychain) is used for this session only.
class ConnectionDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ConnectionDialog(QWidget* parent = nullptr);
    ~ConnectionDialog() override;

    void setTarget(const ConnectionTarget& target);
    ConnectionTarget target() const;
    /// The result of the last test, as shown under the form.
    QString testResult() const;

public Q_SLOTS:
    void testConnection();
    void accept() override;
    void reject() override;

protected:
    bool event(QEvent* event) override;

Q_SIGNALS:
    void testFinished(bool ok);

private:
    /// Hands the password field to the connections opened from now on (PostgreSQL only).
    void usePassword(const ConnectionUrl& url);
    /// Puts back the session passwords this dialog replaced.
    void putBackPasswords();
    /// Grows the dialog to the height its notes and result need at its width (up to the screen's), so a
    /// note or an error never squeezes the form or gets cut.
    void fitToContent();

    std::unique_ptr<Ui::ConnectionDialog> m_ui;
    ConnectionForm m_form;
    std::unique_ptr<ProfileActions> m_profiles; ///< goes before m_ui: it works on its widgets
    std::unique_ptr<JobRunner> m_test;
    /// The session passwords this dialog replaced, oldest first: Cancel, or closing without Open, puts
    /// them back.
    std::vector<SessionPassword::Change> m_replaced;
    bool m_fitting = false;
};

} // namespace strata
