#include "explain/ExplainPanel.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "common/ErrorBanner.h"
#include "explain/ExplainJob.h"
#include "explain/PlanAdviceBook.h"
#include "explain/PlanStepLook.h"
#include "explain/PlanText.h"
#include "jobs/JobRunner.h"
#include "theme/Theme.h"

namespace strata {

namespace {

constexpr int kNodeRole = Qt::UserRole;     ///< the plan node's index, -1 for a fold
constexpr int kFoldRole = Qt::UserRole + 1; ///< a fold's nodes (QVariantList of int)

} // namespace

ExplainPanel::ExplainPanel(ConnectionUrl url, QWidget* parent)
    : QWidget(parent), m_url(std::move(url)), m_status(new QLabel(this)),
      m_cancel(new QPushButton(tr("Cancel"), this)), m_copy(new QPushButton(tr("Copy plan"), this)),
      m_banner(new ErrorBanner(this)), m_tree(new QTreeWidget(this)), m_detail(new QTextBrowser(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 0);
    auto* top = new QHBoxLayout;
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    top->addWidget(m_status, 1);
    top->addWidget(m_cancel);
    m_cancel->hide();
    m_copy->setToolTip(tr("Put the plan on the clipboard as indented text, with its figures and advice, "
                          "for a ticket or a chat"));
    m_copy->setEnabled(false);
    top->addWidget(m_copy);
    layout->addLayout(top);
    layout->addWidget(m_banner);
    m_banner->hide();

    m_tree->setColumnCount(ColumnCount);
    m_tree->setHeaderLabels({tr("Step"), tr("Own time / cost"), tr("Rows"), tr("Table"), tr("Advice"),
                             tr("Buffers"), tr("Cost")});
    m_tree->setHeaderHidden(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(false);
    m_tree->setRootIsDecorated(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_tree->headerItem()->setToolTip(Own,
                                     tr("What the step did without the steps under it: its own time with "
                                        "ANALYZE, else its own estimated cost, and its share of the "
                                        "whole plan. Amber from 20%, red from 50%."));
    m_tree->headerItem()->setToolTip(Rows, tr("Rows the planner expected per loop, and with ANALYZE the rows "
                                              "each loop returned. Off by ten times or more is underlined."));
    m_tree->headerItem()->setToolTip(Buffers, tr("Shared buffers found in the cache (hit) and read from disk "
                                                 "(read), with ANALYZE."));

    m_detail->setOpenLinks(false);
    m_detail->setMinimumHeight(120);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_tree);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);
    layout->addWidget(split, 1);

    connect(m_cancel, &QPushButton::clicked, this, &ExplainPanel::cancel);
    connect(m_tree, &QTreeWidget::itemSelectionChanged, this, &ExplainPanel::showDetail);
    const auto unfoldFold = [this](QTreeWidgetItem* item) {
        if (item->data(Step, kNodeRole).toInt() < 0)
            unfold(item);
    };
    connect(m_tree, &QTreeWidget::itemClicked, this, unfoldFold);
    connect(m_tree, &QTreeWidget::itemActivated, this, unfoldFold); // Enter on a fold, as a click
    connect(m_copy, &QPushButton::clicked, this, &ExplainPanel::copyPlan);
    connect(&Theme::instance(), &Theme::changed, this, &ExplainPanel::restyle);
    m_status->setText(tr("Explain a statement to see its plan."));
    restyle();
}

ExplainPanel::~ExplainPanel() = default;

void ExplainPanel::explain(const QString& sql, bool analyze)
{
    if (m_runner && m_runner->isRunning())
        m_runner->cancel();
    auto job = std::make_unique<ExplainJob>(sql, analyze);
    m_job = job.get();
    m_runner = std::make_unique<JobRunner>(m_url, std::move(job), this);
    connect(m_runner.get(), &JobRunner::progressed, this,
            [this](qint64, qint64, const QString& stage) { m_status->setText(stage + QStringLiteral("…")); });
    connect(m_runner.get(), &JobRunner::finished, this, &ExplainPanel::onFinished);
    m_banner->hide();
    m_status->setText(analyze ? tr("Running the statement to time its plan (it will be rolled back)…")
                              : tr("Reading the plan…"));
    m_cancel->setEnabled(true);
    m_cancel->show();
    m_runner->start();
}

void ExplainPanel::cancel()
{
    if (!m_runner || !m_runner->isRunning())
        return;
    m_cancel->setEnabled(false);
    m_status->setText(tr("Cancelling…"));
    m_runner->cancel();
}

bool ExplainPanel::isRunning() const
{
    return m_runner && m_runner->isRunning();
}

void ExplainPanel::onFinished(bool ok, const Error& error)
{
    m_cancel->hide();
    if (!ok || !m_job || !m_job->plan()) {
        m_status->setText(tr("No plan."));
        m_banner->showError(error);
        m_banner->show();
        Q_EMIT explained(false);
        return;
    }
    showPlan(*m_job->plan(), m_job->advice());
    // The Schema tab reads it when it shows the table's indexes (TablePage, IndexAdviceContext::fromPlans).
    PlanAdviceBook::record(m_url.display(), m_advice);
    Q_EMIT explained(true);
    if (!m_advice.isEmpty())
        Q_EMIT adviceFound(m_advice);
}

void ExplainPanel::showPlan(const QueryPlan& plan, const QList<IndexAdvice>& advice)
{
    m_plan = plan;
    m_advice = advice;
    m_banner->hide();
    m_status->setText(summary());
    m_copy->setEnabled(true);
    fill();
}

QString ExplainPanel::summary() const
{
    if (!m_plan)
        return {};
    QStringList parts{m_plan->size() == 1 ? tr("1 step") : tr("%1 steps").arg(m_plan->size())};
    if (m_plan->planningMs >= 0)
        parts << tr("planning %1").arg(PlanText::milliseconds(m_plan->planningMs));
    if (m_plan->executionMs >= 0)
        parts << tr("execution %1").arg(PlanText::milliseconds(m_plan->executionMs));
    if (!m_advice.isEmpty())
        parts << (m_advice.size() == 1 ? tr("1 index advised")
                                       : tr("%1 indexes advised").arg(m_advice.size()));
    QString text = parts.join(QStringLiteral(" · "));
    if (!m_plan->note.isEmpty())
        text += QLatin1Char('\n') + m_plan->note;
    return text;
}

QString ExplainPanel::copyPlan()
{
    if (!m_plan)
        return {};
    const QString text = PlanText::tree(*m_plan, m_advice);
    QApplication::clipboard()->setText(text);
    return text;
}

QString ExplainPanel::statusText() const
{
    return m_banner->isVisibleTo(this) ? m_status->text() + QLatin1Char('\n') + m_banner->text()
                                       : m_status->text();
}

void ExplainPanel::fill()
{
    m_linkSelected = nullptr;
    m_tree->clear();
    m_items.clear();
    if (!m_plan)
        return;
    m_items.resize(m_plan->nodes.size(), nullptr);
    // SQLite reports no cost, estimate, time or buffers per step: no empty columns for them.
    const bool figures = m_plan->dialect == Dialect::Postgres;
    for (int c : {Own, Rows, Buffers, Cost})
        m_tree->setColumnHidden(c, !figures);
    // Buffers come with EXPLAIN ANALYZE only.
    const bool buffers = std::any_of(m_plan->nodes.cbegin(), m_plan->nodes.cend(), [](const PlanNode& node) {
        return node.sharedHit >= 0 || node.sharedRead >= 0;
    });
    m_tree->setColumnHidden(Buffers, !buffers);
    int budget = kFoldAfter;
    addNodes(m_tree->invisibleRootItem(), m_plan->roots, budget);
    m_tree->expandAll();
    fitColumns();
    if (!m_plan->nodes.isEmpty() && m_items.value(0))
        m_tree->setCurrentItem(m_items.value(0));
}

void ExplainPanel::fitColumns()
{
    // Each column as wide as what it shows, the steps' titles at most a third of the view.
    // Hidden columns (SQLite's figures) are left alone: sizing them would widen the tree for nothing.
    for (int c = 0; c < ColumnCount; ++c)
        if (!m_tree->isColumnHidden(c))
            m_tree->resizeColumnToContents(c);
    const int steps = std::max(220, m_tree->viewport()->width() / 3);
    if (m_tree->columnWidth(Step) > steps)
        m_tree->setColumnWidth(Step, steps);
    for (int c = Own; c < ColumnCount; ++c)
        if (!m_tree->isColumnHidden(c))
            m_tree->setColumnWidth(c, m_tree->columnWidth(c) + 12);
    m_adviceWidth = m_tree->columnWidth(Advice);
    fitAdvice();
}

void ExplainPanel::fitAdvice()
{
    // The advice takes the room the other columns leave (the tree scrolls only when they need more).
    int others = 0;
    for (int c = 0; c < ColumnCount; ++c)
        if (c != Advice && !m_tree->isColumnHidden(c))
            others += m_tree->columnWidth(c);
    m_tree->setColumnWidth(Advice, std::max(m_adviceWidth, m_tree->viewport()->width() - others));
}

void ExplainPanel::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    fitAdvice();
}

