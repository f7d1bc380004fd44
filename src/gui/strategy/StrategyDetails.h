#pragma once

#include <memory>

#include <QWidget>

#include "common/Error.h"
#include "strategy/LineageGraph.h"
#include "strategy/Tearsheet.h"

class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTreeWidget;

namespace Ui {
class StrategyDetails;
}

namespace strata {

/// The selected strategy's details beside the lineage: who made it and when, its problems, its parameter
/// and component changes against its parent, its version history (strategy_versions, the major versions
/// marked), its configurations pretty-printed, and its performance summary — as stored, and as computed
/// from its daily performance rows. The history and the computed figures arrive later, read on a worker.
class StrategyDetails : public QWidget
{
    Q_OBJECT

public:
    explicit StrategyDetails(QWidget* parent = nullptr);
    ~StrategyDetails() override;

    /// Shows what the lineage itself holds about strategy `index` of `graph`.
    void showStrategy(const LineageGraph& graph, int index);
    /// The version history and the tearsheet read for the strategy shown.
    void showHistory(const QList<StrategyVersionRecord>& versions, const Tearsheet& sheet);
    void showHistoryError(const Error& error);
    void clear();

    QString strategyId() const { return m_strategyId; }
    QString title() const;
    /// The strategy's problems as shown, one per line; empty when there are none.
    QStringList problems() const { return m_problems; }
    QTabWidget* tabs() const;
    QTreeWidget* parameterTable() const;
    QTreeWidget* componentTable() const;
    QTreeWidget* versionTable() const;
    QTreeWidget* performanceTable() const;
    QPlainTextEdit* configurationText() const;
    QPushButton* tearsheetButton() const;
    QPushButton* compareButton() const;
    /// "Family…": the strategy and its descendants, parameters against results.
    QPushButton* familyButton() const { return m_familyButton; }

    /// The column of versionTable() that marks a major version ("major"), and the row's font is bold.
    static constexpr int majorColumn = 2;

Q_SIGNALS:
    void tearsheetRequested(const QString& strategyId);
    void compareRequested(const QString& strategyId);
    void familyRequested(const QString& strategyId);

private:
    void showChanges(const LineageGraph& graph, int index);
    void showConfiguration(const StrategyRecord& strategy);
    void showStoredPerformance(const StrategyRecord& strategy);
    void showProblems();

    std::unique_ptr<Ui::StrategyDetails> m_ui;
    QString m_strategyId;
    QStringList m_rowProblems; ///< the registry row's and the lineage's
    QStringList m_problems;
    QPushButton* m_familyButton = nullptr;
};

} // namespace strata
