#pragma once

#include <memory>
#include <optional>

#include <QList>
#include <QWidget>

#include "connection/ConnectionUrl.h"
#include "explain/QueryPlan.h"
#include "schema/IndexAdvice.h"

class QLabel;
class QPushButton;
class QTextBrowser;
class QTreeWidget;
class QTreeWidgetItem;

namespace strata {

class ErrorBanner;
class JobRunner;
class ExplainJob;

/// A statement's plan drawn as a tree: one row per plan node with its cost, rows estimated against actual,
/// time and buffers, the expensive nodes marked in amber and red, a link from a node that reads a table to
/// that table's index map, and beside a full scan the index that would help. A plan of more than
/// kFoldAfter nodes shows its first nodes and folds the rest into "N more nodes" rows that unfold on a
/// click. The plan is read on a worker with a connection of its own, cancellable; EXPLAIN ANALYZE runs
/// inside a transaction that is rolled back.
class ExplainPanel : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kFoldAfter = 200;
    /// The tree's columns. The link to the index map and the advice come right after the figures read
    /// first, so they stay in sight on a 1024-pixel screen; buffers and cost follow.
    enum Column { Step, Own, Rows, Table, Advice, Buffers, Cost, ColumnCount };

    explicit ExplainPanel(ConnectionUrl url, QWidget* parent = nullptr);
    ~ExplainPanel() override;

    /// Reads the plan of `sql` (one statement) on a worker; `analyze` also runs it, rolled back.
    void explain(const QString& sql, bool analyze);
    /// Stops the plan being read (the statement is interrupted; nothing is left changed).
    void cancel();
    bool isRunning() const;

    /// Shows a plan read elsewhere (the CLI's JSON, a test).
    void showPlan(const QueryPlan& plan, const QList<IndexAdvice>& advice = {});
    const std::optional<QueryPlan>& plan() const { return m_plan; }
    /// The advice the plan gave (an index that would help a full scan), as the Schema tab lists it.
    const QList<IndexAdvice>& advice() const { return m_advice; }

    QTreeWidget* tree() const { return m_tree; }
    /// Puts the plan on the clipboard as indented text (PlanText::tree)
    /// and returns it; empty when no plan is shown.
    QString copyPlan();
    /// The line above the tree: what is running, how long the plan took, or what went wrong.
    QString statusText() const;
    /// The "Index map of <table>" button of the first node that reads `table`; nullptr when none is shown.
    QPushButton* indexMapButton(const QString& table) const;
    /// The tree row of plan node `node` (nullptr while it is folded away).
    QTreeWidgetItem* itemOf(int node) const;
    /// The "N more nodes" rows the tree shows now.
    QList<QTreeWidgetItem*> folds() const;
    /// Shows the nodes a "N more nodes" row stands for (a click on it does the same).
    void unfold(QTreeWidgetItem* fold);
    /// What the pane under the tree says of the selected node (its conditions, its advice).
    QString detailText() const;
    ErrorBanner* banner() const { return m_banner; }

Q_SIGNALS:
    /// Open the index map of this table (a node that reads it was followed).
    void tableRequested(const QString& schema, const QString& table);
    /// The plan arrived (`ok`) or could not be read (statusText() says why).
    void explained(bool ok);
    /// The plan advised indexes (for the Schema tab's advice of those tables).
    void adviceFound(const QList<strata::IndexAdvice>& advice);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void fitAdvice();
    void onFinished(bool ok, const Error& error);
    void fill();
    void addNodes(QTreeWidgetItem* parent, const QList<int>& nodes, int& budget);
    QTreeWidgetItem* addNode(QTreeWidgetItem* parent, int node);
    void addFold(QTreeWidgetItem* parent, const QList<int>& rest);
    void showDetail();
    void restyle();
    void styleItem(QTreeWidgetItem* item, int node);
    void styleLink(QTreeWidgetItem* item);
    void fitColumns();
    QString summary() const;

    ConnectionUrl m_url;
    std::optional<QueryPlan> m_plan;
    QList<IndexAdvice> m_advice;
    QLabel* m_status;
    QPushButton* m_cancel;
    QPushButton* m_copy;
    ErrorBanner* m_banner;
    QTreeWidget* m_tree;
    QTextBrowser* m_detail;
    std::unique_ptr<JobRunner> m_runner;
    ExplainJob* m_job = nullptr;               ///< owned by m_runner
    QList<QTreeWidgetItem*> m_items;           ///< by plan node; nullptr while folded
    int m_adviceWidth = 0;                     ///< what the advice column's text needs
    QTreeWidgetItem* m_linkSelected = nullptr; ///< the row whose link wears the selection's colour
};

} // namespace strata
