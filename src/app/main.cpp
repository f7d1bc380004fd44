#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QTimer>

#include "FirstPaint.h"
#include "connection/ConnectionTarget.h"
#include "mainwindow/MainWindow.h"
#include "theme/Theme.h"

using namespace strata;

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Strata"));
    QApplication::setApplicationName(QStringLiteral("Strata"));
    QApplication::setApplicationVersion(QStringLiteral(STRATA_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.strata.Strata"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/packaging/io.github.strata.Strata.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Migrations, verified backups and restores for trading databases."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QStringLiteral("Open the demo risk-state database."));
    const QCommandLineOption db(QStringLiteral("db"), QStringLiteral("Open this database URL."),
                                QStringLiteral("URL"));
    const QCommandLineOption migrations(QStringLiteral("migrations"),
                                        QStringLiteral("Its migration set folder."), QStringLiteral("DIR"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QStringLiteral("Save a picture of the window once it shows the database, then quit."),
        QStringLiteral("PNG"));
    const QCommandLineOption firstPaint(
        QStringLiteral("report-first-paint"),
        QStringLiteral("Print \"window\" when the window is first painted and \"database\" once it shows the "
                       "database (the startup benchmark reads them)."));
    parser.addOptions({demo, db, migrations, screenshot, firstPaint});
    parser.process(app);

    Theme::instance().applySaved(); // light or dark as chosen in View > Theme, else as the desktop is
    MainWindow window;
    if (parser.isSet(firstPaint)) {
        auto* probe = new FirstPaint(window);
        QObject::connect(&window, &MainWindow::statusShown, probe, &FirstPaint::statusShown);
    }
    window.show();
    if (parser.isSet(db)) {
        ConnectionTarget target;
        target.url = parser.value(db);
        target.migrations = parser.value(migrations);
        window.open(target);
    } else if (parser.isSet(demo)) {
        window.openDemo();
    } else {
        window.startFromLastDatabase(); // on a first launch, the welcome page and its three journeys
    }
    if (parser.isSet(screenshot)) {
        const QString file = parser.value(screenshot);
        if (window.showsWelcome())
            QTimer::singleShot(500, &window, [&window, file] {
                window.grab().save(file);
                QApplication::quit();
            });
        QObject::connect(&window, &MainWindow::statusShown, &window, [&window, file] {
            QTimer::singleShot(300, &window, [&window, file] {
                window.grab().save(file);
                QApplication::quit();
            });
        });
    }
    return app.exec();
}
