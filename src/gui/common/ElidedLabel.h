#pragma once

#include <QLabel>

namespace strata {

/// A one-line label for text that may be longer than the room it gets (a database's path, who holds the
/// lock): it shows what fits with "…" in place of the rest and the whole text as its tooltip, and never
/// makes its window wider than the screen.
class ElidedLabel : public QLabel
{
    Q_OBJECT

public:
    /// `mode` says where the "…" goes; at least `shownCharacters` characters are kept (when the text has
    /// them).
    explicit ElidedLabel(Qt::TextElideMode mode, int shownCharacters, QWidget* parent = nullptr);

    /// The whole text; text() is what is shown.
    void setFullText(const QString& text);
    QString fullText() const { return m_full; }

    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void elide();

    QString m_full;
    Qt::TextElideMode m_mode;
    int m_shownCharacters;
};

} // namespace strata
