#pragma once

#include <QFrame>

#include "analytics/SampleSplit.h"

class QLabel;

namespace strata {

/// Above the tearsheet's charts: did the strategy hold up out of sample? The split's verdict in a band of
/// its own — neutral green when it held up, amber when it did not — with where the history was cut.
/// Hidden when the history has no two parts to compare.
class SampleSplitBanner : public QFrame
{
    Q_OBJECT

public:
    explicit SampleSplitBanner(QWidget* parent = nullptr);

    void setSplit(const SampleSplit& split);
    /// The verdict shown (SampleSplit::verdict).
    QString verdict() const;
    /// "held-up" or "did-not-hold-up" (the band's colour), empty when hidden.
    QString tone() const { return m_tone; }

private:
    void restyle();

    QLabel* m_verdict;
    QLabel* m_why;
    QString m_tone;
};

} // namespace strata
