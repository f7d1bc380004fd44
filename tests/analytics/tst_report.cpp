// The strategy report on both engines: the family window of a demo strategy writes the report as one HTML
// file and a PDF. The HTML refers to nothing outside itself (every src and href is a data: URI or an anchor),
// holds every metric's label, and opens in headless Chromium, whose screenshot is written, as large as asked,
// and not blank. The PDF is a PDF of at least two pages. A folder that cannot be written to is an error shown
// in the window, and nothing is left behind.

#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "StrategyDatabase.h"
#include "analytics/AnalyticsReader.h"
#include "analytics/FamilyWindow.h"
#include "analytics/MetricDefinition.h"
#include "analytics/ReportWriter.h"
#include "common/ErrorBanner.h"
#include "strategy/StrategiesPage.h"
#include "strategy/StrategyDemo.h"
#include "strategy/StrategyStore.h"
#include "strategy/TearsheetView.h"
#include "theme/Theme.h"

using namespace strata;
using namespace strata::test;

namespace {

/// The demo strategy with the most descendants.
QString biggestFamily(const LineageGraph& graph)
{
    QString best;
    qsizetype most = -1;
    for (int i = 0; i < graph.strategies().size(); ++i)
        if (graph.descendants(i).size() > most) {
            most = graph.descendants(i).size();
            best = graph.strategies().at(i).strategyId;
        }
    return best;
}

QString chromium()
{
    for (const QString& name : {QStringLiteral("chromium"), QStringLiteral("chromium-browser")})
        if (const QString path = QStandardPaths::findExecutable(name); !path.isEmpty())
            return path;
    return {};
}

/// The charts embedded in a report's HTML, in order.
QList<QImage> embeddedCharts(const QString& html)
{
    static const QRegularExpression png(QStringLiteral("data:image/png;base64,([A-Za-z0-9+/=]+)"));
    QList<QImage> images;
    for (auto it = png.globalMatch(html); it.hasNext();)
        images << QImage::fromData(QByteArray::fromBase64(it.next().captured(1).toLatin1()), "PNG");
    return images;
}

/// Whether a chart's picture is a whole chart: tall enough to read, and drawn across its width (a plot
/// squeezed into a sliver leaves the right-hand fifth as bare background).
QString chartProblem(const QImage& image)
{
    if (image.isNull())
        return QStringLiteral("not a PNG");
    if (image.height() < 300 || image.width() < 800)
        return QStringLiteral("%1x%2 px").arg(image.width()).arg(image.height());
    const QRgb ground = image.pixel(image.width() - 2, 2);
    int drawn = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = image.width() * 4 / 5; x < image.width() - 4; ++x)
            drawn += image.pixel(x, y) != ground ? 1 : 0;
    if (drawn < image.height())
        return QStringLiteral("nothing drawn in its right-hand fifth (%1 pixels)").arg(drawn);
    return {};
}

int pdfPages(const QByteArray& pdf)
{
    // Page objects ("/Type /Page"), not the page tree ("/Type /Pages").
    static const QRegularExpression page(QStringLiteral("/Type\\s*/Page(?!s)"));
    int count = 0;
    for (auto it = page.globalMatch(QString::fromLatin1(pdf)); it.hasNext(); it.next())
        ++count;
    return count;
}

} // namespace

class TestReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgresql") << QStringLiteral("postgresql");
    }

    void report()
    {
        QFETCH_GLOBAL(QString, engine);
        StrategyDatabase d(engine);
        STRATA_REQUIRE_STRATEGY_DB(d);
        StrategyDemo::Options options;
        options.count = 24;
        options.days = 400;
        options.seed = 5;
        auto filled = StrategyDemo::fill(*d.db, options);
        QVERIFY2(filled, filled ? "" : qPrintable(filled.error().toText()));
        auto graph = StrategyStore(*d.db).lineage();
        QVERIFY(graph);
        const QString rootId = biggestFamily(*graph);

        StrategiesPage page;
        page.resize(1200, 800);
        page.show();
        QSignalSpy lineage(&page, &StrategiesPage::lineageShown);
        auto url = ConnectionUrl::parse(d.url);
        QVERIFY(url);
        page.load(*url);
        QVERIFY(lineage.wait(60000));
        page.openFamily(rootId);
        FamilyWindow* window = page.familyWindow();
        QVERIFY(window);
        QSignalSpy shown(window, &FamilyWindow::familyShown);
        QVERIFY(shown.wait(60000) || !shown.isEmpty());
        window->resize(1400, 900);
        QTest::qWait(50);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString htmlPath = dir.filePath(QStringLiteral("report.html"));
        QSignalSpy written(window, &FamilyWindow::reportWritten);
        QSignalSpy failed(window, &FamilyWindow::reportFailed);
        window->writeReport(htmlPath);
        QVERIFY(written.wait(120000) || !written.isEmpty());
        QVERIFY(failed.isEmpty());
        const QString pdfPath = dir.filePath(QStringLiteral("report.pdf"));
        QCOMPARE(written.first().at(0).toStringList(), (QStringList{htmlPath, pdfPath}));

        // The HTML: nothing outside itself.
        QFile htmlFile(htmlPath);
        QVERIFY(htmlFile.open(QIODevice::ReadOnly));
        const QString html = QString::fromUtf8(htmlFile.readAll());
        static const QRegularExpression reference(
            QStringLiteral("\\b(src|href)\\s*=\\s*(\"([^\"]*)\"|'([^']*)'|([^\\s>]+))"),
            QRegularExpression::CaseInsensitiveOption);
        int images = 0;
        for (auto it = reference.globalMatch(html); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            const QString target = m.captured(3) + m.captured(4) + m.captured(5);
            QVERIFY2(target.startsWith(QStringLiteral("data:")) || target.startsWith(QLatin1Char('#')),
                     qPrintable(QStringLiteral("%1 refers to %2").arg(m.captured(1), target.left(80))));
            images += target.startsWith(QStringLiteral("data:image/png;base64,")) ? 1 : 0;
        }
        // Every chart of the tearsheet window drawn from the same analytics, and the family's two.
        auto analytics = AnalyticsReader(*d.db).read(rootId);
        QVERIFY2(analytics, analytics ? "" : qPrintable(analytics.error().toText()));
        TearsheetView sameCharts;
        sameCharts.setAnalytics(*analytics);
        QVERIFY(sameCharts.charts().size() >= 11);
        QCOMPARE(images, sameCharts.charts().size() + 2);
        // Every chart whole, the no-benchmark beta chart included.
        const QList<QImage> pictures = embeddedCharts(html);
        for (int i = 0; i < pictures.size(); ++i)
            QVERIFY2(chartProblem(pictures.at(i)).isEmpty(),
                     qPrintable(QStringLiteral("chart %1: %2").arg(i + 1).arg(chartProblem(pictures.at(i)))));
        // No stylesheet, font or script fetched from anywhere either.
        QVERIFY(!html.contains(QStringLiteral("url("), Qt::CaseInsensitive));
        QVERIFY(!html.contains(QStringLiteral("@import"), Qt::CaseInsensitive));
        QVERIFY(!html.contains(QStringLiteral("<link"), Qt::CaseInsensitive));
        QVERIFY(!html.contains(QStringLiteral("<script"), Qt::CaseInsensitive));
        for (const MetricDefinition& metric : MetricDefinition::all())
            QVERIFY2(html.contains(metric.label.toHtmlEscaped()), qPrintable(metric.label));
        QVERIFY(html.contains(QStringLiteral("Worst drawdowns")));
        QVERIFY(html.contains(QStringLiteral("Yearly returns")));
        QVERIFY(html.contains(rootId));

        // The PDF: the same report, on pages.
        QFile pdfFile(pdfPath);
        QVERIFY(pdfFile.open(QIODevice::ReadOnly));
        const QByteArray pdf = pdfFile.readAll();
        QVERIFY(pdf.startsWith("%PDF"));
        QVERIFY2(pdfPages(pdf) >= 2, qPrintable(QStringLiteral("%1 pages").arg(pdfPages(pdf))));

        // A folder that is not there: an error in the window, nothing written.
        const QString missing = dir.filePath(QStringLiteral("no-such-folder/report.html"));
        window->writeReport(missing);
        QVERIFY(failed.wait(120000) || !failed.isEmpty());
        QCOMPARE(failed.size(), 1);
        QVERIFY2(window->banner()->text().contains(QStringLiteral("Cannot write the report")),
                 qPrintable(window->banner()->text()));
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("no-such-folder"))));
        failed.clear();

        // A folder that cannot be made, whoever runs the test (root included): a path under a regular file.
        const QString file = dir.filePath(QStringLiteral("notes.txt"));
        QFile notes(file);
        QVERIFY(notes.open(QIODevice::WriteOnly));
        notes.write("operator notes\n");
        notes.close();
        window->writeReport(file + QStringLiteral("/report.html"));
        QVERIFY(failed.wait(120000) || !failed.isEmpty());
        QVERIFY(window->banner()->text().contains(QStringLiteral("Cannot write the report")));
        QVERIFY(QFileInfo(file).isFile());
        QCOMPARE(QFileInfo(file).size(), qint64(15));
        QCOMPARE(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::Hidden).size(),
                 3);

        if (engine == QLatin1String("sqlite"))
            openInChromium(htmlPath);
    }

    /// A child strategy's report (its parent the benchmark), written from the tearsheet in the dark theme:
    /// the white page's charts are light and whole.
    void reportWithBenchmarkInTheDarkTheme()
    {
        QFETCH_GLOBAL(QString, engine);
        StrategyDatabase d(engine);
        STRATA_REQUIRE_STRATEGY_DB(d);
        StrategyDemo::Options options;
        options.count = 12;
        options.days = 400;
        options.seed = 5;
        auto filled = StrategyDemo::fill(*d.db, options);
        QVERIFY2(filled, filled ? "" : qPrintable(filled.error().toText()));
        auto graph = StrategyStore(*d.db).lineage();
        QVERIFY(graph);
        QString childId;
        for (const auto& strategy : graph->strategies())
            if (!strategy.parentId.isEmpty()) {
                childId = strategy.strategyId;
                break;
            }
        QVERIFY(!childId.isEmpty());
        auto analytics = AnalyticsReader(*d.db).read(childId);
        QVERIFY2(analytics, analytics ? "" : qPrintable(analytics.error().toText()));
        QVERIFY2(!analytics->benchmark.isEmpty(), "the parent is the default benchmark");

        Theme::instance().choose(Theme::Choice::Dark);
        QApplication::processEvents();
        QVERIFY(Theme::isDark());
        TearsheetView view;
        view.resize(1200, 2400);
        view.setAnalytics(*analytics);
        view.show();
        QTest::qWait(50);
        // The window's charts are dark.
        const QImage windowChart = view.charts().first()->toPixmap(400, 200).toImage();
        QVERIFY(qGray(windowChart.pixel(398, 2)) < 100);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString htmlPath = dir.filePath(QStringLiteral("report.html"));
        const Status status = ReportWriter::write(htmlPath, *analytics, view.charts(), nullptr, {});
        QVERIFY2(status, status ? "" : qPrintable(status.error().toText()));
        // The window's own charts are dark again.
        QVERIFY(qGray(view.charts().first()->toPixmap(400, 200).toImage().pixel(398, 2)) < 100);
        Theme::instance().choose(Theme::Choice::Light);
        QApplication::processEvents();
        QFile htmlFile(htmlPath);
        QVERIFY(htmlFile.open(QIODevice::ReadOnly));
        const QString html = QString::fromUtf8(htmlFile.readAll());
        const QList<QImage> pictures = embeddedCharts(html);
        QCOMPARE(pictures.size(), view.charts().size());
        for (int i = 0; i < pictures.size(); ++i) {
            const QImage& picture = pictures.at(i);
            QVERIFY2(chartProblem(picture).isEmpty(),
                     qPrintable(QStringLiteral("chart %1: %2").arg(i + 1).arg(chartProblem(picture))));
            // Light ground in the top right corner, as a report written from the light theme.
            QVERIFY2(qGray(picture.pixel(picture.width() - 2, 2)) > 200,
                     qPrintable(QStringLiteral("chart %1 is dark on the white page").arg(i + 1)));
        }

        const QString folder = qEnvironmentVariable("STRATA_SCREENSHOT_DIR");
        if (!folder.isEmpty() && engine == QLatin1String("sqlite")) {
            QVERIFY(QDir().mkpath(folder));
            QFile::remove(QDir(folder).filePath(QStringLiteral("report-benchmark-dark.html")));
            QVERIFY(
                QFile::copy(htmlPath, QDir(folder).filePath(QStringLiteral("report-benchmark-dark.html"))));
        }
    }

    void cleanup() { Theme::instance().choose(Theme::Choice::Light); }

