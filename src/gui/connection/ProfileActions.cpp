#include "connection/ProfileActions.h"

#include <algorithm>
#include <utility>

#include <QInputDialog>
#include <QMessageBox>
#include <QSignalBlocker>

#include "connection/ConnectionForm.h"
#include "connection/ConnectionProfiles.h"
#include "ui_ConnectionDialog.h"

namespace strata {

ProfileActions::ProfileActions(Ui::ConnectionDialog& ui, ConnectionForm& form, QWidget& dialog)
    : m_ui(ui), m_form(form), m_dialog(dialog)
{
    fillList({});
    connect(m_ui.profiles, &QComboBox::currentIndexChanged, this, &ProfileActions::showPicked);
    connect(m_ui.saveProfile, &QPushButton::clicked, this, &ProfileActions::saveProfile);
    connect(m_ui.deleteProfile, &QPushButton::clicked, this, &ProfileActions::deleteProfile);
    connect(&m_vault, &PasswordVault::availabilityChecked, this, &ProfileActions::onAvailabilityChecked);
    connect(&m_vault, &PasswordVault::passwordRead, this, &ProfileActions::onPasswordRead);
    connect(&m_vault, &PasswordVault::passwordWritten, this, &ProfileActions::onPasswordWritten);
    connect(&m_vault, &PasswordVault::passwordRemoved, this, &ProfileActions::onPasswordRemoved);
    showKeychainState();
    m_vault.checkAvailability();
}

QString ProfileActions::currentProfile() const
{
    return m_ui.profiles->currentData().toString();
}

void ProfileActions::fillList(const QString& selected)
{
    const QSignalBlocker quiet(m_ui.profiles);
    m_ui.profiles->clear();
    m_ui.profiles->addItem(tr("New connection"), QString());
    for (const QString& name : ConnectionProfiles::names())
        m_ui.profiles->addItem(name, name);
    m_ui.profiles->setCurrentIndex(std::max(0, m_ui.profiles->findData(selected)));
    m_ui.deleteProfile->setEnabled(!currentProfile().isEmpty());
}

void ProfileActions::showPicked()
{
    const QString name = currentProfile();
    m_ui.deleteProfile->setEnabled(!name.isEmpty());
    m_waitingForKeychain.clear();
    note({});
    if (name.isEmpty())
        return;
    const auto profile = ConnectionProfiles::find(name);
    if (!profile) {
        note(tr("The profile \"%1\" is no longer in the settings.").arg(name));
        fillList({});
        return;
    }
    m_form.show(*profile);
    m_form.setPassword({});
    if (!profile->isPostgres())
        return;
    if (!m_vault.isKnown()) {
        m_waitingForKeychain = name;
        return;
    }
    if (!m_vault.isAvailable()) {
        showKeychainState();
        m_ui.password->setFocus();
        return;
    }
    notePassword(tr("Reading the password of \"%1\" from the keychain…").arg(name));
    m_vault.read(name);
}

void ProfileActions::saveProfile()
{
    ConnectionProfile profile = m_form.profile();
    if (!profile.target().isValid() || !profile.target().connectionUrl()) {
        note(tr("Name the database file, or the server and database, before saving a profile."));
        return;
    }
    bool ok = false;
    const QString suggested = currentProfile().isEmpty() ? profile.target().displayName() : currentProfile();
    const QString name = QInputDialog::getText(&m_dialog, tr("Save profile"), tr("Save this connection as:"),
                                               QLineEdit::Normal, suggested, &ok)
                             .trimmed();
    if (!ok || name.isEmpty())
        return;
    if (name != currentProfile() && ConnectionProfiles::find(name) &&
        QMessageBox::question(
            &m_dialog, tr("Replace profile"),
            tr("A profile named \"%1\" exists. Replace it with this connection?").arg(name)) !=
            QMessageBox::Yes)
        return;
    profile.name = name;
    ConnectionProfiles::save(profile);
    fillList(name);
    const QString password = m_form.password();
    if (!profile.isPostgres())
        note(tr("Saved the profile \"%1\".").arg(name));
    else if (password.isEmpty() && m_vault.isAvailable())
        note(tr("Saved the profile \"%1\". No password was typed: its entry in the keychain, if any, stays.")
                 .arg(name));
    else if (password.isEmpty())
        note(tr("Saved the profile \"%1\" with no password typed: PGPASSWORD or ~/.pgpass applies.")
                 .arg(name));
    else if (!m_vault.isAvailable())
        note(tr("Saved the profile \"%1\" without its password. %2").arg(name, noKeychainText()));
    else {
        note(tr("Saved the profile \"%1\"; putting its password in the keychain…").arg(name));
        m_vault.write(name, password);
    }
}

void ProfileActions::deleteProfile()
{
    const QString name = currentProfile();
    if (name.isEmpty())
        return;
    if (QMessageBox::question(&m_dialog, tr("Delete profile"),
                              tr("Delete the saved profile \"%1\" and its password in the keychain? The "
                                 "database itself is not touched.")
                                  .arg(name)) != QMessageBox::Yes)
        return;
    ConnectionProfiles::remove(name);
    fillList({});
    if (m_vault.isAvailable()) {
        note(tr("Deleted the profile \"%1\"; removing its password from the keychain…").arg(name));
        m_vault.remove(name);
    } else {
        note(tr("Deleted the profile \"%1\".").arg(name));
    }
}

QString ProfileActions::noKeychainText() const
{
    return m_vault.isKnown() ? PasswordVault::unavailableText()
                             : tr("The keychain has not answered yet: Strata does not store passwords on "
                                  "disk, so a password typed here is kept for this session only.");
}

void ProfileActions::showKeychainState()
{
    if (!m_vault.isKnown())
        notePassword(tr("Checking for a keychain…"));
    else if (!m_vault.isAvailable())
        notePassword(noKeychainText());
    else
        notePassword(tr("Save profile… keeps the password in the keychain, never in a settings file."));
}

void ProfileActions::note(const QString& text)
{
    m_ui.profileNote->setText(text);
    m_ui.profileNote->setVisible(!text.isEmpty());
}

void ProfileActions::notePassword(const QString& text)
{
    m_ui.passwordNote->setText(text);
}

void ProfileActions::onAvailabilityChecked(bool available)
{
    showKeychainState();
    const QString waiting = std::exchange(m_waitingForKeychain, QString());
    if (available && !waiting.isEmpty() && waiting == currentProfile()) {
        notePassword(tr("Reading the password of \"%1\" from the keychain…").arg(waiting));
        m_vault.read(waiting);
    }
}

void ProfileActions::onPasswordRead(const QString& profile, bool found, const QString& password,
                                    const QString& problem)
{
    if (profile != currentProfile())
        return; // another profile was picked meanwhile
    if (found && m_ui.password->text().isEmpty()) {
        m_form.setPassword(password);
        notePassword(tr("The password of \"%1\" comes from the keychain.").arg(profile));
    } else if (found) {
        notePassword(tr("The password typed above is used, not the one in the keychain."));
    } else if (problem.isEmpty()) {
        notePassword(tr("The keychain holds no password for \"%1\": type it; Save profile… keeps it there.")
                         .arg(profile));
    } else {
        PasswordVault::logProblem(QStringLiteral("reading the password of \"%1\":").arg(profile), problem);
        notePassword(tr("The keychain did not give the password of \"%1\": type it.").arg(profile));
    }
}

void ProfileActions::onPasswordWritten(const QString& profile, bool ok, const QString& problem)
{
    if (ok)
        note(tr("Saved the profile \"%1\"; its password is in the keychain.").arg(profile));
    else {
        PasswordVault::logProblem(QStringLiteral("writing the password of \"%1\":").arg(profile), problem);
        note(tr("Saved the profile \"%1\" without its password: the keychain did not take it. Strata asks "
                "for it each time.")
                 .arg(profile));
    }
}

void ProfileActions::onPasswordRemoved(const QString& profile, bool ok, const QString& problem)
{
    if (ok)
        note(tr("Deleted the profile \"%1\" and its password in the keychain.").arg(profile));
    else {
        PasswordVault::logProblem(QStringLiteral("removing the password of \"%1\":").arg(profile), problem);
        note(tr("Deleted the profile \"%1\"; the keychain kept its password: remove the entry \"%2\" "
                "for \"%1\" with the keychain's own tool.")
                 .arg(profile, PasswordVault::kService));
    }
}

} // namespace strata
