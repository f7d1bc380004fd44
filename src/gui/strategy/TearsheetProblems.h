#pragma once

#include <QFrame>
#include <QStringList>

class QLabel;

namespace strata {

/// The tearsheet's problems (rows skipped or doubtful: NULLs, a period_end before its period_start,
/// duplicates) as a marked list above the charts, hidden when there are none. The charts are drawn from
/// the other rows, so the list says what was left out.
class TearsheetProblems : public QFrame
{
    Q_OBJECT

public:
    explicit TearsheetProblems(QWidget* parent = nullptr);

    void setProblems(const QStringList& problems);
    QStringList problems() const { return m_problems; }

private:
    QLabel* m_label;
    QStringList m_problems;
};

} // namespace strata
