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
#include <QRegularExpression>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTimer>
#include <QWizard>
#include <QtTest>

#include <sqlite3.h>

#include "Contrast.h"
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

    void helpOpensTheGuideOnGettingStarted()
    {
        MainWindow window;
        window.show();
        window.actions()->userGuide->trigger();
        UserGuide* guide = window.userGuide();
        QVERIFY(guide && guide->isVisible());
        const QStringList chapters = UserGuide::chapters();
        // The operator's guide first, in the order of its chapters, the CLI reference last of them; then the
        // reference chapters under their heading, the design decisions last. The README is no chapter.
        const int guideCount = UserGuide::guideChapterCount();
        QVERIFY2(guideCount >= 7, qPrintable(chapters.join(QLatin1Char('\n'))));
        QCOMPARE(chapters.first(), QStringLiteral(":/guide/docs/guide/01-getting-started.md"));
        QCOMPARE(chapters.at(guideCount - 1), QStringLiteral(":/guide/docs/guide/cli-reference.md"));
        for (int i = 0; i + 1 < guideCount - 1; ++i)
            QVERIFY2(chapters.at(i) < chapters.at(i + 1), qPrintable(chapters.at(i)));
        QCOMPARE(chapters.at(guideCount), QStringLiteral(":/guide/docs/migration-sets.md"));
        QCOMPARE(chapters.last(), QStringLiteral(":/guide/docs/decisions.md"));
        QVERIFY(!chapters.contains(QStringLiteral(":/guide/README.md")));
        QCOMPARE(guide->contents()->count(), chapters.size() + 1); // and the "Reference" heading
        QCOMPARE(guide->contents()->item(0)->text(), QStringLiteral("1  Getting started"));
        for (int row = 0; row < guide->contents()->count(); ++row) // titles as text, without Markdown marks
            QVERIFY2(!QRegularExpression(QStringLiteral("[`*#]"))
                          .match(guide->contents()->item(row)->text())
                          .hasMatch(),
                     qPrintable(guide->contents()->item(row)->text()));
        QListWidgetItem* heading = guide->contents()->item(guideCount);
        QCOMPARE(heading->text(), QStringLiteral("Reference"));
        QVERIFY(!(heading->flags() & Qt::ItemIsSelectable));

        // Getting started is shown, rendered from its Markdown: headings and text, not the raw marks.
        QCOMPARE(guide->currentChapter(), chapters.first());
        QCOMPARE(guide->contents()->currentRow(), 0);
        QFile source(chapters.first());
        QVERIFY(source.open(QIODevice::ReadOnly));
        QVERIFY(QString::fromUtf8(source.readAll()).contains(QStringLiteral("**File > Connect…**")));
        const QString shown = guide->browser()->toPlainText();
        QVERIFY2(shown.startsWith(QStringLiteral("Getting started")), qPrintable(shown.left(200)));
        QVERIFY2(shown.contains(QStringLiteral("File > Connect…")), qPrintable(shown.left(400)));
        QVERIFY(!shown.contains(QStringLiteral("**File > Connect…**")));

        // A reference chapter from the list, under its own title.
        const int inspection = int(chapters.indexOf(QStringLiteral(":/guide/docs/inspection.md")));
        QVERIFY(inspection > guideCount);
        QListWidgetItem* item = guide->contents()->item(inspection + 1);
        QCOMPARE(item->text(), QStringLiteral("Inspecting a database"));
        guide->contents()->setCurrentItem(item);
        QCOMPARE(guide->currentChapter(), QStringLiteral(":/guide/docs/inspection.md"));
        QVERIFY2(guide->browser()->toPlainText().startsWith(QStringLiteral("Inspecting a database")),
                 qPrintable(guide->browser()->toPlainText().left(200)));

        // A link followed as a click does: from the runbook to the restore chapter's heading.
        guide->showChapter(QStringLiteral(":/guide/docs/guide/02-the-runbook.md"));
        Q_EMIT guide->browser()->anchorClicked(
            QUrl(QStringLiteral("03-backups-and-restore.md#restore-a-backup")));
        QCOMPARE(guide->currentChapter(), QStringLiteral(":/guide/docs/guide/03-backups-and-restore.md"));
        QVERIFY(guide->browser()->verticalScrollBar()->value() > 0);
        QVERIFY(guide->browser()->textCursor().block().text().startsWith(QStringLiteral("Restore a backup")));

        // Links stay readable when View > Theme switches while the guide is open.
        for (QAction* choice : {window.actions()->themeDark, window.actions()->themeLight}) {
            choice->trigger();
            const QColor page = QApplication::palette().color(QPalette::Base);
            QVERIFY(
                waitUntil([&] { return guide->browser()->palette().color(QPalette::Base) == page; }, 2000));
            int anchors = 0;
            for (QTextBlock block = guide->browser()->document()->begin(); block.isValid();
                 block = block.next())
                for (auto it = block.begin(); !it.atEnd(); ++it)
                    if (it.fragment().charFormat().isAnchor()) {
                        const QColor link = it.fragment().charFormat().foreground().color();
                        QVERIFY2(contrast(link, page) >= 3.0,
                                 qPrintable(link.name() + QStringLiteral(" on ") + page.name()));
                        ++anchors;
                    }
            QVERIFY(anchors > 0);
        }

        guide->showChapter(chapters.first());
        QVERIFY(keepScreenshots(*guide, QStringLiteral("user-guide"), asOpened(*guide)));
        // The runbook at its wizard, with the picture of the backup page.
        guide->showChapter(QStringLiteral(":/guide/docs/guide/02-the-runbook.md"));
        QVERIFY(guide->showAnchor(QStringLiteral("the-migrate-wizard")));
        QVERIFY(keepScreenshots(*guide, QStringLiteral("user-guide-runbook"), asOpened(*guide)));
    }

    void everyChapterRendersWithItsPictures()
    {
        UserGuide guide;
        guide.show();
        for (const QString& chapter : UserGuide::chapters()) {
            guide.showChapter(chapter);
            QFile file(chapter);
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(chapter));
            const QString source = QString::fromUtf8(file.readAll());
            const QString shown = guide.browser()->toPlainText();
            // Its title first, and no Markdown left over: no heading marks, no comments.
            const QString title =
                QRegularExpression(QStringLiteral("^#\\s+(.+)$"), QRegularExpression::MultilineOption)
                    .match(source)
                    .captured(1)
                    .remove(QLatin1Char('`'));
            QVERIFY2(!title.isEmpty(), qPrintable(chapter));
            QVERIFY2(shown.startsWith(title), qPrintable(chapter + QLatin1Char('\n') + shown.left(200)));
            QVERIFY2(shown.size() > 400, qPrintable(chapter));
            QVERIFY2(!shown.contains(QStringLiteral("<!--")), qPrintable(chapter));
            QVERIFY2(!QRegularExpression(QStringLiteral("^#+ "), QRegularExpression::MultilineOption)
                             .match(shown)
                             .hasMatch() ||
                         source.contains(QStringLiteral("```")),
                     qPrintable(chapter));
            // Every picture the chapter shows is one the app carries, drawn from it.
            static const QRegularExpression picture(QStringLiteral("!\\[[^\\]]*\\]\\(([^)\\s]+)\\)"));
            int pictures = 0;
            for (auto it = picture.globalMatch(source); it.hasNext();) {
                const QString target = it.next().captured(1);
                const QString resource =
                    QLatin1Char(':') + QUrl(QStringLiteral("qrc") + chapter).resolved(QUrl(target)).path();
                if (chapter.startsWith(QStringLiteral(":/guide/docs/guide/")))
                    QVERIFY2(QFile::exists(resource),
                             qPrintable(QStringLiteral("%1 shows %2, which the app does not carry: add it to "
                                                       "strata_guide_pictures in src/gui/CMakeLists.txt")
                                            .arg(chapter, target)));
                pictures += QFile::exists(resource) ? 1 : 0;
            }
            int drawn = 0;
            for (QTextBlock block = guide.browser()->document()->begin(); block.isValid();
                 block = block.next())
                for (auto it = block.begin(); !it.atEnd(); ++it)
                    if (it.fragment().charFormat().isImageFormat()) {
                        const QTextImageFormat image = it.fragment().charFormat().toImageFormat();
                        QVERIFY2(QFile::exists(QLatin1Char(':') + QUrl(image.name()).path()),
                                 qPrintable(image.name()));
                        QVERIFY2(image.width() > 0 && image.width() <= 620, qPrintable(image.name()));
                        ++drawn;
                    }
            QCOMPARE(drawn, pictures);
        }
    }

    void everyLinkBetweenChaptersLeadsToABundledChapter()
    {
        // Each link as the reader clicks it, read from the rendered page: another chapter (and a heading in
        // it when the link names one), never a file the app does not carry.
        UserGuide guide;
        const QStringList chapters = UserGuide::chapters();
        int links = 0;
        for (const QString& chapter : chapters) {
            guide.showChapter(chapter);
            for (QTextBlock block = guide.browser()->document()->begin(); block.isValid();
                 block = block.next())
                for (auto it = block.begin(); !it.atEnd(); ++it) {
                    const QTextCharFormat format = it.fragment().charFormat();
                    if (!format.isAnchor() || format.anchorHref().isEmpty())
                        continue;
                    const QUrl link(format.anchorHref());
                    if (link.scheme() == QLatin1String("https") || link.scheme() == QLatin1String("http") ||
                        link.scheme() == QLatin1String("mailto"))
                        continue;
                    const QString where = QStringLiteral("%1: link \"%2\" to %3")
                                              .arg(chapter, it.fragment().text(), format.anchorHref());
                    const QString target = UserGuide::chapterOf(chapter, link);
                    QVERIFY2(chapters.contains(target),
                             qPrintable(where + QStringLiteral(" leads to no chapter")));
                    if (link.hasFragment())
                        QVERIFY2(UserGuide::hasAnchor(target, link.fragment()),
                                 qPrintable(where + QStringLiteral(" names no heading there")));
                    ++links;
                }
        }
        QVERIFY2(links >= 20, qPrintable(QString::number(links))); // the guide's chapters link each other
        // The check can fail: a file that is not bundled and a heading that does not exist are not found.
        QVERIFY(UserGuide::chapterOf(chapters.first(), QUrl(QStringLiteral("no-such-chapter.md"))).isEmpty());
        QVERIFY(UserGuide::chapterOf(chapters.first(), QUrl(QStringLiteral("../../README.md"))).isEmpty());
        QVERIFY(UserGuide::chapterOf(chapters.first(), QUrl(QStringLiteral("https://example.org/a.md")))
                    .isEmpty());
        QVERIFY(!UserGuide::hasAnchor(chapters.first(), QStringLiteral("no-such-heading")));
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