void ExplainPanel::addNodes(QTreeWidgetItem* parent, const QList<int>& nodes, int& budget)
{
    for (qsizetype i = 0; i < nodes.size(); ++i) {
        if (budget <= 0) {
            addFold(parent, nodes.mid(i));
            return;
        }
        --budget;
        QTreeWidgetItem* item = addNode(parent, nodes.at(i));
        addNodes(item, m_plan->nodes.at(nodes.at(i)).children, budget);
    }
}

QTreeWidgetItem* ExplainPanel::addNode(QTreeWidgetItem* parent, int index)
{
    const PlanNode& node = m_plan->nodes.at(index);
    auto* item = new QTreeWidgetItem(parent);
    m_items[index] = item;
    item->setData(Step, kNodeRole, index);
    item->setText(Step, node.title());
    item->setToolTip(Step, node.title());
    item->setText(Own, PlanText::own(node));
    item->setText(Rows, PlanText::rows(node));
    item->setText(Cost, PlanText::cost(node));
    item->setText(Buffers, PlanText::buffers(node));
    item->setTextAlignment(Own, Qt::AlignRight | Qt::AlignVCenter);
    if (node.advice >= 0 && node.advice < m_advice.size()) {
        const IndexAdvice& advice = m_advice.at(node.advice);
        item->setText(
            Advice,
            tr("Index on %1 (%2) would help").arg(advice.table, advice.columns.join(QStringLiteral(", "))));
        item->setToolTip(Advice, advice.message + QStringLiteral("\n\n") + advice.sql);
    }
    if (!node.table.isEmpty()) {
        auto* link = new QPushButton(tr("Index map of %1").arg(node.table), m_tree);
        link->setFlat(true);
        QFont font = link->font();
        font.setUnderline(true);
        link->setFont(font);
        link->setCursor(Qt::PointingHandCursor);
        link->setObjectName(QStringLiteral("indexMapLink"));
        link->setToolTip(tr("Open the indexes of %1 in the Schema tab").arg(node.table));
        const QString schema = node.schema.isEmpty() ? QStringLiteral("main") : node.schema;
        const QString table = node.table;
        connect(link, &QPushButton::clicked, this,
                [this, schema, table] { Q_EMIT tableRequested(schema, table); });
        m_tree->setItemWidget(item, Table, link);
    }
    styleItem(item, index);
    return item;
}

