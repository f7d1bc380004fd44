#pragma once

#include <functional>

#include <QObject>
#include <QString>

namespace QKeychain {
class Job;
}

namespace strata {

/// Profile passwords in the OS keychain (Secret Service, KWallet, macOS Keychain, Windows Credential Store)
/// through QtKeychain: service "Strata", one entry per profile name. Never anywhere else: the insecure
/// fallback to a settings file is off. Every call returns at once and answers with a signal, so the window
/// never waits on the keychain.
class PasswordVault : public QObject
{
    Q_OBJECT

public:
    static const QString kService;

    explicit PasswordVault(QObject* parent = nullptr);

    /// Whether a keychain answered. Unknown until checkAvailability() has answered once in this process.
    bool isKnown() const;
    bool isAvailable() const;
    /// Why no keychain is available, in the keychain's own words: for the log (strata.keychain), not for
    /// the operator, who reads unavailableText().
    QString unavailableReason() const;
    /// What the operator reads when no keychain is available.
    static QString unavailableText();
    /// Writes a keychain's problem with one entry to the log, in its own words.
    static void logProblem(const QString& what, const QString& problem);

    /// Asks the keychain for an entry nobody writes; emits availabilityChecked().
    void checkAvailability();
    /// Emits passwordRead().
    void read(const QString& profile);
    /// Emits passwordWritten().
    void write(const QString& profile, const QString& password);
    /// Emits passwordRemoved().
    void remove(const QString& profile);

Q_SIGNALS:
    void availabilityChecked(bool available, const QString& reason);
    /// `found` false and `problem` empty: the keychain holds no password for the profile.
    void passwordRead(const QString& profile, bool found, const QString& password, const QString& problem);
    void passwordWritten(const QString& profile, bool ok, const QString& problem);
    void passwordRemoved(const QString& profile, bool ok, const QString& problem);

private:
    /// Starts `job` with the fallback off; `done` runs on this thread when it finishes, unless this vault
    /// is gone by then. The job deletes itself.
    void start(QKeychain::Job* job, const QString& key, std::function<void(QKeychain::Job&)> done);
    /// Records what a job's error says about the keychain's availability.
    void learnFrom(const QKeychain::Job& job);
};

} // namespace strata
