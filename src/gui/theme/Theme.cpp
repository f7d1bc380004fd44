#include "theme/Theme.h"

#include <algorithm>

#include <QApplication>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>
#include <QWidget>

#include "strategy/ChartStyle.h"
#include "strategy/QCustomPlotInclude.h"

namespace strata {

namespace {

const QString kKey = QStringLiteral("view/theme");

bool dark(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

} // namespace

Theme::Theme()
    : QObject(qApp), m_desktopPalette(QApplication::palette()),
      m_desktopStyle(QApplication::style() ? QApplication::style()->name() : QString())
{}

Theme& Theme::instance()
{
    static Theme* theme = new Theme; // parented to the application, which deletes it
    return *theme;
}

Theme::Choice Theme::saved()
{
    const QString value = QSettings().value(kKey).toString();
    if (value == QLatin1String("light"))
        return Choice::Light;
    if (value == QLatin1String("dark"))
        return Choice::Dark;
    return Choice::System;
}

void Theme::applySaved()
{
    const Choice choice = saved();
    // The desktop's own look needs nothing done unless it asks for dark through GTK_THEME only.
    if (choice == Choice::System && desktopPrefersDark() == dark(m_desktopPalette))
        return;
    apply(choice);
}

void Theme::choose(Choice choice)
{
    QSettings().setValue(kKey, choice == Choice::Light  ? QStringLiteral("light")
                               : choice == Choice::Dark ? QStringLiteral("dark")
                                                        : QStringLiteral("system"));
    apply(choice);
}

bool Theme::desktopPrefersDark() const
{
    const QString gtk = qEnvironmentVariable("GTK_THEME");
    if (gtk.endsWith(QLatin1String(":dark"), Qt::CaseInsensitive))
        return true;
    return dark(m_desktopPalette);
}

bool Theme::isDark()
{
    return dark(QApplication::palette());
}

QColor Theme::readable(const QColor& onWhite)
{
    if (!isDark())
        return onWhite;
    QColor light = onWhite.toHsl();
    const int saturation = light.hslSaturation() < 0 ? 0 : light.hslSaturation();
    light.setHsl(light.hslHue(), saturation, std::max(light.lightness(), 165), light.alpha());
    return light;
}

QPalette Theme::lightPalette()
{
    QStyle* fusion = QStyleFactory::create(QStringLiteral("Fusion"));
    QPalette palette = fusion ? fusion->standardPalette() : QPalette(QColor(0xef, 0xef, 0xef));
    delete fusion;
    // Fusion's selection blue is too pale for white text (contrast 3.7): a deeper one of the same hue.
    palette.setColor(QPalette::Highlight, QColor(0x2b, 0x6c, 0xb0));
    // Set, not inherited: a palette that leaves the link colours unset keeps the dark theme's pale blue
    // (1.9:1 on white) after switching back to light.
    palette.setColor(QPalette::Link, QColor(0x0b, 0x57, 0xd0));
    palette.setColor(QPalette::LinkVisited, QColor(0x6a, 0x1b, 0x9a));
    return palette;
}

QPalette Theme::darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x30);
    const QColor base(0x1f, 0x21, 0x24);
    const QColor text(0xe6, 0xe6, 0xe6);
    const QColor disabled(0x80, 0x80, 0x80);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x27, 0x29, 0x2c));
    p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3d, 0x41));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x35, 0x38, 0x3c));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Light, QColor(0x4a, 0x4d, 0x52));
    p.setColor(QPalette::Midlight, QColor(0x3e, 0x41, 0x45));
    p.setColor(QPalette::Mid, QColor(0x25, 0x27, 0x2a));
    p.setColor(QPalette::Dark, QColor(0x1a, 0x1b, 0x1d));
    p.setColor(QPalette::Shadow, QColor(0x0c, 0x0c, 0x0d));
    p.setColor(QPalette::Highlight, QColor(0x2b, 0x6c, 0xb0)); // white text on it: contrast 5.4
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x7c, 0xb4, 0xf5));
    p.setColor(QPalette::LinkVisited, QColor(0xb4, 0x9c, 0xf0));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Base, window);
    return p;
}

void Theme::apply(Choice choice)
{
    m_choice = choice;
    const bool wantDark = choice == Choice::Dark || (choice == Choice::System && desktopPrefersDark());
    if (choice == Choice::System && wantDark == dark(m_desktopPalette)) {
        // The desktop's own style and palette, as Qt started with them.
        if (!m_desktopStyle.isEmpty() && QApplication::style()->name() != m_desktopStyle)
            QApplication::setStyle(m_desktopStyle);
        QApplication::setPalette(m_desktopPalette);
    } else {
        // A palette of our own: Fusion draws every part from it, on every platform.
        if (QApplication::style()->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive) != 0)
            QApplication::setStyle(QStringLiteral("Fusion"));
        QApplication::setPalette(wantDark ? darkPalette() : lightPalette());
    }
    // The charts draw with colours of their own: give them the theme's.
    for (QWidget* widget : QApplication::allWidgets())
        if (auto* plot = qobject_cast<QCustomPlot*>(widget))
            chartstyle::restyle(*plot);
    Q_EMIT changed();
}

} // namespace strata
