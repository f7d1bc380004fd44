#pragma once

#include "connection/ConnectionProfile.h"

namespace Ui {
class ConnectionDialog;
}

namespace strata {

/// The connection dialog's fields read as a profile and filled from one: the SQLite tab (file, read-only)
/// or the PostgreSQL tab (host, port, database, user, sslmode up to verify-full and the certificate
/// paths), and the migration set. The password field is apart: it is never part of a profile.
class ConnectionForm
{
public:
    explicit ConnectionForm(Ui::ConnectionDialog& ui);

    /// Fills the SSL modes and the defaults (localhost:5432, the login name).
    void setUp();
    /// What the fields say, without a name.
    ConnectionProfile profile() const;
    /// Shows `profile` on its tab. Leaves the password field alone.
    void show(const ConnectionProfile& profile);
    /// The password typed (PostgreSQL tab); empty on the SQLite tab.
    QString password() const;
    void setPassword(const QString& password);

private:
    Ui::ConnectionDialog& m_ui;
};

} // namespace strata
