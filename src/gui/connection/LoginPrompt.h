#pragma once

#include <optional>

#include <QObject>
#include <QPointer>
#include <QString>

#include "common/Error.h"
#include "connection/ConnectionTarget.h"
#include "connection/PasswordVault.h"

class QWidget;

namespace strata {

class PasswordPrompt;

/// Gets the password of a PostgreSQL database the window opened and whose server refused the login (at
/// start-up onto the last database, from File > Recent, from a profile): the keychain's, when a saved
/// profile is that database and the keychain holds a password not tried yet, else the operator's, asked in
/// a PasswordPrompt. The password is kept for this session only (SessionPassword). Never waits: the
/// keychain answers with a signal and the prompt is window-modal, not a nested event loop.
class LoginPrompt : public QObject
{
    Q_OBJECT

public:
    explicit LoginPrompt(QWidget& window);

    /// Starts getting a password for `target` after `refusal` (ServerPasswords::wantsPassword); ends with
    /// passwordGiven() or declined(). Does nothing while it is already getting one, or after a Cancel for
    /// that database until allowAsking().
    void recover(const ConnectionTarget& target, const Error& refusal);
    /// After a Cancel the prompt is not shown again for that database (a poll that fails again stays
    /// quiet) until this is called: when the operator opens the database or refreshes.
    void allowAsking();
    /// A keychain read or the prompt is under way.
    bool isAsking() const;
    /// The prompt on screen, if any.
    PasswordPrompt* prompt() const;
    /// A refused login (ServerPasswords::wantsPassword) in the operator's words, for the window's banner:
    /// whose password, for which database, and what to do; libpq's own words go to the log.
    static Error explain(const ConnectionUrl& url, const Error& refusal);
    /// The name of the saved profile whose connection is `target`'s database, or an empty string.
    static QString profileFor(const ConnectionTarget& target);

Q_SIGNALS:
    /// A password is kept for the database now: open it again.
    void passwordGiven();
    /// The operator cancelled the prompt: the database stays closed.
    void declined();

private:
    void ask();
    void onPasswordRead(const QString& profile, bool found, const QString& password, const QString& problem);

    QWidget& m_window;
    PasswordVault m_vault;
    QPointer<PasswordPrompt> m_prompt;
    std::optional<ConnectionUrl> m_url; ///< the database being recovered
    QString m_target;                   ///< its URL as the window has it
    QString m_why;                      ///< why the prompt asks, in the operator's words
    QString m_reading;                  ///< the profile whose password the keychain is asked for
    QString m_declined;                 ///< the URL of the database whose prompt was cancelled
};

} // namespace strata
