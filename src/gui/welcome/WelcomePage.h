#pragma once

#include <QWidget>

class QPushButton;

namespace strata {

/// What the first launch shows (no database opened before): what Strata is for, and the three journeys as
/// buttons that do them: migrate the demo, inspect it, browse the strategies. File > Connect… stays one
/// click away for a database of the operator's own.
class WelcomePage : public QWidget
{
    Q_OBJECT

public:
    explicit WelcomePage(QWidget* parent = nullptr);

    QPushButton* migrateButton() const { return m_migrate; }
    QPushButton* inspectButton() const { return m_inspect; }
    QPushButton* strategiesButton() const { return m_strategies; }
    QPushButton* connectButton() const { return m_connect; }

Q_SIGNALS:
    /// Open the demo and start Migrations > Migrate… on it.
    void migrateDemoRequested();
    /// Open the demo on its Schema tab.
    void inspectDemoRequested();
    /// Open the demo strategy database on the Strategies tab.
    void browseStrategiesRequested();
    void connectRequested();

private:
    QPushButton* m_migrate;
    QPushButton* m_inspect;
    QPushButton* m_strategies;
    QPushButton* m_connect;
};

} // namespace strata
