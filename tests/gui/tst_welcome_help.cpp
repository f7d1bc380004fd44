// The first launch, Help and View > Theme on real widgets, offscreen: the welcome page and its three
// journeys on the real demo, the user guide rendered from the bundled docs, About with the libraries'
// versions, and the light and dark themes on the window and on a strategy chart.

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTimer>
#include <QWizard>
#include <QtTest>

#include <sqlite3.h>

#include "Screenshots.h"
#include "connection/DemoWorkspace.h"
#include "connection/RecentConnections.h"
#include "help/UserGuide.h"
#include "jobs/RunSession.h"
#include "mainwindow/MainActions.h"
#include "mainwindow/MainWindow.h"
#include "schema/SchemaBrowser.h"
#include "strategy/StrategiesPage.h"
#include "strategy/TimeSeriesChart.h"
#include "theme/Theme.h"
#include "welcome/WelcomePage.h"
#include "wizard/MigrateAction.h"
#include "wizard/MigrationWizard.h"

using namespace strata;
using namespace strata::test;

namespace {

bool waitUntil(const std::function<bool()>& done, int timeoutMs = 60000)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QTest::qWait(10);
    }
    return true;
}

/// The colour in the middle of the widget's left margin, as it is drawn.
QColor drawnAt(QWidget& widget, QPoint at)
{
    return widget.grab().toImage().pixelColor(at);
}

} // namespace

