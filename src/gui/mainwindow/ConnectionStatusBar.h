#pragma once

#include <QStatusBar>

class QLabel;

namespace strata {

class ElidedLabel;
struct DatabaseStatus;

/// The window's status bar: which database, its schema version, and who holds its migration lock. A long path
/// or lock holder is shortened with "…" (whole in its tooltip), so the window still fits a 1024x700 screen.
class ConnectionStatusBar : public QStatusBar
{
    Q_OBJECT

public:
    explicit ConnectionStatusBar(QWidget* parent = nullptr);

    void showDisconnected();
    void showConnecting(const QString& database);
    /// The window has a database but could not open it (refused login, server down).
    void showNotConnected(const QString& database);
    void showStatus(const DatabaseStatus& status);
    QString connectionText() const;
    QString versionText() const;
    QString lockText() const;

private:
    ElidedLabel* m_connection;
    QLabel* m_version;
    ElidedLabel* m_lock;
};

} // namespace strata
