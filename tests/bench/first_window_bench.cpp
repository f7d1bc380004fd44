// How fast the desktop app shows the demo: from the moment the process is started to the window painted
// showing the demo database (the goal: <= 400 ms), and to its first paint at all. Each launch is a
// new `strata --demo --report-first-paint` process in a throwaway home folder; the first launch also
// creates the demo database (cold), the others open it (warm). For scale, the same is measured for a bare
// Qt window in a process of its own (this program with --bare-window). Prints figures and ratios, never
// pass/fail.
//
//   first_window_bench [LAUNCHES=10]
//
// Runs offscreen unless QT_QPA_PLATFORM says otherwise (xvfb-run -a ... with QT_QPA_PLATFORM=xcb for X11).

#include <algorithm>
#include <cstdio>
#include <vector>

#include <QApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>
#include <QWidget>

namespace {

struct Launch
{
    double windowMs = -1;   ///< "window": the first paint
    double databaseMs = -1; ///< "database": painted showing the demo
};

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n == 0 ? 0 : n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/// Starts `program` and times each line it prints from the moment it was started.
Launch launch(const QString& program, const QStringList& arguments, const QProcessEnvironment& environment)
{
    Launch result;
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::SeparateChannels);
    QElapsedTimer clock;
    clock.start();
    process.start(program, arguments);
    if (!process.waitForStarted(10000))
        return result;
    while (result.databaseMs < 0 && clock.elapsed() < 30000) {
        if (!process.canReadLine() && !process.waitForReadyRead(30000))
            break;
        const double at = double(clock.nsecsElapsed()) / 1e6;
        while (process.canReadLine()) {
            const QByteArray line = process.readLine().trimmed();
            if (line == "window" && result.windowMs < 0)
                result.windowMs = at;
            if (line == "database")
                result.databaseMs = at;
        }
    }
    process.kill();
    process.waitForFinished(5000);
    return result;
}

/// --bare-window: a QWidget that says "window" and "database" at its first paint, then quits.
class BareWindow : public QWidget
{
protected:
    bool event(QEvent* e) override
    {
        if (e->type() == QEvent::Paint && !m_said) {
            m_said = true;
            QTimer::singleShot(0, this, [] {
                std::printf("window\ndatabase\n");
                std::fflush(stdout);
                QApplication::quit();
            });
        }
        return QWidget::event(e);
    }

private:
    bool m_said = false;
};

void report(const char* what, const std::vector<double>& values)
{
    if (values.empty()) {
        std::printf("  %-34s no figure (the process said nothing)\n", what);
        return;
    }
    std::printf("  %-34s median %7.1f ms   min %7.1f   max %7.1f   (%zu launches)\n", what, median(values),
                *std::min_element(values.begin(), values.end()),
                *std::max_element(values.begin(), values.end()), values.size());
}

} // namespace

int main(int argc, char* argv[])
{
    if (argc > 1 && QByteArray(argv[1]) == "--bare-window") {
        QApplication app(argc, argv);
        BareWindow window;
        window.resize(1180, 720);
        window.show();
        return app.exec();
    }
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QCoreApplication app(argc, argv);
    const int launches = argc > 1 ? std::max(2, QByteArray(argv[1]).toInt()) : 10;

    QTemporaryDir home;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), home.path());
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral("cache")));
    const QString strata = QStringLiteral(STRATA_APP_PATH);
    const QStringList demo{QStringLiteral("--demo"), QStringLiteral("--report-first-paint")};

    std::printf("first_window_bench: %s, platform %s, %d launches\n", qPrintable(strata),
                qPrintable(environment.value(QStringLiteral("QT_QPA_PLATFORM"))), launches);
    const Launch cold = launch(strata, demo, environment); // creates the demo database
    std::vector<double> window;
    std::vector<double> database;
    std::vector<double> bare;
    for (int i = 0; i < launches; ++i) {
        const Launch warm = launch(strata, demo, environment);
        if (warm.windowMs >= 0)
            window.push_back(warm.windowMs);
        if (warm.databaseMs >= 0)
            database.push_back(warm.databaseMs);
        const Launch empty =
            launch(QCoreApplication::applicationFilePath(), {QStringLiteral("--bare-window")}, environment);
        if (empty.databaseMs >= 0)
            bare.push_back(empty.databaseMs);
    }
    std::printf("\nFrom the process start (fork/exec included):\n");
    std::printf("  %-34s window %7.1f ms   demo shown %7.1f ms\n", "cold (the demo database created)",
                cold.windowMs, cold.databaseMs);
    report("warm: first paint", window);
    report("warm: painted showing the demo", database);
    report("a bare Qt window: first paint", bare);
    if (!database.empty() && !bare.empty())
        std::printf("\n  demo shown / bare Qt window: %.2fx; goal: demo shown <= 400 ms (median %.0f ms)\n",
                    median(database) / median(bare), median(database));
    return 0;
}