class TestWelcomeHelp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName(QStringLiteral("StrataTest"));
        QApplication::setApplicationName(QStringLiteral("StrataWelcomeTest"));
        QDir(DemoWorkspace::folder()).removeRecursively();
        RecentConnections::clear();
    }

    void theFirstLaunchShowsTheWelcomePage()
    {
        MainWindow window;
        window.show();
        window.startFromLastDatabase();
        QVERIFY(window.showsWelcome());
        WelcomePage* welcome = window.welcome();
        QVERIFY(welcome->isVisible());
        QVERIFY(!window.pages()->isVisible());
        QVERIFY(!window.target().has_value()); // nothing opened behind the operator's back
        for (QPushButton* journey :
             {welcome->migrateButton(), welcome->inspectButton(), welcome->strategiesButton()})
            QVERIFY2(journey->isVisible() && journey->isEnabled(), qPrintable(journey->text()));
        QStringList labels;
        for (auto* label : welcome->findChildren<QLabel*>())
            labels << label->text();
        const QString words = labels.join(QLatin1Char(' '));
        QVERIFY2(words.contains(QStringLiteral("trading platform")), qPrintable(words));
        QVERIFY(keepScreenshots(window, QStringLiteral("welcome")));
    }

    void inspectTheDemoOpensItsSchema()
    {
        MainWindow window;
        window.show();
        window.showWelcome();
        QSignalSpy shown(&window, &MainWindow::statusShown);
        QTest::mouseClick(window.welcome()->inspectButton(), Qt::LeftButton);
        QVERIFY(shown.wait(30000));
        QVERIFY(shown.first().at(0).toBool());
        QVERIFY(!window.showsWelcome());
        QVERIFY(window.target().has_value());
        QVERIFY(window.target()->url.endsWith(QStringLiteral("/state.db")));
        QCOMPARE(window.pages()->currentWidget(), window.schema());
        QVERIFY(window.schema()->isVisible());
    }

    void migrateTheDemoOpensTheWizard()
    {
        QDir(DemoWorkspace::folder()).removeRecursively(); // a fresh demo: v2 pending
        MainWindow window;
        window.show();
        window.showWelcome();
        QTest::mouseClick(window.welcome()->migrateButton(), Qt::LeftButton);
        QVERIFY(waitUntil([&] { return window.migrate()->isOpen(); }, 30000));
        MigrationWizard* wizard = window.migrate()->wizard();
        QVERIFY(wizard && wizard->isVisible());
        QCOMPARE(wizard->currentId(), int(MigrationWizard::Preflight));
        QVERIFY(waitUntil([&] { return !wizard->session().isBusy(); }));
        wizard->reject();
        QVERIFY(waitUntil([&] { return !window.migrate()->isOpen(); }));
    }

    void browseStrategiesOpensTheLineage()
    {
        MainWindow window;
        window.show();
        window.showWelcome();
        QSignalSpy shown(&window, &MainWindow::statusShown);
        QTest::mouseClick(window.welcome()->strategiesButton(), Qt::LeftButton);
        QVERIFY(shown.wait(120000));
        QCOMPARE(window.target()->url, QStringLiteral("sqlite:") + DemoWorkspace::strategiesPath());
        QCOMPARE(window.pages()->currentWidget(), window.strategies());
        QVERIFY(waitUntil([&] { return window.strategies()->isShowingLineage(); }));
    }

    void aLaterLaunchOpensTheLastDatabase()
    {
        QVERIFY(!RecentConnections::list().isEmpty()); // the journeys above opened databases
        MainWindow window;
        window.show();
        QSignalSpy shown(&window, &MainWindow::statusShown);
        window.startFromLastDatabase();
        QVERIFY(!window.showsWelcome());
        QVERIFY(shown.wait(60000));
        QCOMPARE(window.target()->url, RecentConnections::list().first().url);
    }

    void theMainWindowInBothThemes()
    {
        MainWindow window;
        window.show();
        QSignalSpy shown(&window, &MainWindow::statusShown);
        window.openDemo();
        QVERIFY(shown.wait(30000));
        QVERIFY(!window.showsWelcome());
        QVERIFY(keepScreenshots(window, QStringLiteral("main-window")));
    }

    void helpShowsTheUserGuide()
    {
        MainWindow window;
        window.show();
        window.actions()->userGuide->trigger();
        UserGuide* guide = window.userGuide();
        QVERIFY(guide && guide->isVisible());
        QCOMPARE(guide->contents()->count(), UserGuide::chapters().size());
        // The README first, rendered from its Markdown: headings and text, not the raw marks.
        QFile readme(QStringLiteral(":/guide/README.md"));
        QVERIFY(readme.open(QIODevice::ReadOnly));
        const QString source = QString::fromUtf8(readme.readAll());
        const QString shown = guide->browser()->toPlainText();
        QVERIFY2(shown.contains(QStringLiteral("Migrate…")), qPrintable(shown.left(400)));
        QVERIFY(!shown.contains(QStringLiteral("**Migrate…**")));
        QVERIFY(source.contains(QStringLiteral("**Migrate…**")));
        // Another chapter from the list.
        const int inspection =
            int(UserGuide::chapters().indexOf(QStringLiteral(":/guide/docs/inspection.md")));
        QVERIFY(inspection > 0);
        guide->contents()->setCurrentRow(inspection);
        QVERIFY2(guide->browser()->toPlainText().startsWith(QStringLiteral("Inspecting a database")),
                 qPrintable(guide->browser()->toPlainText().left(200)));
        QCOMPARE(guide->contents()->item(inspection)->text(), QStringLiteral("Inspecting a database"));
        guide->contents()->setCurrentRow(0);
        QVERIFY(keepScreenshots(*guide, QStringLiteral("user-guide"), asOpened(*guide)));
    }

    void aboutNamesTheVersions()
    {
        MainWindow window;
        window.show();
        QString said;
        QTimer::singleShot(200, this, [&said] {
            if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
                said = box->text();
                box->accept();
            }
        });
        window.actions()->about->trigger();
        QVERIFY2(said.contains(QStringLiteral(STRATA_VERSION)), qPrintable(said));
        QVERIFY2(said.contains(QString::fromLatin1(qVersion())), qPrintable(said));
        QVERIFY2(said.contains(QString::fromLatin1(sqlite3_libversion())), qPrintable(said));
        QVERIFY2(said.contains(QStringLiteral("libpq")), qPrintable(said));
    }

    void theThemeChangesThePaletteAndTheCharts()
    {
        MainWindow window;
        window.show();
        TimeSeriesChart chart(QStringLiteral("Cumulative return"), TimeSeriesChart::ValueFormat::Percent);
        chart.resize(500, 300);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));

        QAction* dark = window.actions()->themeDark;
        QAction* light = window.actions()->themeLight;
        light->trigger();
        QVERIFY(light->isChecked());
        QVERIFY(!Theme::isDark());
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 180);
        QTest::qWait(50);
        const QColor lightChart = drawnAt(chart, QPoint(3, 3));
        QVERIFY2(lightChart.lightness() > 200, qPrintable(lightChart.name()));

        dark->trigger();
        QVERIFY(dark->isChecked());
        QVERIFY(Theme::isDark());
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 80);
        QVERIFY(waitUntil([&] { return window.palette().color(QPalette::Window).lightness() < 80; }, 2000));
        QTest::qWait(50);
        const QColor darkChart = drawnAt(chart, QPoint(3, 3));
        QVERIFY2(darkChart.lightness() < 60, qPrintable(darkChart.name()));
        QCOMPARE(Theme::saved(), Theme::Choice::Dark); // kept for the next launch

        window.actions()->themeSystem->trigger();
        QCOMPARE(Theme::saved(), Theme::Choice::System);
        QCOMPARE(Theme::isDark(), Theme::instance().desktopPrefersDark());
    }
};

QTEST_MAIN(TestWelcomeHelp)
#include "tst_welcome_help.moc"
