#include <QAction>
#include <QMenu>
#include <QTemporaryDir>

#include "ConnectionDialogDriver.h"
#include "ScratchDatabases.h"
#include "Screenshots.h"
#include "backup/BackupActions.h"
#include "connection/ConnectionProfiles.h"
#include "connection/LoginPrompt.h"
#include "connection/PasswordPrompt.h"
#include "connection/RecentConnections.h"
#include "connection/ServerPasswords.h"
#include "mainwindow/ConnectionStatusBar.h"
#include "mainwindow/MainActions.h"
#include "mainwindow/MainWindow.h"

using namespace strata;
using namespace strata::test;

namespace {

/// The password prompt the window shows, once it shows one.
PasswordPrompt* waitForPrompt(MainWindow& window)
{
    const bool shown = QTest::qWaitFor(
        [&window] { return window.login()->prompt() && window.login()->prompt()->isVisible(); }, 20000);
    return shown ? window.login()->prompt() : nullptr;
}

void answerPrompt(PasswordPrompt& prompt, const QString& password)
{
    typeInto(widget<QLineEdit>(prompt, "password"), password);
    QTest::mouseClick(widget<QDialogButtonBox>(prompt, "buttons")->button(QDialogButtonBox::Ok),
                      Qt::LeftButton);
}

/// The actions that need an open database, by their menu text.
QList<QAction*> needingTheDatabase(const MainWindow& window)
{
    const MainActions& a = *window.actions();
    return {a.createBackup,
            a.restoreFromFile,
            a.restoreMenu->menuAction(),
            a.verifyMenu->menuAction(),
            a.migrate,
            a.rollback,
            a.baseline,
            a.plan};
}

QStringList enabledNeedingTheDatabase(const MainWindow& window)
{
    QStringList enabled;
    for (QAction* action : needingTheDatabase(window))
        if (action->isEnabled())
            enabled << action->text();
    return enabled;
}

} // namespace

/// Reopening a PostgreSQL database whose password Strata does not have (at start-up onto the last database,
/// from File > Recent): the window asks for it, says it is not connected meanwhile, and the password lives in
/// memory only: not in Strata's environment, not in its settings, and pg_dump gets it in its own.
class TestReconnect : public QObject
{
    Q_OBJECT

    QTemporaryDir m_settings;
    QString m_password; ///< the test server's

    /// As a new process of Strata starts: no password kept for any server.
    void forgetPasswords(const ConnectionUrl& url) { ServerPasswords::forget(url); }

    void checkNoPasswordOnDisk()
    {
        QSettings().sync();
        const QStringList settings{QSettings().fileName()};
        QVERIFY2(QFileInfo::exists(settings.first()), qPrintable(settings.first()));
        QVERIFY2(filesHolding(settings, m_password).isEmpty(), "the settings file holds the password");
        QVERIFY2(filesHolding(filesOnDisk(), m_password).isEmpty(),
                 qPrintable(filesHolding(filesOnDisk(), m_password).join(", ")));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName(QStringLiteral("StrataTest"));
        QApplication::setApplicationName(QStringLiteral("StrataReconnectTest"));
        QVERIFY(m_settings.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
        // No keychain answers here, whatever the machine has.
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + QFile::encodeName(m_settings.filePath("no-bus")));
        // Only a password given in the app can log in: no PGPASSWORD, no ~/.pgpass.
        qputenv("PGPASSFILE", QFile::encodeName(m_settings.filePath("no-pgpass")));
        m_password = qEnvironmentVariable("PGPASSWORD");
        QVERIFY2(m_password.size() >= 16, "the test server's password must be in PGPASSWORD");
    }

    void relaunchOntoASavedProfileAsksForThePassword()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        const auto url = ConnectionUrl::parse(scratch.url());
        QVERIFY(url);
        forgetPasswords(*url);
        // The scratch database is made and dropped with the server's password; Strata never sees it.
        qunsetenv("PGPASSWORD");
        auto restore = qScopeGuard([this] { qputenv("PGPASSWORD", m_password.toUtf8()); });

