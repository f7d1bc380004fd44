#include "FirstPaint.h"

#include <cstdio>

#include <QApplication>
#include <QEvent>
#include <QTimer>
#include <QWidget>

namespace strata {

FirstPaint::FirstPaint(QWidget& window) : QObject(&window), m_window(window)
{
    qApp->installEventFilter(this);
}

void FirstPaint::statusShown()
{
    m_statusShown = true;
}

bool FirstPaint::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() != QEvent::Paint || !watched->isWidgetType())
        return false;
    auto* widget = static_cast<QWidget*>(watched);
    if (widget != &m_window && !m_window.isAncestorOf(widget))
        return false;
    // Said once the paint that is under way has reached the screen (the next turn of the event loop).
    if (!m_windowSaid) {
        m_windowSaid = true;
        QTimer::singleShot(0, this, [this] { say("window"); });
    }
    if (m_statusShown && !m_databaseSaid) {
        m_databaseSaid = true;
        QTimer::singleShot(0, this, [this] {
            say("database");
            qApp->removeEventFilter(this);
        });
    }
    return false;
}

void FirstPaint::say(const char* what)
{
    std::printf("%s\n", what);
    std::fflush(stdout);
}

} // namespace strata
