#pragma once

#include <QListWidget>

namespace strata {

class LineageGraph;

/// The problems found in the strategy tables (rows naming a strategy that is not there, cycles, unknown
/// statuses, columns that are not valid JSON), one marked line each; a click on a line that names a
/// strategy asks for it to be shown.
class LineageProblemList : public QListWidget
{
    Q_OBJECT

public:
    explicit LineageProblemList(QWidget* parent = nullptr);

    void showProblems(const LineageGraph& graph);
    /// The problems shown, as the lineage states them.
    QStringList problems() const { return m_problems; }
    /// The strategy a line names (the first strategy_id of the lineage in it); empty when none.
    QString strategyOf(int row) const;

Q_SIGNALS:
    void strategyClicked(const QString& strategyId);

private:
    QStringList m_problems;
};

} // namespace strata