private:
    void openInChromium(const QString& htmlPath)
    {
        const QString browser = chromium();
        if (browser.isEmpty()) {
            if (qEnvironmentVariable("CI") == QLatin1String("true"))
                QFAIL("chromium is not installed (scripts/install-deps.sh installs it)");
            QSKIP("chromium is not installed: the report was not opened in a browser");
        }
        QTemporaryDir profile;
        const QString shot = QFileInfo(htmlPath).dir().filePath(QStringLiteral("report-chromium.png"));
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(browser,
                      {QStringLiteral("--headless=new"), QStringLiteral("--no-sandbox"),
                       QStringLiteral("--disable-gpu"), QStringLiteral("--hide-scrollbars"),
                       QStringLiteral("--user-data-dir=") + profile.path(),
                       QStringLiteral("--screenshot=") + shot, QStringLiteral("--window-size=1280,2400"),
                       QUrl::fromLocalFile(htmlPath).toString()});
        QVERIFY2(process.waitForFinished(120000), "chromium did not finish in two minutes");
        QVERIFY2(QFile::exists(shot), process.readAll().constData());
        const QImage image(shot);
        QCOMPARE(image.size(), QSize(1280, 2400));
        // Not blank: the charts and the tables give many colours.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 3)
            for (int x = 0; x < image.width(); x += 3)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 200, qPrintable(QStringLiteral("%1 colours").arg(colours.size())));
        // The picture is kept only when asked for (scripts/screenshots.sh sets the folder).
        const QString folder = qEnvironmentVariable("STRATA_SCREENSHOT_DIR");
        if (folder.isEmpty())
            return;
        QVERIFY(QDir().mkpath(folder));
        for (const QString& name :
             {QStringLiteral("report-chromium.png"), QStringLiteral("report-root.html")})
            QFile::remove(QDir(folder).filePath(name));
        QVERIFY(QFile::copy(shot, QDir(folder).filePath(QStringLiteral("report-chromium.png"))));
        QVERIFY(QFile::copy(htmlPath, QDir(folder).filePath(QStringLiteral("report-root.html"))));
    }
};

QTEST_MAIN(TestReport)
#include "tst_report.moc"
