#pragma once

#include <QObject>

class QWidget;

namespace strata {

/// For the startup benchmark (tests/bench/first_window_bench): prints "window" on standard output when
/// the window is first painted, and "database" once it has been painted showing the database it opened
/// (after the first status read). The benchmark times the lines from the moment it started the process.
class FirstPaint : public QObject
{
    Q_OBJECT

public:
    explicit FirstPaint(QWidget& window);
    /// The status has been read: the next paint shows the database.
    void statusShown();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void say(const char* what);

    QWidget& m_window;
    bool m_windowSaid = false;
    bool m_statusShown = false;
    bool m_databaseSaid = false;
};

} // namespace strata
