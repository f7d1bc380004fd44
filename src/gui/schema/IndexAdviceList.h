#pragma once

#include <QList>
#include <QScrollArea>

#include "schema/IndexAdvice.h"

class QVBoxLayout;
class QLabel;

namespace strata {

/// The advice on a table's indexes, one card each: what kind, the sentence that says what and why, and the
/// suggested SQL in a read-only box with a button that copies it, so the operator can take it to a change
/// ticket or a console without retyping. The drop of an index the migration set creates has no copy button:
/// its button writes a new migration step instead (writeStepRequested), so the set and the database stay
/// in step. The list is as tall as its cards: the page around it scrolls, not the list.
class IndexAdviceList : public QScrollArea
{
    Q_OBJECT

public:
    explicit IndexAdviceList(QWidget* parent = nullptr);

    void setAdvice(const QList<IndexAdvice>& advice);
    const QList<IndexAdvice>& advice() const { return m_advice; }
    int count() const { return static_cast<int>(m_advice.size()); }
    /// Puts the SQL of advice `row` on the clipboard; false when it has none, or when it drops an index the
    /// migration set creates (that drop goes into a new migration step).
    bool copySql(int row);
    /// The text the list shows when there is no advice ("No advice: …"), empty otherwise.
    QString emptyText() const;
    /// Shows `note` in place of any advice while what the advice depends on is being read.
    void setWaiting(const QString& note);
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    /// SQL went to the clipboard (for a status bar message).
    void sqlCopied(const QString& sql);
    /// The operator asked for a new migration step that carries advice `row` (an index the set creates).
    void writeStepRequested(int row);

protected:
    void resizeEvent(QResizeEvent* event) override;
    /// Refits the height when the cards' layout changes (a card shown, text rewrapped).
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QWidget* card(int row);
    /// The height that shows every card at the list's width.
    int contentHeight() const;
    void fitHeight();

    QList<IndexAdvice> m_advice;
    QString m_waiting; ///< what setWaiting() said, until advice arrives
    QWidget* m_content;
    QVBoxLayout* m_layout;
    QLabel* m_empty;
};

} // namespace strata
