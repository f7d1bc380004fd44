#pragma once

#include <QList>
#include <QScrollArea>

#include "schema/IndexAdvice.h"

class QVBoxLayout;
class QLabel;

namespace strata {

/// The advice on a table's indexes, one card each: what kind, the sentence that says what and why, and the
/// suggested SQL in a read-only box with a button that copies it, so the operator can take it to a change
/// ticket or a console without retyping.
class IndexAdviceList : public QScrollArea
{
    Q_OBJECT

public:
    explicit IndexAdviceList(QWidget* parent = nullptr);

    void setAdvice(const QList<IndexAdvice>& advice);
    const QList<IndexAdvice>& advice() const { return m_advice; }
    int count() const { return static_cast<int>(m_advice.size()); }
    /// Puts the SQL of advice `row` on the clipboard; false when it has none.
    bool copySql(int row);
    /// The text the list shows when there is no advice ("No advice: …"), empty otherwise.
    QString emptyText() const;

Q_SIGNALS:
    /// SQL went to the clipboard (for a status bar message).
    void sqlCopied(const QString& sql);

private:
    QWidget* card(int row);

    QList<IndexAdvice> m_advice;
    QWidget* m_content;
    QVBoxLayout* m_layout;
    QLabel* m_empty;
};

} // namespace strata
