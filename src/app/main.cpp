#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QTimer>

#include "connection/ConnectionTarget.h"
#include "connection/RecentConnections.h"
#include "mainwindow/MainWindow.h"

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
    parser.addOptions({demo, db, migrations, screenshot});
    parser.process(app);

    MainWindow window;
    window.show();
    if (parser.isSet(db)) {
        ConnectionTarget target;
        target.url = parser.value(db);
        target.migrations = parser.value(migrations);
        window.open(target);
    } else if (parser.isSet(demo) || RecentConnections::list().isEmpty()) {
        window.openDemo(); // first launch: the demo, so there is something to look at at once
    } else {
        window.open(RecentConnections::list().first());
    }
    if (parser.isSet(screenshot)) {
        const QString file = parser.value(screenshot);
        QObject::connect(&window, &MainWindow::statusShown, &window, [&window, file] {
            QTimer::singleShot(300, &window, [&window, file] {
                window.grab().save(file);
                QApplication::quit();
            });
        });
    }
    return app.exec();
}