        // Last session: a saved profile (no keychain, so without its password) opened from the dialog.
        ConnectionTarget opened;
        {
            ConnectionDialog dialog;
            dialog.show();
            typePostgres(dialog, *url, m_password);
            saveProfileAs(dialog, QStringLiteral("risk desk"));
            QTRY_VERIFY(ConnectionProfiles::names().contains(QStringLiteral("risk desk")));
            QTest::mouseClick(widget<QDialogButtonBox>(dialog, "buttons")->button(QDialogButtonBox::Open),
                              Qt::LeftButton);
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
            opened = dialog.target();
            MainWindow last;
            QSignalSpy shown(&last, &MainWindow::statusShown);
            last.open(opened);
            QVERIFY(shown.wait(20000));
            QVERIFY(shown.first().at(0).toBool());
        }
        QCOMPARE(LoginPrompt::profileFor(opened), QStringLiteral("risk desk"));

        // Relaunch: a new process has no password; it opens the last database as main() does.
        forgetPasswords(*url);
        MainWindow window;
        window.show();
        QSignalSpy shown(&window, &MainWindow::statusShown);
        window.startFromLastDatabase();
        PasswordPrompt* prompt = waitForPrompt(window);
        QVERIFY2(prompt, "no password prompt");
        // While it asks: not connected, and nothing that needs the database can be started.
        QVERIFY2(window.windowTitle().contains(QStringLiteral("(not connected)")),
                 qPrintable(window.windowTitle()));
        QVERIFY2(window.statusView()->connectionText().startsWith(QStringLiteral("Not connected to")),
                 qPrintable(window.statusView()->connectionText()));
        QVERIFY2(enabledNeedingTheDatabase(window).isEmpty(),
                 qPrintable(enabledNeedingTheDatabase(window).join(", ")));
        QVERIFY(window.actions()->refresh->isEnabled());
        const QString question = widget<QLabel>(*prompt, "question")->text();
        QVERIFY2(question.contains(url->postgresParameter(QStringLiteral("user"))) &&
                     question.contains(scratch.name()),
                 qPrintable(question));
        QVERIFY(!widget<QDialogButtonBox>(*prompt, "buttons")->button(QDialogButtonBox::Ok)->isEnabled());

