#include "connection/LoginPrompt.h"

#include <QLoggingCategory>
#include <QWidget>

#include "connection/ConnectionProfiles.h"
#include "connection/PasswordPrompt.h"
#include "connection/SessionPassword.h"

namespace strata {

namespace {

Q_LOGGING_CATEGORY(loginLog, "strata.login")

} // namespace

LoginPrompt::LoginPrompt(QWidget& window) : QObject(&window), m_window(window)
{
    connect(&m_vault, &PasswordVault::passwordRead, this, &LoginPrompt::onPasswordRead);
}

bool LoginPrompt::isAsking() const
{
    return m_prompt || !m_reading.isEmpty();
}

PasswordPrompt* LoginPrompt::prompt() const
{
    return m_prompt;
}

QString LoginPrompt::profileFor(const ConnectionTarget& target)
{
    for (const QString& name : ConnectionProfiles::names())
        if (const auto profile = ConnectionProfiles::find(name);
            profile && profile->isPostgres() && profile->target().url == target.url)
            return name;
    return {};
}

Error LoginPrompt::explain(const ConnectionUrl& url, const Error& refusal)
{
    const QString user = url.postgresParameter(QStringLiteral("user"));
    const QString database = url.postgresParameter(QStringLiteral("dbname"));
    Error shown = refusal;
    shown.what =
        refusal.what.contains(QLatin1String("no password supplied"))
            ? tr("Not connected: the PostgreSQL server asks for the password of %1 to open %2, and "
                 "Strata has none for it yet.")
                  .arg(user, database)
            : tr("Not connected: the PostgreSQL server refused the password given for %1 to open %2.")
                  .arg(user, database);
    shown.unchanged = tr("Nothing was changed.");
    shown.next = tr("Type the password when Strata asks; Migrations > Status (refresh) asks again. "
                    "File > Connect… saves it in the keychain with a profile.");
    return shown;
}

void LoginPrompt::allowAsking()
{
    m_declined.clear();
}

void LoginPrompt::recover(const ConnectionTarget& target, const Error& refusal)
{
    if (isAsking() || target.url == m_declined)
        return;
    auto url = target.connectionUrl();
    if (!url)
        return;
    m_url = *url;
    m_target = target.url;
    const bool triedOne = !SessionPassword::forUrl(*url).isEmpty();
    m_why = triedOne ? tr("The server refused the password Strata had for this login (typed earlier or "
                          "from the keychain): type it again.")
                     : tr("The server asks for a password, and Strata has none for this login yet.");
    qCInfo(loginLog).noquote() << "login refused:" << refusal.what;
    const QString profile = profileFor(target);
    if (!profile.isEmpty() && (!m_vault.isKnown() || m_vault.isAvailable())) {
        m_reading = profile;
        m_vault.read(profile);
        return;
    }
    ask();
}

void LoginPrompt::onPasswordRead(const QString& profile, bool found, const QString& password,
                                 const QString& problem)
{
    if (profile != m_reading || !m_url)
        return;
    m_reading.clear();
    if (!problem.isEmpty())
        qCWarning(loginLog).noquote()
            << "the keychain did not give the password of" << profile << ":" << problem;
    // A password the keychain gives that was not tried yet: use it. The one that was just refused: ask.
    if (found && password != SessionPassword::forUrl(*m_url)) {
        SessionPassword::use(*m_url, password);
        Q_EMIT passwordGiven();
        return;
    }
    ask();
}

void LoginPrompt::ask()
{
    const QString kept = m_vault.isAvailable()
                             ? tr("Kept for this session only, never written to disk. Save it in the "
                                  "keychain with File > Connect…, Save profile….")
                             : tr("Kept for this session only, never written to disk.");
    m_prompt = new PasswordPrompt(*m_url, m_why, kept, &m_window);
    m_prompt->setAttribute(Qt::WA_DeleteOnClose);
    m_prompt->setWindowModality(Qt::WindowModal);
    connect(m_prompt, &QDialog::finished, this, [this, prompt = m_prompt](int result) {
        m_prompt = nullptr; // a refusal of the password given here asks again at once
        if (result == QDialog::Accepted && m_url) {
            SessionPassword::use(*m_url, prompt->password());
            Q_EMIT passwordGiven();
        } else {
            m_declined = m_target;
            Q_EMIT declined();
        }
    });
    m_prompt->open();
}

} // namespace strata