void ExplainPanel::addFold(QTreeWidgetItem* parent, const QList<int>& rest)
{
    int hidden = 0;
    QVariantList nodes;
    nodes.reserve(rest.size());
    for (int node : rest) {
        hidden += 1 + m_plan->descendants(node);
        nodes << node;
    }
    auto* fold = new QTreeWidgetItem(parent);
    fold->setData(Step, kNodeRole, -1);
    fold->setData(Step, kFoldRole, nodes);
    fold->setText(Step, hidden == 1 ? tr("1 more step: click to show")
                                    : tr("%1 more steps: click to show").arg(hidden));
    fold->setToolTip(Step, tr("The plan is too large to draw at once; its further steps are folded here."));
    fold->setFirstColumnSpanned(true);
    styleItem(fold, -1);
}

void ExplainPanel::unfold(QTreeWidgetItem* fold)
{
    if (!fold || !m_plan || fold->data(Step, kNodeRole).toInt() >= 0)
        return;
    QList<int> nodes;
    for (const QVariant& v : fold->data(Step, kFoldRole).toList())
        nodes << v.toInt();
    QTreeWidgetItem* parent = fold->parent() ? fold->parent() : m_tree->invisibleRootItem();
    delete fold;
    int budget = kFoldAfter;
    addNodes(parent, nodes, budget);
    parent->setExpanded(true);
    for (int i = 0; i < parent->childCount(); ++i)
        parent->child(i)->setExpanded(true);
    m_tree->expandAll();
}