        answerPrompt(*prompt, m_password);
        QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty() && shown.last().at(0).toBool(), 20000);
        QCOMPARE(window.windowTitle(), QStringLiteral("%1 — Strata").arg(opened.displayName()));
        QCOMPARE(window.statusView()->connectionText().startsWith(QStringLiteral("Not connected")), false);
        QVERIFY(window.actions()->createBackup->isEnabled());
        QVERIFY(window.actions()->plan->isEnabled());
        QVERIFY(!window.login()->prompt());

        QVERIFY2(qgetenv("PGPASSWORD").isEmpty(), "Strata put the password in its own environment");
        checkNoPasswordOnDisk();
    }

    void aWrongPasswordFromRecentLeavesNothingEnabledThatNeedsTheDatabase()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        const auto url = ConnectionUrl::parse(scratch.url());
        QVERIFY(url);
        forgetPasswords(*url);
        // The scratch database is made and dropped with the server's password; Strata never sees it.
        qunsetenv("PGPASSWORD");
        auto restore = qScopeGuard([this] { qputenv("PGPASSWORD", m_password.toUtf8()); });
        ConnectionTarget target;
        target.url = scratch.url();
        target.migrations = bundledSet(QStringLiteral("strategy"));
        target.label = QStringLiteral("strategies on the test server");
        RecentConnections::remember(target);

        MainWindow window;
        window.show();
        // File > Recent > the database.
        Q_EMIT window.actions()->recentMenu->aboutToShow();
        QAction* recent = nullptr;
        for (QAction* action : window.actions()->recentMenu->actions())
            if (action->text() == target.label)
                recent = action;
        QVERIFY(recent);
        recent->trigger();
        PasswordPrompt* prompt = waitForPrompt(window);
        QVERIFY2(prompt, "no password prompt");

        // A wrong password: refused, asked again, and the window stays not connected.
        answerPrompt(*prompt, QStringLiteral("not-the-password"));
        QTRY_VERIFY_WITH_TIMEOUT(window.login()->prompt() && window.login()->prompt() != prompt &&
                                     window.login()->prompt()->isVisible(),
                                 20000);
        prompt = window.login()->prompt();
        QVERIFY2(widget<QLabel>(*prompt, "reason")->text().contains(QStringLiteral("refused the password")),
                 qPrintable(widget<QLabel>(*prompt, "reason")->text()));
        QVERIFY(keepScreenshots(*prompt, QStringLiteral("password-prompt"), asOpened(*prompt)));
        QVERIFY2(enabledNeedingTheDatabase(window).isEmpty(),
                 qPrintable(enabledNeedingTheDatabase(window).join(", ")));
        QVERIFY2(window.windowTitle() == QStringLiteral("%1 (not connected) — Strata").arg(target.label),
                 qPrintable(window.windowTitle()));

        // Cancel: still not connected, the banner says why and what to do, and no prompt comes back by
        // itself.
        QTest::mouseClick(widget<QDialogButtonBox>(*prompt, "buttons")->button(QDialogButtonBox::Cancel),
                          Qt::LeftButton);
        QTRY_VERIFY(!window.login()->prompt());
        QTest::qWait(300);
        QVERIFY(!window.login()->prompt());
        QVERIFY2(enabledNeedingTheDatabase(window).isEmpty(),
                 qPrintable(enabledNeedingTheDatabase(window).join(", ")));
        QVERIFY(window.windowTitle().contains(QStringLiteral("(not connected)")));
        QVERIFY(window.statusView()->connectionText().startsWith(QStringLiteral("Not connected to")));
        QVERIFY(!window.status());
        // The banner says it in the operator's words; libpq's ("fe_sendauth", "FATAL") go to the log.
        QString banner;
        for (auto* label : window.findChildren<QLabel*>())
            if (label->isVisible())
                banner += label->text() + QLatin1Char('\n');
        QVERIFY2(banner.contains(QStringLiteral("refused the password given for %1 to open %2")
                                     .arg(url->postgresParameter(QStringLiteral("user")), scratch.name())),
                 qPrintable(banner));
        QVERIFY2(!banner.contains(QStringLiteral("FATAL")) && !banner.contains(QStringLiteral("fe_sendauth")),
                 qPrintable(banner));
        QSignalSpy failed(window.backups(), &BackupActions::failed);
        QSignalSpy done(window.backups(), &BackupActions::done);
        window.actions()->createBackup->trigger(); // disabled: does nothing at all
        QTest::qWait(200);
        QVERIFY(failed.isEmpty() && done.isEmpty());

        // Refresh asks again; the right password opens it, and everything comes back.
        window.actions()->refresh->trigger();
        prompt = waitForPrompt(window);
        QVERIFY2(prompt, "Refresh did not ask again");
        QSignalSpy shown(&window, &MainWindow::statusShown);
        answerPrompt(*prompt, m_password);
        QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty() && shown.last().at(0).toBool(), 20000);
        QCOMPARE(window.windowTitle(), QStringLiteral("%1 — Strata").arg(target.label));
        QVERIFY(window.actions()->createBackup->isEnabled());
        QVERIFY(window.actions()->restoreFromFile->isEnabled());
        QVERIFY(qgetenv("PGPASSWORD").isEmpty());
        checkNoPasswordOnDisk();
    }

    void pgDumpGetsThePasswordInItsOwnEnvironmentOnly()
    {
        ScratchPostgres scratch;
        STRATA_REQUIRE_POSTGRES(scratch);
        const auto url = ConnectionUrl::parse(scratch.url());
        QVERIFY(url);
        forgetPasswords(*url);
        // The scratch database is made and dropped with the server's password; Strata never sees it.
        qunsetenv("PGPASSWORD");
        auto restore = qScopeGuard([this] { qputenv("PGPASSWORD", m_password.toUtf8()); });

        ConnectionDialog dialog;
        dialog.show();
        typePostgres(dialog, *url, m_password);
        QVERIFY2(clickTest(dialog).connected, qPrintable(dialog.testResult()));
        QVERIFY2(qgetenv("PGPASSWORD").isEmpty(),
                 "testing the connection put the password in Strata's environment");
        QTest::mouseClick(widget<QDialogButtonBox>(dialog, "buttons")->button(QDialogButtonBox::Open),
                          Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY2(qgetenv("PGPASSWORD").isEmpty(), "opening put the password in Strata's environment");

        MainWindow window;
        window.show();
        QSignalSpy shown(&window, &MainWindow::statusShown);
        window.open(dialog.target());
        QVERIFY(shown.wait(20000));
        QVERIFY(shown.first().at(0).toBool());
        QVERIFY(!window.login()->prompt());

        // Backup > Create backup: pg_dump logs in (and the verification's restore into a scratch copy).
        QSignalSpy done(window.backups(), &BackupActions::done);
        QSignalSpy failed(window.backups(), &BackupActions::failed);
        window.actions()->createBackup->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!done.isEmpty() || !failed.isEmpty(), 60000);
        QVERIFY2(failed.isEmpty(),
                 qPrintable(failed.isEmpty() ? QString() : failed.first().at(0).value<Error>().toText()));
        QVERIFY2(done.first().at(0).toString().contains(QStringLiteral("verified")),
                 qPrintable(done.first().at(0).toString()));
        QVERIFY(qgetenv("PGPASSWORD").isEmpty());
        checkNoPasswordOnDisk();
        // Cancel, after Open, leaves the password the session uses.
        QCOMPARE(ServerPasswords::forUrl(*url), m_password);
    }

    void aDatabaseThatOpensWithAMissingSetIsConnectedStill()
    {
        // The database opens; only its migration set cannot be read: the window does not say "not connected",
        // and what needs only the database (a backup) stays on; Migrate… does not.
        ScratchSqlite file;
        ConnectionTarget target;
        target.url = file.url();
        target.migrations = m_settings.filePath(QStringLiteral("no-such-set"));
        // First the file is not a database: not connected.
        {
            QFile junk(file.path());
            QVERIFY(junk.open(QIODevice::WriteOnly));
            junk.write(QByteArray(8192, 'n'));
        }
        MainWindow window;
        window.show();
        QSignalSpy shown(&window, &MainWindow::statusShown);
        window.open(target);
        QVERIFY(shown.wait(10000));
        QVERIFY(window.windowTitle().contains(QStringLiteral("(not connected)")));
        QVERIFY(!window.actions()->createBackup->isEnabled());
        // Then it is one (empty), and Refresh opens it.
        {
            QFile empty(file.path());
            QVERIFY(empty.open(QIODevice::WriteOnly | QIODevice::Truncate));
        }
        shown.clear();
        window.actions()->refresh->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), 10000);
        QCOMPARE(shown.last().at(0).toBool(), false);
        QVERIFY2(!window.windowTitle().contains(QStringLiteral("not connected")),
                 qPrintable(window.windowTitle()));
        QVERIFY(window.actions()->createBackup->isEnabled());
        QVERIFY(!window.actions()->migrate->isEnabled());
        QVERIFY(!window.login()->prompt());
    }

    void aCancelledDialogTakesBackThePasswordItTried()
    {
        const auto url =
            ConnectionUrl::parse(QStringLiteral("postgresql://ops@127.0.0.1:%1/risk").arg(unusedLocalPort()));
        QVERIFY(url);
        ServerPasswords::set(*url, QStringLiteral("the-one-in-use"));
        {
            ConnectionDialog dialog;
            dialog.show();
            ConnectionTarget target;
            target.url = url->display();
            dialog.setTarget(target);
            QCOMPARE(widget<QLineEdit>(dialog, "password")->text(), QStringLiteral("the-one-in-use"));
            typeInto(widget<QLineEdit>(dialog, "password"), QStringLiteral("only-tried"));
            QVERIFY(!clickTest(dialog).connected);
            QCOMPARE(ServerPasswords::forUrl(*url), QStringLiteral("only-tried"));
            QTest::mouseClick(widget<QDialogButtonBox>(dialog, "buttons")->button(QDialogButtonBox::Cancel),
                              Qt::LeftButton);
        }
        QCOMPARE(ServerPasswords::forUrl(*url), QStringLiteral("the-one-in-use"));
        QCOMPARE(qgetenv("PGPASSWORD"), m_password.toUtf8()); // Strata's own environment is as it started
        ServerPasswords::forget(*url);
    }
};

QTEST_MAIN(TestReconnect)
#include "tst_reconnect.moc"
