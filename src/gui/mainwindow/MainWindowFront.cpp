#include <QAction>
#include <QStackedWidget>
#include <QTabWidget>

#include "connection/RecentConnections.h"
#include "help/AboutBox.h"
#include "help/UserGuide.h"
#include "mainwindow/MainActions.h"
#include "mainwindow/MainWindow.h"
#include "migrations/TimelinePage.h"
#include "schema/SchemaBrowser.h"
#include "theme/Theme.h"
#include "welcome/WelcomePage.h"
#include "wizard/MigrateAction.h"

namespace strata {

// The parts of the window around the open database: the welcome page of the first launch with its three
// journeys, the Help menu and View > Theme.
void MainWindow::setUpFrontAndHelp()
{
    m_front = new QStackedWidget(this);
    m_welcome = new WelcomePage(m_front);
    m_front->addWidget(m_pages);
    m_front->addWidget(m_welcome);
    setCentralWidget(m_front);

    connect(m_welcome, &WelcomePage::migrateDemoRequested, this, [this] {
        openDemo();
        m_pages->setCurrentWidget(m_timeline);
        // Migrate… once the demo's status says what is pending (the action is enabled then).
        auto once = std::make_shared<QMetaObject::Connection>();
        *once = connect(this, &MainWindow::statusShown, this, [this, once](bool ok) {
            disconnect(*once);
            if (ok && m_actions->migrate->isEnabled())
                m_actions->migrate->trigger();
        });
    });
    connect(m_welcome, &WelcomePage::inspectDemoRequested, this, [this] {
        openDemo();
        m_pages->setCurrentWidget(m_schema);
    });
    connect(m_welcome, &WelcomePage::browseStrategiesRequested, this, &MainWindow::openStrategyDemo);
    connect(m_welcome, &WelcomePage::connectRequested, this, &MainWindow::showConnectDialog);

    connect(m_actions->userGuide, &QAction::triggered, this, &MainWindow::showUserGuide);
    connect(m_actions->about, &QAction::triggered, this, [this] { AboutBox::show(this); });

    Theme& theme = Theme::instance();
    const QList<std::pair<QAction*, Theme::Choice>> themes{{m_actions->themeSystem, Theme::Choice::System},
                                                           {m_actions->themeLight, Theme::Choice::Light},
                                                           {m_actions->themeDark, Theme::Choice::Dark}};
    for (const auto& [action, choice] : themes) {
        action->setChecked(theme.choice() == choice);
        connect(action, &QAction::triggered, this, [choice = choice] { Theme::instance().choose(choice); });
    }
    connect(&theme, &Theme::changed, this, [this, themes] {
        for (const auto& [action, choice] : themes)
            action->setChecked(Theme::instance().choice() == choice);
        // The timeline's state colours follow the new theme, drawn again from the status already read: a
        // theme is no reason to read the database again, and a re-read would start the schema's pages over
        // (a row count running on the table's page would end unfinished).
        if (m_target && m_status) {
            m_timeline->showStatus(*m_status);
            showLastOutcome(true);
        }
    });
}

void MainWindow::showWelcome()
{
    m_front->setCurrentWidget(m_welcome);
}

void MainWindow::startFromLastDatabase()
{
    const auto recent = RecentConnections::list();
    if (recent.isEmpty())
        showWelcome();
    else
        open(recent.first());
}

void MainWindow::showTabs()
{
    m_front->setCurrentWidget(m_pages);
}

bool MainWindow::showsWelcome() const
{
    return m_front->currentWidget() == m_welcome;
}

void MainWindow::showUserGuide()
{
    if (!m_guide)
        m_guide = new UserGuide(this);
    m_guide->show();
    m_guide->raise();
    m_guide->activateWindow();
}

} // namespace strata
