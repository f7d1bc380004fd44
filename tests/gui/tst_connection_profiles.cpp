#include <QCheckBox>
#include <QTemporaryDir>

#include "ConnectionDialogDriver.h"
#include "ScratchDatabases.h"
#include "connection/ConnectionProfiles.h"
#include "mainwindow/MainWindow.h"

using namespace strata;
using namespace strata::test;

class TestConnectionProfiles : public QObject
{
    Q_OBJECT

    QTemporaryDir m_settings;
    QByteArray m_serverPassword;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // never the user's settings or data
        QApplication::setOrganizationName(QStringLiteral("StrataTest"));
        QApplication::setApplicationName(QStringLiteral("StrataProfilesTest"));
        QVERIFY(m_settings.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
        QVERIFY(QSettings().fileName().startsWith(m_settings.path()));
        // No keychain answers here, whatever the machine has: the user's own keychain is never touched.
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + QFile::encodeName(m_settings.filePath("no-bus")));
        // Only the password typed in the dialog can log in: no PGPASSWORD, no ~/.pgpass.
        qputenv("PGPASSFILE", QFile::encodeName(m_settings.filePath("no-pgpass")));
        m_serverPassword = qgetenv("PGPASSWORD");
    }

    void withoutAKeychainTheDialogSaysWhyAndAsksEachTime()
    {
        ConnectionDialog dialog;
        dialog.show();
        widget<QTabWidget>(dialog, "engineTabs")->setCurrentIndex(1);
        QTRY_VERIFY(note(dialog, "passwordNote").startsWith(kNoKeychain));
        // In the operator's words: the keychain's own (D-Bus, dbus-launch) go to the log only.
        QCOMPARE(note(dialog, "passwordNote"), kNoKeychain + kAsksEachTime);
        QVERIFY2(!note(dialog, "passwordNote").contains(QStringLiteral("bus"), Qt::CaseInsensitive),
                 qPrintable(note(dialog, "passwordNote")));
        QVERIFY(widget<QLabel>(dialog, "passwordNote")->isVisible());
        QVERIFY(widget<QLineEdit>(dialog, "password")->text().isEmpty());
        QCOMPARE(widget<QLineEdit>(dialog, "password")->echoMode(), QLineEdit::Password);
    }

    void aSavedProfileConnectsAndItsPasswordIsOnNoDisk()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        const auto url = ConnectionUrl::parse(scratch.url());
        QVERIFY(url);
        const QString password = QString::fromUtf8(m_serverPassword);
        QVERIFY(password.size() >= 16);
        qunsetenv("PGPASSWORD");
        auto restore = qScopeGuard([this] { qputenv("PGPASSWORD", m_serverPassword); });
        const QString name = QStringLiteral("risk desk / eu-prod");
        {
            ConnectionDialog dialog;
            dialog.show();
            QTRY_VERIFY(note(dialog, "passwordNote").startsWith(kNoKeychain));
            typePostgres(dialog, *url, password);
            saveProfileAs(dialog, name);
            QTRY_VERIFY(!note(dialog, "profileNote").isEmpty());
            QVERIFY2(note(dialog, "profileNote").contains(QStringLiteral("without its password")) &&
                         note(dialog, "profileNote").contains(kAsksEachTime),
                     qPrintable(note(dialog, "profileNote")));
            QCOMPARE(widget<QComboBox>(dialog, "profiles")->currentText(), name);
            dialog.reject();
        }
        QVERIFY(ConnectionProfiles::names().contains(name));
        QSettings().sync();

        // On disk: the profile is there, its password nowhere.
        const QStringList files = filesOnDisk();
        QVERIFY(!files.isEmpty());
        QVERIFY2(!filesHolding(files, scratch.name()).isEmpty(), "the saved profile is in no file");
        QVERIFY2(filesHolding(files, password).isEmpty(),
                 qPrintable(filesHolding(files, password).join(", ")));

        // Reload it: the form is filled, the password is asked again, and the dialog says why.
        ConnectionDialog dialog;
        dialog.show();
        QTRY_VERIFY(note(dialog, "passwordNote").startsWith(kNoKeychain));
        pickProfile(dialog, name);
        QCOMPARE(dialog.target().url, scratch.url());
        QCOMPARE(widget<QSpinBox>(dialog, "port")->value(),
                 url->postgresParameter(QStringLiteral("port")).toInt());
        QVERIFY(widget<QLineEdit>(dialog, "password")->text().isEmpty());
        QVERIFY(note(dialog, "passwordNote").endsWith(kAsksEachTime));
        QVERIFY2(!clickTest(dialog).connected, "logged in without a password");

        // A wrong password: said plainly, with what to check, while the window keeps running.
        typeInto(widget<QLineEdit>(dialog, "password"), QStringLiteral("not-the-password"));
        const TestClick wrong = clickTest(dialog);
        QVERIFY(!wrong.connected);
        QVERIFY(wrong.answeredLater);
        QVERIFY2(dialog.testResult().contains(QStringLiteral("PostgreSQL refused the login")),
                 qPrintable(dialog.testResult()));
        QVERIFY2(dialog.testResult().contains(QStringLiteral("the password typed above")),
                 qPrintable(dialog.testResult()));
        QVERIFY(widget<QPushButton>(dialog, "testConnection")->isEnabled());

        // The right one: connected, and the window opens on the database with it.
        typeInto(widget<QLineEdit>(dialog, "password"), password);
        QVERIFY2(clickTest(dialog).connected, qPrintable(dialog.testResult()));
        QVERIFY(dialog.testResult().contains(QStringLiteral("PostgreSQL 15")));
        QTest::mouseClick(widget<QDialogButtonBox>(dialog, "buttons")->button(QDialogButtonBox::Open),
                          Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        MainWindow window;
        QSignalSpy shown(&window, &MainWindow::statusShown);
        window.open(dialog.target());
        QVERIFY(shown.wait(20000));
        QVERIFY(shown.first().at(0).toBool());
        QSettings().sync();
        QVERIFY(filesHolding(filesOnDisk(), password).isEmpty());
    }

    void aServerThatNeverAnswersOrRefusesNeverFreezesTheDialog()
    {
        SilentServer silent; // takes the connection, says nothing for a second and a half, then hangs up
        QVERIFY(silent.port() > 0);
        QTimer::singleShot(1500, [&silent] { silent.hangUp(); });
        const QByteArray before = qgetenv("PGPASSWORD");
        ConnectionDialog dialog;
        dialog.show();
        const auto url = ConnectionUrl::parse(
            QStringLiteral("postgresql://strata@127.0.0.1:%1/strata_test").arg(silent.port()));
        typePostgres(dialog, *url, QStringLiteral("secret"));
        const TestClick silence = clickTest(dialog);
        QVERIFY(!silence.connected);
        QVERIFY(silence.answeredLater);
        QVERIFY2(silence.ticks >= 50,
                 qPrintable(QStringLiteral("the event loop ran %1 times").arg(silence.ticks)));
        QVERIFY2(dialog.testResult().startsWith(QStringLiteral("Cannot connect to")),
                 qPrintable(dialog.testResult()));
        QVERIFY(dialog.testResult().contains(QStringLiteral("Next: ")));

        typeInto(widget<QSpinBox>(dialog, "port"), QString::number(unusedLocalPort()));
        QVERIFY(!clickTest(dialog).connected);
        QVERIFY2(dialog.testResult().contains(QStringLiteral("Cannot reach the PostgreSQL server")) &&
                     dialog.testResult().contains(QStringLiteral("pg_isready")),
                 qPrintable(dialog.testResult()));

        // Cancel: the password only tried here is not kept for the session's connections.
        QTest::mouseClick(widget<QDialogButtonBox>(dialog, "buttons")->button(QDialogButtonBox::Cancel),
                          Qt::LeftButton);
        QCOMPARE(qgetenv("PGPASSWORD"), before);
    }

    void profilesKeepSslCertificatesAndReadOnlyAndCanBeDeleted()
    {
        ConnectionDialog dialog;
        dialog.show();
        widget<QTabWidget>(dialog, "engineTabs")->setCurrentIndex(1);
        typeInto(widget<QLineEdit>(dialog, "host"), QStringLiteral("db.risk.example"));
        typeInto(widget<QLineEdit>(dialog, "database"), QStringLiteral("risk"));
        typeInto(widget<QLineEdit>(dialog, "user"), QStringLiteral("ops"));
        widget<QComboBox>(dialog, "sslMode")->setCurrentText(QStringLiteral("verify-full"));
        typeInto(widget<QLineEdit>(dialog, "rootCert"), QStringLiteral("/etc/strata/ca.crt"));
        typeInto(widget<QLineEdit>(dialog, "clientCert"), QStringLiteral("/etc/strata/ops.crt"));
        typeInto(widget<QLineEdit>(dialog, "clientKey"), QStringLiteral("/etc/strata/ops.key"));
        saveProfileAs(dialog, QStringLiteral("risk verify-full"));
        QTRY_VERIFY(ConnectionProfiles::names().contains(QStringLiteral("risk verify-full")));

        ScratchSqlite file;
        widget<QTabWidget>(dialog, "engineTabs")->setCurrentIndex(0);
        typeInto(widget<QLineEdit>(dialog, "sqlitePath"), file.path());
        widget<QCheckBox>(dialog, "sqliteReadOnly")->setChecked(true);
        saveProfileAs(dialog, QStringLiteral("daemon state (read-only)"));
        QTRY_COMPARE(note(dialog, "profileNote"),
                     QStringLiteral("Saved the profile \"daemon state (read-only)\"."));

        ConnectionDialog reopened;
        reopened.show();
        pickProfile(reopened, QStringLiteral("risk verify-full"));
        QCOMPARE(reopened.target().url,
                 QStringLiteral("postgresql://ops@db.risk.example:5432/risk?sslmode=verify-full"
                                "&sslrootcert=/etc/strata/ca.crt&sslcert=/etc/strata/ops.crt"
                                "&sslkey=/etc/strata/ops.key"));
        pickProfile(reopened, QStringLiteral("daemon state (read-only)"));
        QCOMPARE(reopened.target().url, file.url());
        QVERIFY(reopened.target().readOnly);

        // Delete asks first; No keeps it, Yes removes it from the list and from the settings file.
        answerNextQuestion(QMessageBox::No);
        QTest::mouseClick(widget<QPushButton>(reopened, "deleteProfile"), Qt::LeftButton);
        QVERIFY(ConnectionProfiles::names().contains(QStringLiteral("daemon state (read-only)")));
        answerNextQuestion(QMessageBox::Yes);
        QTest::mouseClick(widget<QPushButton>(reopened, "deleteProfile"), Qt::LeftButton);
        QCOMPARE(ConnectionProfiles::names().contains(QStringLiteral("daemon state (read-only)")), false);
        QCOMPARE(
            widget<QComboBox>(reopened, "profiles")->findText(QStringLiteral("daemon state (read-only)")),
            -1);
        QVERIFY(!widget<QPushButton>(reopened, "deleteProfile")->isEnabled());
        QSettings().sync();
        QVERIFY(filesHolding({QSettings().fileName()}, file.path()).isEmpty());
        QVERIFY(!filesHolding({QSettings().fileName()}, QStringLiteral("db.risk.example")).isEmpty());
    }
};

QTEST_MAIN(TestConnectionProfiles)
#include "tst_connection_profiles.moc"
