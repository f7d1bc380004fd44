#pragma once

#include <QFrame>
#include <QMap>

#include "strategy/Tearsheet.h"

class QLabel;

namespace strata {

/// The tearsheet's header: the strategy named, and the figures an operator reads first (total and
/// annualised return, volatility, Sharpe, max drawdown, win rate, trades), each in a tile of its own.
class TearsheetSummary : public QFrame
{
    Q_OBJECT

public:
    explicit TearsheetSummary(QWidget* parent = nullptr);

    void setTearsheet(const Tearsheet& sheet);
    /// The figure shown under `caption` ("Sharpe" → "1.23"), for tests and exports.
    QString figure(const QString& caption) const;
    /// Every caption and figure, in order, as "Caption: figure" lines.
    QStringList lines() const;
    QString heading() const;

private:
    void addTile(const QString& caption);
    /// The card's and the captions' colours for the theme shown; figures keep their gain/loss meaning.
    void restyle();

    QLabel* m_heading;
    QLabel* m_subheading;
    QStringList m_captions;
    QMap<QString, QLabel*> m_figures;
    QList<QLabel*> m_captionLabels;
};

} // namespace strata
