#include "strategy/StrategyDetails.h"

#include <QFontDatabase>
#include <QJsonObject>

#include "strategy/ChartStyle.h"
#include "strategy/ConfigDiff.h"
#include "theme/Theme.h"
#include "ui_StrategyDetails.h"

namespace strata {

namespace {

const QColor problemColour(0xc6, 0x28, 0x28);

/// The box of a strategy's problems: pale red with dark red text, or deep red with light text on dark.
QString problemBoxStyle()
{
    return Theme::isDark() ? QStringLiteral("QLabel { background: #3d2424; border: 1px solid #ef6f6c; "
                                            "border-radius: 3px; padding: 4px; color: #f6d6d4; }")
                           : QStringLiteral("QLabel { background: #fdecea; border: 1px solid #c62828; "
                                            "border-radius: 3px; padding: 4px; color: #8e1c1c; }");
}

/// A stored figure as an operator reads it: fractions as percentages, ratios with two decimals.
QString figure(const QString& key, const QJsonValue& value)
{
    static const QStringList fractions = {QStringLiteral("total_return"), QStringLiteral("max_drawdown"),
                                          QStringLiteral("volatility"), QStringLiteral("win_rate")};
    if (value.isDouble() && fractions.contains(key))
        return chartstyle::percent(value.toDouble(), 2);
    if (value.isDouble() && key.contains(QLatin1String("sharpe")))
        return chartstyle::ratio(value.toDouble());
    return value.isString() ? value.toString() : ConfigDiff::text(value);
}

void markProblem(QTreeWidgetItem* item)
{
    for (int c = 0; c < item->columnCount(); ++c)
        item->setForeground(c, Theme::readable(problemColour));
}

/// A top-level group of `tree` filled from a JSON column: one row per key, or the column's problem.
void addJsonGroup(QTreeWidget* tree, const QString& caption, const JsonField& field)
{
    auto* group = new QTreeWidgetItem(tree, {caption});
    QFont bold = group->font(0);
    bold.setBold(true);
    group->setFont(0, bold);
    if (!field.error.isEmpty()) {
        markProblem(new QTreeWidgetItem(group, {QStringLiteral("⚠ not valid JSON"), field.raw}));
    } else if (field.value.isUndefined() || field.value.isNull()) {
        new QTreeWidgetItem(group, {QStringLiteral("(NULL)")});
    } else if (!field.value.isObject()) {
        markProblem(new QTreeWidgetItem(
            group, {QStringLiteral("⚠ not a JSON object"), ConfigDiff::text(field.value)}));
    } else {
        const QJsonObject object = field.value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            new QTreeWidgetItem(group, {it.key(), figure(it.key(), it.value())});
    }
    group->setExpanded(true);
}

} // namespace

StrategyDetails::StrategyDetails(QWidget* parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::StrategyDetails>())
{
    m_ui->setupUi(this);
    connect(&Theme::instance(), &Theme::changed, this,
            [this] { m_ui->problems->setStyleSheet(problemBoxStyle()); });
    QFont big = m_ui->title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_ui->title->setFont(big);
    m_ui->configuration->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    connect(m_ui->tearsheetButton, &QPushButton::clicked, this,
            [this] { Q_EMIT tearsheetRequested(m_strategyId); });
    connect(m_ui->compareButton, &QPushButton::clicked, this,
            [this] { Q_EMIT compareRequested(m_strategyId); });
    // Beside the tearsheet and the comparison, before the stretch that ends the row.
    m_familyButton = new QPushButton(tr("Family…"), this);
    m_familyButton->setToolTip(tr("The strategy and its descendants: parameters against results, attribution "
                                  "over generations"));
    m_ui->buttonsLayout->insertWidget(m_ui->buttonsLayout->indexOf(m_ui->compareButton) + 1, m_familyButton);
    connect(m_familyButton, &QPushButton::clicked, this, [this] { Q_EMIT familyRequested(m_strategyId); });
    clear();
}

StrategyDetails::~StrategyDetails() = default;

void StrategyDetails::clear()
{
    m_strategyId.clear();
    m_rowProblems.clear();
    m_problems.clear();
    m_ui->title->setText(tr("No strategy selected"));
    m_ui->subtitle->setText(tr("Click a strategy in the lineage to see its changes, versions, configuration "
                               "and performance."));
    m_ui->description->clear();
    m_ui->problems->hide();
    m_ui->changesNote->clear();
    m_ui->parameterChanges->clear();
    m_ui->componentChanges->clear();
    m_ui->versions->clear();
    m_ui->configuration->clear();
    m_ui->performance->clear();
    m_ui->tearsheetButton->setEnabled(false);
    m_ui->compareButton->setEnabled(false);
    m_familyButton->setEnabled(false);
}

void StrategyDetails::showStrategy(const LineageGraph& graph, int index)
{
    clear();
    if (index < 0 || index >= graph.strategies().size())
        return;
    const StrategyRecord& s = graph.strategies().at(index);
    m_strategyId = s.strategyId;
    m_ui->title->setText(s.name);
    QStringList facts{s.strategyId, QStringLiteral("v") + s.version,
                      s.status ? strategyStatusName(*s.status)
                               : tr("status \"%1\" (not a strategystatus value)").arg(s.statusText)};
    if (!s.branchName.isEmpty())
        facts << tr("branch %1").arg(s.branchName);
    if (s.createdAt.isValid())
        facts << tr("created %1").arg(s.createdAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")));
    if (!s.createdBy.isEmpty())
        facts << tr("by %1").arg(s.createdBy);
    m_ui->subtitle->setText(facts.join(QStringLiteral(" · ")));
    m_ui->description->setText(s.description);
    m_ui->description->setVisible(!s.description.isEmpty());

    m_rowProblems = s.problems;
    for (const LineageEdge& e : graph.edges())
        if (e.ancestorId == s.strategyId || e.descendantId == s.strategyId)
            for (const QString& p : e.problems)
                m_rowProblems
                    << tr("lineage row %1 (%2 → %3): %4").arg(e.id).arg(e.ancestorId, e.descendantId, p);
    m_rowProblems.removeDuplicates();
    m_problems = m_rowProblems;
    showProblems();
    showChanges(graph, index);
    showConfiguration(s);
    showStoredPerformance(s);
    m_ui->versions->clear();
    new QTreeWidgetItem(m_ui->versions, {tr("Reading the version history…")});
    m_ui->tearsheetButton->setEnabled(true);
    m_ui->compareButton->setEnabled(true);
    m_familyButton->setEnabled(true);
}

void StrategyDetails::showChanges(const LineageGraph& graph, int index)
{
    const StrategyRecord& s = graph.strategies().at(index);
    // Its parent_id; without one, the first parent a link that closes no cycle gives (a merge's source).
    int parent = graph.indexOf(s.parentId);
    for (const LineageGraph::Link& link : graph.links())
        if (parent < 0 && link.child == index && !link.inCycle)
            parent = link.parent;
    if (parent < 0) {
        m_ui->changesNote->setText(s.parentId.isEmpty()
                                       ? tr("A root strategy: it has no parent to compare against.")
                                       : tr("Its parent %1 is not in strategy_registry: there is nothing to "
                                            "compare against.")
                                             .arg(s.parentId));
        return;
    }
    const StrategyRecord& p = graph.strategies().at(parent);
    const QList<ConfigDiff::Change> changes = ConfigDiff::parameters(p, s);
    QString note = tr("Against its parent %1 v%2 (%3): %4.")
                       .arg(p.name, p.version, p.strategyId,
                            changes.isEmpty()     ? tr("no parameter changed")
                            : changes.size() == 1 ? tr("1 parameter changed")
                                                  : tr("%1 parameters changed").arg(changes.size()));
    if (!s.mergeSource.isEmpty())
        note += QLatin1Char(' ') + tr("Merged with %1.").arg(s.mergeSource);
    if (!p.parameters.error.isEmpty() || !s.parameters.error.isEmpty())
        note += QLatin1Char(' ') + tr("⚠ The parameters cannot be compared: one of them is not valid JSON.");
    m_ui->changesNote->setText(note);
    for (const ConfigDiff::Change& c : changes)
        new QTreeWidgetItem(m_ui->parameterChanges, {c.key, c.before.isEmpty() ? tr("(absent)") : c.before,
                                                     c.after.isEmpty() ? tr("(removed)") : c.after});
    for (const ConfigDiff::Component& c : ConfigDiff::components(p, s)) {
        auto* row = new QTreeWidgetItem(
            m_ui->componentChanges, {c.name, !c.problem.isEmpty()  ? QStringLiteral("⚠ ") + c.problem
                                             : c.changed.isEmpty() ? tr("unchanged")
                                                                   : c.changed.join(QStringLiteral(", "))});
        if (!c.problem.isEmpty())
            markProblem(row);
    }
    for (QTreeWidget* tree : {m_ui->parameterChanges, m_ui->componentChanges})
        tree->resizeColumnToContents(0);
}

void StrategyDetails::showConfiguration(const StrategyRecord& s)
{
    const QList<std::pair<QString, const JsonField*>> columns = {
        {QStringLiteral("signal_generator_config"), &s.signalGeneratorConfig},
        {QStringLiteral("risk_manager_config"), &s.riskManagerConfig},
        {QStringLiteral("position_sizer_config"), &s.positionSizerConfig},
        {QStringLiteral("regime_detector_config"), &s.regimeDetectorConfig},
        {QStringLiteral("parameters"), &s.parameters},
        {QStringLiteral("tags"), &s.tags},
        {QStringLiteral("lineage_path"), &s.lineagePath}};
    QStringList text;
    for (const auto& [name, field] : columns)
        text << QStringLiteral("── %1 ──\n%2\n").arg(name, ConfigDiff::pretty(*field));
    text << tr("config_hash %1\ncomponent_hash %2").arg(s.configHash, s.componentHash);
    m_ui->configuration->setPlainText(text.join(QLatin1Char('\n')));
}

void StrategyDetails::showStoredPerformance(const StrategyRecord& s)
{
    m_ui->performance->clear();
    addJsonGroup(m_ui->performance, tr("Stored summary (performance_summary)"), s.performanceSummary);
    addJsonGroup(m_ui->performance, tr("Validation (validation_results)"), s.validationResults);
    m_ui->performance->resizeColumnToContents(0);
}

void StrategyDetails::showHistory(const QList<StrategyVersionRecord>& versions, const Tearsheet& sheet)
{
    m_ui->versions->clear();
    for (const StrategyVersionRecord& v : versions) {
        QString what = v.changes.value.toObject().value(QStringLiteral("summary")).toString();
        if (what.isEmpty())
            what = v.changes.error.isEmpty() ? ConfigDiff::text(v.changes.value) : v.changes.raw;
        for (const QString& p : v.problems)
            what += QStringLiteral("  ⚠ ") + p;
        auto* row = new QTreeWidgetItem(
            m_ui->versions, {v.version, v.createdAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                             v.isMajor ? tr("major") : QString(), what});
        row->setToolTip(3, what);
        if (v.isMajor)
            for (int c = 0; c < row->columnCount(); ++c) {
                QFont bold = row->font(c);
                bold.setBold(true);
                row->setFont(c, bold);
            }
        if (!v.problems.isEmpty())
            markProblem(row);
    }
    if (versions.isEmpty())
        new QTreeWidgetItem(m_ui->versions, {tr("No rows in strategy_versions for this strategy.")});
    for (int c = 0; c < 3; ++c)
        m_ui->versions->resizeColumnToContents(c);

    auto* computed = new QTreeWidgetItem(
        m_ui->performance, {tr("Computed from %1 daily performance rows").arg(sheet.time.size())});
    QFont bold = computed->font(0);
    bold.setBold(true);
    computed->setFont(0, bold);
    const QList<std::pair<QString, QString>> figures = {
        {tr("Total return"), chartstyle::percent(sheet.totalReturn, 2)},
        {tr("Annualised return"), chartstyle::percent(sheet.annualisedReturn, 2)},
        {tr("Annualised volatility"), chartstyle::percent(sheet.annualisedVolatility, 2)},
        {tr("Sharpe"), chartstyle::ratio(sheet.sharpe)},
        {tr("Max drawdown"), chartstyle::percent(sheet.maxDrawdown, 2)},
        {tr("Win rate"), chartstyle::percent(sheet.overallWinRate, 1)},
        {tr("Trades"), QString::number(sheet.totalTrades)}};
    for (const auto& [caption, value] : figures)
        new QTreeWidgetItem(computed, {caption, value});
    for (const QString& p : sheet.problems)
        markProblem(new QTreeWidgetItem(computed, {QStringLiteral("⚠ ") + tr("skipped or doubtful"), p}));
    computed->setExpanded(true);
    m_problems = m_rowProblems + sheet.problems;
    showProblems();
}

void StrategyDetails::showHistoryError(const Error& error)
{
    m_ui->versions->clear();
    markProblem(new QTreeWidgetItem(m_ui->versions, {tr("Not read"), QString(), QString(), error.what}));
}

void StrategyDetails::showProblems()
{
    QStringList lines;
    for (const QString& p : std::as_const(m_problems))
        lines << QStringLiteral("⚠ ") + p.toHtmlEscaped();
    m_ui->problems->setStyleSheet(problemBoxStyle());
    m_ui->problems->setText(lines.join(QStringLiteral("<br>")));
    m_ui->problems->setVisible(!lines.isEmpty());
}

QString StrategyDetails::title() const
{
    return m_ui->title->text();
}

QTabWidget* StrategyDetails::tabs() const
{
    return m_ui->tabs;
}

QTreeWidget* StrategyDetails::parameterTable() const
{
    return m_ui->parameterChanges;
}

QTreeWidget* StrategyDetails::componentTable() const
{
    return m_ui->componentChanges;
}

QTreeWidget* StrategyDetails::versionTable() const
{
    return m_ui->versions;
}

QTreeWidget* StrategyDetails::performanceTable() const
{
    return m_ui->performance;
}

QPlainTextEdit* StrategyDetails::configurationText() const
{
    return m_ui->configuration;
}

QPushButton* StrategyDetails::tearsheetButton() const
{
    return m_ui->tearsheetButton;
}

QPushButton* StrategyDetails::compareButton() const
{
    return m_ui->compareButton;
}

} // namespace strata
