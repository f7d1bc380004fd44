#include "strategy/TearsheetSummary.h"

#include <QDateTime>
#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>

#include "strategy/ChartStyle.h"
#include "theme/Theme.h"

namespace strata {

namespace {

QString day(double seconds)
{
    return QDateTime::fromSecsSinceEpoch(qint64(seconds), Qt::UTC).date().toString(Qt::ISODate);
}

QString signColour(double value)
{
    return value < 0 ? chartstyle::lossColour().name() : chartstyle::textColour().name();
}

} // namespace

TearsheetSummary::TearsheetSummary(QWidget* parent)
    : QFrame(parent), m_heading(new QLabel(this)), m_subheading(new QLabel(this))
{
    setObjectName(QStringLiteral("tearsheetSummary"));
    QFont headingFont = chartstyle::titleFont();
    headingFont.setPointSizeF(headingFont.pointSizeF() + 3);
    m_heading->setFont(headingFont);
    m_heading->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 10, 14, 10);
    layout->setSpacing(4);
    layout->addWidget(m_heading);
    layout->addWidget(m_subheading);
    auto* tiles = new QGridLayout;
    tiles->setHorizontalSpacing(24);
    tiles->setVerticalSpacing(0);
    layout->addLayout(tiles);
    for (const QString& caption : {tr("Total return"), tr("Annualised return"), tr("Volatility"),
                                   tr("Sharpe"), tr("Max drawdown"), tr("Win rate"), tr("Trades")})
        addTile(caption);
    restyle();
    connect(&Theme::instance(), &Theme::changed, this, &TearsheetSummary::restyle);
}

void TearsheetSummary::restyle()
{
    // A pale card, or on the dark theme a card a shade lighter than the report; captions muted.
    const bool dark = Theme::isDark();
    setStyleSheet(
        QStringLiteral("#tearsheetSummary { background: %1; border: 1px solid %2; border-radius: 4px; }")
            .arg(dark ? QStringLiteral("#25282c") : QStringLiteral("#f6f8fa"),
                 dark ? QStringLiteral("#3a3e43") : QStringLiteral("#dde1e6")));
    const QString muted = QStringLiteral("color: %1;").arg(Theme::readable(QColor(0x5b, 0x64, 0x70)).name());
    m_subheading->setStyleSheet(muted);
    for (QLabel* caption : std::as_const(m_captionLabels))
        caption->setStyleSheet(muted);
    for (QLabel* figure : std::as_const(m_figures))
        figure->setStyleSheet(
            QStringLiteral("color: %1;")
                .arg((figure->property("loss").toBool() ? chartstyle::lossColour() : chartstyle::textColour())
                         .name()));
}

void TearsheetSummary::addTile(const QString& caption)
{
    auto* grid = static_cast<QGridLayout*>(layout()->itemAt(2)->layout());
    const int column = int(m_captions.size());
    auto* captionLabel = new QLabel(caption, this);
    m_captionLabels.append(captionLabel);
    auto* figure = new QLabel(QStringLiteral("–"), this);
    QFont figureFont = chartstyle::titleFont();
    figureFont.setPointSizeF(figureFont.pointSizeF() + 2);
    figure->setFont(figureFont);
    figure->setTextInteractionFlags(Qt::TextSelectableByMouse);
    grid->addWidget(captionLabel, 0, column);
    grid->addWidget(figure, 1, column);
    grid->setColumnStretch(column, 1);
    m_captions.append(caption);
    m_figures.insert(caption, figure);
}

void TearsheetSummary::setTearsheet(const Tearsheet& sheet)
{
    const QString name = sheet.name.isEmpty() ? sheet.strategyId : sheet.name;
    m_heading->setText(sheet.version.isEmpty() ? name : tr("%1 · v%2").arg(name, sheet.version));
    QString sub = sheet.strategyId;
    if (!sheet.time.isEmpty())
        sub += tr("  ·  %1 – %2  ·  %3 periods")
                   .arg(day(sheet.time.first()), day(sheet.time.last()))
                   .arg(sheet.time.size());
    else
        sub += tr("  ·  no usable performance periods");
    m_subheading->setText(sub);

    const auto set = [this](const QString& caption, const QString& text, const QString& colour) {
        QLabel* label = m_figures.value(caption);
        label->setText(text);
        label->setProperty("loss", colour == chartstyle::lossColour().name()); // for a theme switch
        label->setStyleSheet(QStringLiteral("color: %1;").arg(colour));
    };
    const QString plain = chartstyle::textColour().name();
    set(tr("Total return"), chartstyle::percent(sheet.totalReturn, 1, true), signColour(sheet.totalReturn));
    set(tr("Annualised return"), chartstyle::percent(sheet.annualisedReturn, 1, true),
        signColour(sheet.annualisedReturn));
    set(tr("Volatility"), chartstyle::percent(sheet.annualisedVolatility, 1), plain);
    set(tr("Sharpe"), chartstyle::ratio(sheet.sharpe), signColour(sheet.sharpe));
    set(tr("Max drawdown"), chartstyle::percent(sheet.maxDrawdown, 1), chartstyle::lossColour().name());
    set(tr("Win rate"), chartstyle::percent(sheet.overallWinRate, 1), plain);
    set(tr("Trades"), QLocale().toString(sheet.totalTrades), plain);
}

QString TearsheetSummary::figure(const QString& caption) const
{
    const QLabel* label = m_figures.value(caption);
    return label ? label->text() : QString();
}

QStringList TearsheetSummary::lines() const
{
    QStringList result;
    for (const QString& caption : m_captions)
        result.append(QStringLiteral("%1: %2").arg(caption, figure(caption)));
    return result;
}

QString TearsheetSummary::heading() const
{
    return m_heading->text();
}

} // namespace strata
