#include "connection/PasswordVault.h"

#include <QLoggingCategory>

#include <qt6keychain/keychain.h>

namespace strata {

const QString PasswordVault::kService = QStringLiteral("Strata");

namespace {

/// What the keychain said about itself, for the whole process: a keychain that answered once stays
/// known; one that did not is asked again by the next dialog (it may have been started since).
struct Availability
{
    bool known = false;
    bool available = false;
    QString reason;
};

Availability& availability()
{
    static Availability state;
    return state;
}

/// Errors that mean there is no keychain to talk to, rather than a problem with one entry.
bool meansNoKeychain(QKeychain::Error error)
{
    return error == QKeychain::NoBackendAvailable || error == QKeychain::NotImplemented ||
           error == QKeychain::OtherError;
}

const QString kProbeKey = QStringLiteral("(keychain check)");

Q_LOGGING_CATEGORY(keychainLog, "strata.keychain")

} // namespace

PasswordVault::PasswordVault(QObject* parent) : QObject(parent) {}

bool PasswordVault::isKnown() const
{
    return availability().known;
}

bool PasswordVault::isAvailable() const
{
    return availability().known && availability().available;
}

QString PasswordVault::unavailableReason() const
{
    return availability().reason;
}

void PasswordVault::start(QKeychain::Job* job, const QString& key, std::function<void(QKeychain::Job&)> done)
{
    job->setInsecureFallback(false); // never a settings file, whatever the platform's default
    job->setAutoDelete(true);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this,
            [done = std::move(done)](QKeychain::Job* finished) { done(*finished); });
    job->start();
}

void PasswordVault::learnFrom(const QKeychain::Job& job)
{
    Availability& state = availability();
    const bool wasUnavailable = state.known && !state.available;
    state.known = true;
    state.available = !meansNoKeychain(job.error());
    state.reason = state.available ? QString() : job.errorString();
    if (state.reason.isEmpty() && !state.available)
        state.reason = tr("no keychain service answered");
    // The keychain's own words (D-Bus, dbus-launch, ...) are for the log; the operator reads
    // unavailableText().
    if (!state.available && !wasUnavailable)
        qCWarning(keychainLog).noquote() << "no keychain available:" << state.reason;
}

QString PasswordVault::unavailableText()
{
    return tr("The desktop keychain is not available: Strata does not store passwords on disk, so a "
              "password typed here is kept for this session only.");
}

void PasswordVault::logProblem(const QString& what, const QString& problem)
{
    qCWarning(keychainLog).noquote() << what << problem;
}

void PasswordVault::checkAvailability()
{
    if (isAvailable()) {
        Q_EMIT availabilityChecked(true, {});
        return;
    }
    start(new QKeychain::ReadPasswordJob(kService), kProbeKey, [this](QKeychain::Job& job) {
        learnFrom(job);
        Q_EMIT availabilityChecked(isAvailable(), unavailableReason());
    });
}

void PasswordVault::read(const QString& profile)
{
    start(new QKeychain::ReadPasswordJob(kService), profile, [this, profile](QKeychain::Job& job) {
        const auto& reader = static_cast<const QKeychain::ReadPasswordJob&>(job);
        switch (job.error()) {
        case QKeychain::NoError:
            Q_EMIT passwordRead(profile, true, reader.textData(), {});
            break;
        case QKeychain::EntryNotFound:
            Q_EMIT passwordRead(profile, false, {}, {});
            break;
        default:
            Q_EMIT passwordRead(profile, false, {}, job.errorString());
        }
    });
}

void PasswordVault::write(const QString& profile, const QString& password)
{
    auto* job = new QKeychain::WritePasswordJob(kService);
    job->setTextData(password);
    start(job, profile, [this, profile](QKeychain::Job& finished) {
        const bool ok = finished.error() == QKeychain::NoError;
        Q_EMIT passwordWritten(profile, ok, ok ? QString() : finished.errorString());
    });
}

void PasswordVault::remove(const QString& profile)
{
    start(new QKeychain::DeletePasswordJob(kService), profile, [this, profile](QKeychain::Job& job) {
        const bool ok = job.error() == QKeychain::NoError || job.error() == QKeychain::EntryNotFound;
        Q_EMIT passwordRemoved(profile, ok, ok ? QString() : job.errorString());
    });
}

} // namespace strata