QList<QTreeWidgetItem*> ExplainPanel::folds() const
{
    QList<QTreeWidgetItem*> found;
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it)
        if ((*it)->data(Step, kNodeRole).toInt() < 0)
            found << *it;
    return found;
}

QTreeWidgetItem* ExplainPanel::itemOf(int node) const
{
    return m_items.value(node);
}

QPushButton* ExplainPanel::indexMapButton(const QString& table) const
{
    if (!m_plan)
        return nullptr;
    for (qsizetype i = 0; i < m_items.size(); ++i)
        if (m_items.at(i) && m_plan->nodes.at(i).table.compare(table, Qt::CaseInsensitive) == 0)
            return qobject_cast<QPushButton*>(m_tree->itemWidget(m_items.at(i), Table));
    return nullptr;
}

void ExplainPanel::styleItem(QTreeWidgetItem* item, int index)
{
    if (index < 0) {
        QFont font = item->font(Step);
        font.setItalic(true);
        item->setFont(Step, font);
        item->setForeground(Step, PlanStepLook::linkColour());
        return;
    }
    const PlanNode& node = m_plan->nodes.at(index);
    const QColor background = PlanStepLook::expenseBackground(node.expense);
    for (int c = 0; c < ColumnCount; ++c) {
        item->setBackground(c, background.isValid() ? QBrush(background) : QBrush());
        item->setForeground(c, QBrush()); // the view's own text colour, which follows the theme
    }
    if (node.expense != PlanExpense::None) {
        QFont font = item->font(Own);
        font.setBold(true);
        item->setFont(Own, font);
        item->setToolTip(Own, node.expense == PlanExpense::High
                                  ? tr("Half or more of the plan's work is done in this step.")
                                  : (m_plan->dialect == Dialect::Sqlite
                                         ? tr("SQLite reads a whole table or builds a temporary B-tree here.")
                                         : tr("A fifth or more of the plan's work is done in this step.")));
    }
    if (PlanStepLook::misestimated(node)) {
        QFont font = item->font(Rows);
        font.setUnderline(true);
        item->setFont(Rows, font);
        item->setToolTip(Rows, tr("The planner expected %1 rows and got %2: its statistics may be stale "
                                  "(ANALYZE the table).")
                                   .arg(PlanText::count(node.planRows), PlanText::count(node.actualRows)));
    }
    if (node.advice >= 0)
        item->setForeground(Advice, PlanStepLook::adviceColour());
    styleLink(item);
}

void ExplainPanel::styleLink(QTreeWidgetItem* item)
{
    auto* link = qobject_cast<QPushButton*>(m_tree->itemWidget(item, Table));
    if (!link)
        return;
    // On the selected row the link takes the selection's text colour: blue on the selection's blue is lost.
    // A palette, not a style sheet per button: two hundred style sheets cost the GUI thread 100 ms.
    const QColor colour = item->isSelected() ? QApplication::palette().color(QPalette::HighlightedText)
                                             : PlanStepLook::linkColour();
    QPalette palette = link->palette();
    palette.setColor(QPalette::ButtonText, colour);
    link->setPalette(palette);
}

void ExplainPanel::restyle()
{
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it)
        styleItem(*it, (*it)->data(Step, kNodeRole).toInt());
    showDetail();
}

void ExplainPanel::showDetail()
{
    for (QTreeWidgetItem* item : m_tree->selectedItems())
        styleLink(item);
    if (m_linkSelected && !m_linkSelected->isSelected())
        styleLink(m_linkSelected);
    m_linkSelected = m_tree->selectedItems().value(0);
    QTreeWidgetItem* item = m_tree->currentItem();
    const int index = item ? item->data(Step, kNodeRole).toInt() : -1;
    if (!m_plan || index < 0) {
        m_detail->setHtml(m_plan ? tr("<p>Select a step to see what it filters and looks up by.</p>")
                                 : QString());
        return;
    }
    m_detail->setHtml(PlanStepLook::detailHtml(m_plan->nodes.at(index), m_advice));
}

QString ExplainPanel::detailText() const
{
    return m_detail->toPlainText();
}

} // namespace strata
