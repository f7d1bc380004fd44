#include "connection/ConnectionForm.h"

#include "ui_ConnectionDialog.h"

namespace strata {

ConnectionForm::ConnectionForm(Ui::ConnectionDialog& ui) : m_ui(ui) {}

void ConnectionForm::setUp()
{
    // From the least to the most checked: verify-full checks the CA and that the certificate names the host.
    m_ui.sslMode->addItems({QStringLiteral("prefer"), QStringLiteral("disable"), QStringLiteral("allow"),
                            QStringLiteral("require"), QStringLiteral("verify-ca"),
                            QStringLiteral("verify-full")});
    m_ui.user->setText(qEnvironmentVariable("USER"));
}

ConnectionProfile ConnectionForm::profile() const
{
    ConnectionProfile profile;
    profile.migrations = m_ui.migrations->text().trimmed();
    if (m_ui.engineTabs->currentWidget() == m_ui.sqliteTab) {
        profile.kind = ConnectionProfile::Kind::Sqlite;
        profile.path = m_ui.sqlitePath->text().trimmed();
        profile.readOnly = m_ui.sqliteReadOnly->isChecked();
        return profile;
    }
    profile.kind = ConnectionProfile::Kind::Postgres;
    profile.host = m_ui.host->text().trimmed();
    profile.port = m_ui.port->value();
    profile.database = m_ui.database->text().trimmed();
    profile.user = m_ui.user->text().trimmed();
    profile.sslMode = m_ui.sslMode->currentText();
    profile.rootCert = m_ui.rootCert->text().trimmed();
    profile.clientCert = m_ui.clientCert->text().trimmed();
    profile.clientKey = m_ui.clientKey->text().trimmed();
    return profile;
}

void ConnectionForm::show(const ConnectionProfile& profile)
{
    m_ui.migrations->setText(profile.migrations);
    if (!profile.isPostgres()) {
        m_ui.engineTabs->setCurrentWidget(m_ui.sqliteTab);
        m_ui.sqlitePath->setText(profile.path);
        m_ui.sqliteReadOnly->setChecked(profile.readOnly);
        return;
    }
    m_ui.engineTabs->setCurrentWidget(m_ui.postgresTab);
    m_ui.host->setText(profile.host);
    m_ui.port->setValue(profile.port);
    m_ui.database->setText(profile.database);
    m_ui.user->setText(profile.user);
    const int mode = m_ui.sslMode->findText(profile.sslMode);
    m_ui.sslMode->setCurrentIndex(mode >= 0 ? mode : 0);
    m_ui.rootCert->setText(profile.rootCert);
    m_ui.clientCert->setText(profile.clientCert);
    m_ui.clientKey->setText(profile.clientKey);
}

QString ConnectionForm::password() const
{
    return m_ui.engineTabs->currentWidget() == m_ui.postgresTab ? m_ui.password->text() : QString();
}

void ConnectionForm::setPassword(const QString& password)
{
    m_ui.password->setText(password);
}

} // namespace strata
