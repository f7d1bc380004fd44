#pragma once

#include <QObject>
#include <QString>

#include "connection/PasswordVault.h"

class QWidget;

namespace Ui {
class ConnectionDialog;
}

namespace strata {

class ConnectionForm;

/// The connection dialog's saved profiles: pick one to fill the form, "Save profile…" and "Delete profile".
/// The profile goes to the settings and its password to the keychain, never to a settings file. Without a
/// keychain the password field stays empty each time and the dialog says why.
class ProfileActions : public QObject
{
    Q_OBJECT

public:
    ProfileActions(Ui::ConnectionDialog& ui, ConnectionForm& form, QWidget& dialog);

    /// The name of the profile picked in the list; empty for a new connection.
    QString currentProfile() const;

public Q_SLOTS:
    /// Asks for a name, then saves the form as a profile and the typed password in the keychain.
    void saveProfile();
    /// Asks first, then removes the profile and its password in the keychain.
    void deleteProfile();

private:
    void fillList(const QString& selected);
    /// Shows the profile picked in the list and asks the keychain for its password.
    void showPicked();
    void showKeychainState();
    /// What the operator reads when there is no keychain (its own words go to the log).
    QString noKeychainText() const;
    void note(const QString& text);
    void notePassword(const QString& text);

    void onAvailabilityChecked(bool available);
    void onPasswordRead(const QString& profile, bool found, const QString& password, const QString& problem);
    void onPasswordWritten(const QString& profile, bool ok, const QString& problem);
    void onPasswordRemoved(const QString& profile, bool ok, const QString& problem);

    Ui::ConnectionDialog& m_ui;
    ConnectionForm& m_form;
    QWidget& m_dialog;
    PasswordVault m_vault;
    /// A profile picked before the keychain answered: its password is read once it has.
    QString m_waitingForKeychain;
};

} // namespace strata
