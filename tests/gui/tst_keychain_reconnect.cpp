#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include "ConnectionDialogDriver.h"
#include "ScratchDatabases.h"
#include "connection/LoginPrompt.h"
#include "connection/PasswordPrompt.h"
#include "connection/PasswordVault.h"
#include "connection/ServerPasswords.h"
#include "mainwindow/MainActions.h"
#include "mainwindow/MainWindow.h"

using namespace strata;
using namespace strata::test;

/// Reopening a PostgreSQL database whose profile keeps its password in a real keychain (a session bus and
/// gnome-keyring's Secret Service of the test's own, unlocked): the password comes from the keychain and
/// nothing is asked; a keychain password the server refuses is not tried twice: the prompt asks.
class TestKeychainReconnect : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;
    QProcess m_bus;
    QProcess m_keyring;
    QString m_password; ///< the test server's

    /// Watches `window` and says whether it ever showed the password prompt.
    struct PromptWatch
    {
        QTimer timer;
        bool seen = false;
        explicit PromptWatch(MainWindow& window)
        {
            QObject::connect(&timer, &QTimer::timeout,
                             [this, &window] { seen = seen || window.login()->prompt(); });
            timer.start(1);
        }
    };

private Q_SLOTS:
    void initTestCase()
    {
        const QString busDaemon = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
        const QString keyringDaemon = QStandardPaths::findExecutable(QStringLiteral("gnome-keyring-daemon"));
        const QString busSend = QStandardPaths::findExecutable(QStringLiteral("dbus-send"));
        if (busDaemon.isEmpty() || keyringDaemon.isEmpty() || busSend.isEmpty())
            QSKIP("dbus-daemon, dbus-send and gnome-keyring-daemon are needed for a real keychain (Debian: "
                  "dbus, gnome-keyring)");
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName(QStringLiteral("StrataTest"));
        QApplication::setApplicationName(QStringLiteral("StrataKeychainTest"));
        QVERIFY(m_home.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_home.path());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_home.path());
        qputenv("PGPASSFILE", QFile::encodeName(m_home.filePath("no-pgpass")));
        m_password = qEnvironmentVariable("PGPASSWORD");
        QVERIFY2(m_password.size() >= 16, "the test server's password must be in PGPASSWORD");

        // A session bus of our own, and gnome-keyring on it with a login keyring it unlocks (and creates).
        QVERIFY(QDir(m_home.path()).mkpath(QStringLiteral("run")));
        QFile::setPermissions(m_home.filePath("run"), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("HOME"), m_home.path());
        environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_home.filePath("run"));
        environment.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath("data"));
        // The bus starts no service on demand: with the session bus's service folders, the first call to the
        // Secret Service (the vault's availability check) could start a second gnome-keyring, without the
        // password, before ours had taken the name; ours then said "another secret service is running" and
        // its login keyring never unlocked (seen on a loaded machine).
        QFile config(m_home.filePath("bus.conf"));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(QStringLiteral(
                         "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\" "
                         "\"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                         "<busconfig><type>session</type><listen>unix:dir=%1</listen><auth>EXTERNAL</auth>"
                         "<policy context=\"default\"><allow send_destination=\"*\" eavesdrop=\"true\"/>"
                         "<allow eavesdrop=\"true\"/><allow own=\"*\"/></policy></busconfig>\n")
                         .arg(m_home.filePath("run"))
                         .toUtf8());
        config.close();
        m_bus.setProcessEnvironment(environment);
        m_bus.start(busDaemon, {QStringLiteral("--config-file=") + config.fileName(),
                                QStringLiteral("--nofork"), QStringLiteral("--print-address=1")});
        QVERIFY(m_bus.waitForStarted(5000));
        QTRY_VERIFY_WITH_TIMEOUT(m_bus.canReadLine(), 5000);
        const QByteArray address = m_bus.readLine().trimmed();
        QVERIFY2(address.startsWith("unix:"), address.constData());
        qputenv("DBUS_SESSION_BUS_ADDRESS", address);
        environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QString::fromUtf8(address));
        // The login keyring's password is on gnome-keyring's stdin, whole and closed, from its first
        // instruction (a pipe from printf), never written after it started.
        environment.insert(QStringLiteral("STRATA_KEYRING_DAEMON"), keyringDaemon);
        m_keyring.setProcessEnvironment(environment);
        m_keyring.start(QStringLiteral("/bin/sh"),
                        {QStringLiteral("-c"),
                         QStringLiteral("printf %s keyring-of-the-test | exec \"$STRATA_KEYRING_DAEMON\" "
                                        "--foreground --unlock --components=secrets")});
        QVERIFY(m_keyring.waitForStarted(5000));

        PasswordVault vault;
        bool available = false;
        for (int attempt = 0; attempt < 50 && !available; ++attempt) {
            QSignalSpy checked(&vault, &PasswordVault::availabilityChecked);
            vault.checkAvailability();
            QVERIFY(checked.wait(5000));
            available = checked.first().at(0).toBool();
            if (!available)
                QTest::qWait(100);
        }
        QVERIFY2(available, qPrintable(vault.unavailableReason()));
        // The Secret Service answers before gnome-keyring has created and unlocked the login keyring from the
        // password it read: on a busy machine a password written at once found no collection to go into.
        bool unlocked = false;
        for (int attempt = 0; attempt < 200 && !unlocked; ++attempt) {
            QProcess probe;
            probe.setProcessEnvironment(environment);
            probe.start(busSend, {QStringLiteral("--session"), QStringLiteral("--print-reply"),
                                  QStringLiteral("--dest=org.freedesktop.secrets"),
                                  QStringLiteral("/org/freedesktop/secrets/collection/login"),
                                  QStringLiteral("org.freedesktop.DBus.Properties.Get"),
                                  QStringLiteral("string:org.freedesktop.Secret.Collection"),
                                  QStringLiteral("string:Locked")});
            unlocked = probe.waitForFinished(5000) && probe.exitStatus() == QProcess::NormalExit &&
                       probe.exitCode() == 0 && probe.readAllStandardOutput().contains("boolean false");
            if (!unlocked)
                QTest::qWait(100);
        }
        QVERIFY2(unlocked,
                 qPrintable(QStringLiteral("gnome-keyring did not create and unlock its login keyring "
                                           "within 20 s; it said: ") +
                            QString::fromLocal8Bit(m_keyring.readAllStandardError())));
    }

    void cleanupTestCase()
    {
        for (QProcess* process : {&m_keyring, &m_bus}) {
            process->terminate();
            if (!process->waitForFinished(3000))
                process->kill();
        }
    }

    void relaunchReadsThePasswordFromTheKeychainThenAsksWhenItIsRefused()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        const auto url = ConnectionUrl::parse(scratch.url());
        QVERIFY(url);
        ServerPasswords::forget(*url);
        qunsetenv("PGPASSWORD");
        auto restore = qScopeGuard([this] { qputenv("PGPASSWORD", m_password.toUtf8()); });

        // Last session: the profile saved with its password (in the keychain), and opened.
        const QString name = QStringLiteral("risk desk (keychain)");
        {
            ConnectionDialog dialog;
            dialog.show();
            QTRY_VERIFY(
                note(dialog, "passwordNote").contains(QStringLiteral("keychain, never in a settings")));
            typePostgres(dialog, *url, m_password);
            saveProfileAs(dialog, name);
            QTRY_COMPARE_WITH_TIMEOUT(
                note(dialog, "profileNote"),
                QStringLiteral("Saved the profile \"%1\"; its password is in the keychain.").arg(name),
                10000);
            QTest::mouseClick(widget<QDialogButtonBox>(dialog, "buttons")->button(QDialogButtonBox::Open),
                              Qt::LeftButton);
            MainWindow last;
            QSignalSpy shown(&last, &MainWindow::statusShown);
            last.open(dialog.target());
            QVERIFY(shown.wait(20000));
            QVERIFY(shown.first().at(0).toBool());
        }

        // Relaunch: no password in memory; the keychain's opens the database, and nothing is asked.
        ServerPasswords::forget(*url);
        {
            MainWindow window;
            window.show();
            PromptWatch watch(window);
            QSignalSpy shown(&window, &MainWindow::statusShown);
            window.startFromLastDatabase();
            QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty() && shown.last().at(0).toBool(), 20000);
            QVERIFY2(!watch.seen, "asked for a password the keychain holds");
            QVERIFY(window.actions()->createBackup->isEnabled());
            QVERIFY(qgetenv("PGPASSWORD").isEmpty());
        }
        QSettings().sync();
        QVERIFY(filesHolding({QSettings().fileName()}, m_password).isEmpty());

        // The keychain holds a password the server refuses: tried once, then the prompt asks.
        PasswordVault vault;
        QSignalSpy written(&vault, &PasswordVault::passwordWritten);
        vault.write(name, QStringLiteral("an-old-password"));
        QVERIFY(written.wait(5000));
        QVERIFY(written.first().at(1).toBool());
        ServerPasswords::forget(*url);
        MainWindow window;
        window.show();
        window.startFromLastDatabase();
        QTRY_VERIFY_WITH_TIMEOUT(window.login()->prompt() && window.login()->prompt()->isVisible(), 20000);
        PasswordPrompt* prompt = window.login()->prompt();
        QVERIFY2(widget<QLabel>(*prompt, "reason")->text().contains(QStringLiteral("refused the password")),
                 qPrintable(widget<QLabel>(*prompt, "reason")->text()));
        QVERIFY(window.windowTitle().contains(QStringLiteral("(not connected)")));
        QVERIFY(!window.actions()->createBackup->isEnabled());
        QSignalSpy shown(&window, &MainWindow::statusShown);
        typeInto(widget<QLineEdit>(*prompt, "password"), m_password);
        QTest::mouseClick(widget<QDialogButtonBox>(*prompt, "buttons")->button(QDialogButtonBox::Ok),
                          Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty() && shown.last().at(0).toBool(), 20000);
        QVERIFY(window.actions()->createBackup->isEnabled());
    }
};

QTEST_MAIN(TestKeychainReconnect)
#include "tst_keychain_reconnect.moc"
