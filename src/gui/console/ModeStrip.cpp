#include "console/ModeStrip.h"

#include "theme/Theme.h"

namespace strata {

ModeStrip::ModeStrip(QWidget* parent) : QLabel(parent)
{
    setObjectName(QStringLiteral("consoleMode"));
    setWordWrap(true);
    setMargin(6);
    connect(&Theme::instance(), &Theme::changed, this, &ModeStrip::restyle);
}

void ModeStrip::show(bool writeMode, bool production, const QString& database)
{
    m_write = writeMode;
    m_production = production;
    if (!writeMode)
        setText(tr("Read-only: the database refuses statements that change data or schema. Switch on Write "
                   "mode to change %1.")
                    .arg(database));
    else if (production)
        setText(tr("Write mode on a production database: each statement that changes %1 runs in a "
                   "transaction and asks before it is committed.")
                    .arg(database));
    else
        setText(tr("Write mode: statements change %1 as they run.").arg(database));
    restyle();
}

void ModeStrip::restyle()
{
    const bool dark = Theme::isDark();
    QString box;
    if (!m_write)
        box = dark ? QStringLiteral("#263238; border: 1px solid #455a64")
                   : QStringLiteral("#eef2f5; border: 1px solid #c5d0d8");
    else if (m_production)
        box = dark ? QStringLiteral("#4a1f1f; border: 1px solid #b3473f")
                   : QStringLiteral("#fde2df; border: 1px solid #d9534f");
    else
        box = dark ? QStringLiteral("#3f3212; border: 1px solid #a07a1c")
                   : QStringLiteral("#fff3cd; border: 1px solid #e0b44c");
    const QString text = dark ? QStringLiteral("#ececec") : QStringLiteral("#1d1d1d");
    setStyleSheet(QStringLiteral("QLabel#consoleMode { background: %1; color: %2; border-radius: 4px; %3 }")
                      .arg(box, text, m_write ? QStringLiteral("font-weight: bold;") : QString()));
}

} // namespace strata
