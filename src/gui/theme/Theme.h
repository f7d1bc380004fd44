#pragma once

#include <QObject>
#include <QPalette>

namespace strata {

/// View > Theme: light or dark, following the desktop by default. Qt 6.4 has no colour-scheme query, so
/// "System" reads the desktop's own palette (the platform theme's, as Qt started with it) and GTK_THEME's
/// ":dark" variant. Switching repaints what draws its own colours: the strategy charts are restyled, the
/// diagrams (ER, lineage) take a dark canvas and boxes on changed().
class Theme : public QObject
{
    Q_OBJECT

public:
    enum class Choice { System, Light, Dark };

    /// The one theme of the application (created on first use, after the QApplication).
    static Theme& instance();

    /// The choice saved in the settings (System when none).
    static Choice saved();
    /// Applies `choice` and remembers it for the next launch.
    void choose(Choice choice);
    /// Applies the saved choice: called once at start.
    void applySaved();
    Choice choice() const { return m_choice; }

    /// Whether the desktop asks for dark: its palette as Qt started with it, or GTK_THEME=Name:dark.
    bool desktopPrefersDark() const;
    /// Whether what is shown now is dark (the application palette's window colour).
    static bool isDark();

    /// A colour chosen for text on white, made light enough to read on the dark theme's background
    /// (the same hue); unchanged in the light theme.
    static QColor readable(const QColor& onWhite);

    static QPalette lightPalette();
    static QPalette darkPalette();

Q_SIGNALS:
    void changed();

private:
    Theme();
    void apply(Choice choice);

    QPalette m_desktopPalette;
    QString m_desktopStyle;
    Choice m_choice = Choice::System;
};

} // namespace strata
