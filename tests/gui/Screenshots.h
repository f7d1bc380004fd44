#pragma once

#include <functional>

#include <QApplication>
#include <QDir>
#include <QList>
#include <QSettings>
#include <QSize>
#include <QString>
#include <QWidget>
#include <QtTest>

#include "theme/Theme.h"

/// The pictures of packaging/screenshots/, taken by the GUI tests of the views they drive on the real widgets
/// (scripts/screenshots.sh runs them under Xvfb with STRATA_SCREENSHOT_DIR set).
namespace strata::test {

/// The screens the views are made for: the smallest Strata supports and a large one.
inline const QList<QSize>& screenshotScreens()
{
    static const QList<QSize> screens{QSize(1024, 700), QSize(1600, 1000)};
    return screens;
}

/// The size a view takes on a screen of the given size.
using ScreenFit = std::function<QSize(const QSize& screen)>;

/// A page, or the main window: it fills the screen.
inline QSize fillsTheScreen(const QSize& screen)
{
    return screen;
}

/// A window the app opens at `preferred` and keeps within the screen, with room for its frame and the
/// desktop's panels (as Migrations > Plan… does).
inline ScreenFit withinTheScreen(const QSize& preferred)
{
    return [preferred](const QSize& screen) { return preferred.boundedTo(screen - QSize(48, 48)); };
}

/// A window (a dialog, the wizard, a message box) at the size the app opened it with, kept within the screen.
inline ScreenFit asOpened(const QWidget& window)
{
    return withinTheScreen(window.size());
}

namespace screenshots {

/// Lets the widgets restyle, lay out and replot before the picture: what the operator sees.
inline void settle()
{
    for (int i = 0; i < 3; ++i) {
        QApplication::processEvents();
        QApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    }
    QTest::qWait(100);
}

} // namespace screenshots

/// With STRATA_SCREENSHOT_DIR set, saves `widget` there as NAME-light-1024x700.png, NAME-light-1600x1000.png,
/// NAME-dark-1024x700.png and NAME-dark-1600x1000.png: each theme chosen as View > Theme chooses it, the
/// widget sized as `fit` says on each screen (the screen's size unless told), then the theme, its saved
/// choice and the widget's size are given back. The size in the name is the screen's. Unset, it does nothing.
/// False when a picture could not be written.
inline bool keepScreenshots(QWidget& widget, const QString& name, const ScreenFit& fit = fillsTheScreen,
                            const QList<QSize>& screens = screenshotScreens())
{
    const QString folder = qEnvironmentVariable("STRATA_SCREENSHOT_DIR");
    if (folder.isEmpty())
        return true;
    if (!QDir().mkpath(folder))
        return false;
    const QString settingsKey = QStringLiteral("view/theme"); // where Theme keeps the choice
    const QVariant savedChoice = QSettings().value(settingsKey);
    Theme& theme = Theme::instance();
    const Theme::Choice before = theme.choice();
    const QSize size = widget.size();
    bool written = true;
    // The screen outside, the theme inside: both themes of one size show the view framed alike.
    for (const QSize& screen : screens) {
        widget.resize(fit(screen));
        for (const auto& [themeName, choice] : {std::pair{QStringLiteral("light"), Theme::Choice::Light},
                                                std::pair{QStringLiteral("dark"), Theme::Choice::Dark}}) {
            theme.choose(choice);
            screenshots::settle();
            const QString file = QDir(folder).filePath(QStringLiteral("%1-%2-%3x%4.png")
                                                           .arg(name, themeName)
                                                           .arg(screen.width())
                                                           .arg(screen.height()));
            if (!widget.grab().save(file)) {
                qWarning("could not write %s", qPrintable(file));
                written = false;
            }
        }
    }
    theme.choose(before);
    if (savedChoice.isValid())
        QSettings().setValue(settingsKey, savedChoice);
    else
        QSettings().remove(settingsKey);
    widget.resize(size);
    screenshots::settle();
    return written;
}

} // namespace strata::test
