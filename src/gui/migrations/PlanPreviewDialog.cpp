#include "migrations/PlanPreviewDialog.h"

#include <algorithm>

#include <QCheckBox>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHeaderView>
#include <QScreen>
#include <QTreeWidgetItemIterator>

#include "common/Counted.h"
#include "common/LiteralText.h"
#include "common/SqlHighlighter.h"
#include "jobs/JobRunner.h"
#include "jobs/ReviewJob.h"
#include "migrations/MigrationPlanner.h"
#include "review/FindingDetails.h"
#include "review/FindingItems.h"
#include "theme/Theme.h"
#include "ui_PlanPreviewDialog.h"

namespace strata {

namespace {

enum Role { SlotRole = Qt::UserRole, RunsRole = Qt::UserRole + 4, PhaseRole };
constexpr int ReviewColumn = 2;

QString stepSql(const MigrationStep& step, bool runs)
{
    const QString how =
        !runs       ? QStringLiteral("not run: option %1 is off").arg(step.header.option)
        : step.noOp ? QStringLiteral("runs nothing (recorded as applied)")
        : !step.noTransactionReason.isEmpty()
            ? QStringLiteral("outside a transaction (%1)").arg(step.noTransactionReason)
        : !step.transactional() ? QStringLiteral("outside a transaction")
        : step.ownTransaction
            ? QStringLiteral("in its own transaction (the file's BEGIN ... COMMIT, with its history row)")
            : QStringLiteral("in its own transaction");
    return QStringLiteral("-- %1, phase %2, %3\n").arg(step.label(), step.phase(), how) +
           QString::fromUtf8(step.forwardSql);
}

} // namespace

PlanPreviewDialog::PlanPreviewDialog(const DatabaseStatus& status, QWidget* parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::PlanPreviewDialog>()), m_status(status)
{
    m_ui->setupUi(this);
    setWindowTitle(tr("Plan for %1").arg(status.database));
    m_ui->sql->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    new SqlHighlighter(m_ui->sql->document());
    m_ui->steps->header()->setStretchLastSection(true);
    m_ui->splitter->setSizes({520, 420});
    m_ui->detailsSplitter->setSizes({260, 240});
    m_ui->reviewStatus->hide();
    // The review column and the details beside the steps, within the screen (a 1024x700 one included).
    const QScreen* screen = parent ? parent->screen() : QGuiApplication::primaryScreen();
    resize(windowSize(screen ? screen->availableGeometry().size() : QSize(1024, 700)));
    m_ui->findings->hide();
    addOptions();
    connect(m_ui->steps, &QTreeWidget::currentItemChanged, this, &PlanPreviewDialog::showSql);
    connect(m_ui->allSteps, &QCheckBox::toggled, this, &PlanPreviewDialog::showSql);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(&Theme::instance(), &Theme::changed, this, [this] {
        // The findings were coloured when added: added again in the theme's colours.
        if (m_review)
            for (const auto& step : m_review->steps)
                if (QTreeWidgetItem* item = stepItem(step.step.slot())) {
                    FindingItems::add(item, step, ReviewColumn);
                    item->setExpanded(true);
                }
        recolour();
    });
    replan();
}

QSize PlanPreviewDialog::windowSize(const QSize& available)
{
    // Room for the window's frame and the desktop's panels; on a large screen as much as the SQL and the
    // review read well in.
    constexpr int frame = 48;
    return {std::clamp(available.width() - frame, 600, 1500),
            std::clamp(available.height() - frame, 420, 940)};
}

void PlanPreviewDialog::recolour()
{
    // Steps that do not run are muted; the colour is the theme's (View > Theme switched while open).
    for (QTreeWidgetItemIterator it(m_ui->steps); *it; ++it)
        if ((*it)->data(0, RunsRole).isValid() && !(*it)->data(0, RunsRole).toBool())
            for (int c = 0; c < 4; ++c)
                (*it)->setForeground(c, Theme::readable(QColor(0x66, 0x66, 0x66)));
    m_ui->problems->setStyleSheet(
        QStringLiteral("color: %1;").arg(Theme::readable(QColor(0xc6, 0x28, 0x28)).name()));
    m_ui->reviewStatus->setStyleSheet(
        m_review && m_review->blocked()
            ? QStringLiteral("color: %1;").arg(Theme::readable(QColor(0xb7, 0x1c, 0x1c)).name())
            : QString());
}

PlanPreviewDialog::~PlanPreviewDialog()
{
    // Closing never waits on the database: a review still running ends on its own, then goes.
    if (m_reviewer && m_reviewer->isRunning()) {
        JobRunner* running = m_reviewer.release();
        running->setParent(nullptr);
        running->cancel();
        connect(running, &JobRunner::finished, running, &QObject::deleteLater);
    }
}

void PlanPreviewDialog::addOptions()
{
    QStringList names;
    for (const auto& o : m_status.set.manifest.options)
        names << o.name;
    for (const auto& s : m_status.set.stepsFor(m_status.plan.dialect))
        if (s.isOptional() && !names.contains(s.header.option))
            names << s.header.option;
    for (const QString& name : names) {
        const SetManifest::Option* option = m_status.set.manifest.option(name);
        auto* box = new QCheckBox(literalText(option && !option->description.isEmpty()
                                                  ? tr("%1 — %2").arg(name, option->description)
                                                  : name),
                                  m_ui->options);
        box->setObjectName(QStringLiteral("option_") + name);
        box->setProperty("option", name);
        box->setChecked(m_status.plan.enabledOptions.contains(name));
        connect(box, &QCheckBox::toggled, this, &PlanPreviewDialog::replan);
        m_ui->optionsLayout->addWidget(box);
    }
    m_ui->options->setVisible(!names.isEmpty());
}

QStringList PlanPreviewDialog::enabledOptions() const
{
    QStringList enabled;
    for (const auto* box : m_ui->options->findChildren<QCheckBox*>())
        if (box->isChecked())
            enabled << box->property("option").toString();
    return enabled;
}

void PlanPreviewDialog::replan()
{
    const QString selected =
        m_ui->steps->currentItem() ? m_ui->steps->currentItem()->data(0, SlotRole).toString() : QString();
    m_ui->steps->clear();
    auto plan = MigrationPlanner(m_status.set, m_status.plan.dialect, m_status.history, m_status.userTables)
                    .planUp({std::nullopt, enabledOptions()});
    if (!plan) {
        m_plan = {};
        m_ui->summary->setText(plan.error().toText());
        m_ui->problems->hide();
        showSql();
        return;
    }
    m_plan = *plan;
    QString text = m_plan.isEmpty() ? tr("Nothing to run: the database is at %1.").arg(m_plan.versionLabel())
                                    : tr("%1 → v%2: %3 in %4.")
                                          .arg(m_plan.versionLabel())
                                          .arg(m_plan.targetVersion)
                                          .arg(counted(m_plan.steps.size(), tr("step"), tr("steps")),
                                               counted(m_plan.phases().size(), tr("phase"), tr("phases")));
    if (m_plan.baselineRecognised)
        text +=
            tr(" First, the untracked database is recorded as v%1 (baseline).").arg(m_plan.baselineVersion);
    m_ui->summary->setText(text + tr(" Nothing runs from here: this is what a migrate would run."));
    QStringList problems;
    for (const auto& p : m_plan.problems)
        problems << QStringLiteral("• ") + p.message;
    m_ui->problems->setText(
        tr("A migrate refuses to run while these problems stand:\n%1").arg(problems.join(QLatin1Char('\n'))));
    m_ui->problems->setVisible(!problems.isEmpty());

    QList<MigrationStep> shown = m_plan.steps;
    shown += m_plan.optionalOff;
    QStringList phaseOrder = m_plan.phases();
    for (const auto& s : m_plan.optionalOff)
        if (!phaseOrder.contains(s.phase()))
            phaseOrder << s.phase();
    for (const QString& phase : phaseOrder) {
        auto* phaseItem = new QTreeWidgetItem(m_ui->steps, {phase});
        phaseItem->setData(0, PhaseRole, phase);
        phaseItem->setFirstColumnSpanned(true);
        QFont bold = phaseItem->font(0);
        bold.setBold(true);
        phaseItem->setFont(0, bold);
        for (const auto& d : m_status.set.manifest.phases)
            if (d.name == phase && !d.description.isEmpty())
                phaseItem->setText(0, QStringLiteral("%1 — %2").arg(phase, d.description));
        for (qsizetype i = 0; i < shown.size(); ++i) {
            const MigrationStep& s = shown.at(i);
            if (s.phase() != phase)
                continue;
            const bool runs = i < m_plan.steps.size();
            auto* item =
                new QTreeWidgetItem(phaseItem, {QStringLiteral("%1  %2").arg(s.slot(), s.name),
                                                runs ? tr("yes") : tr("off (%1)").arg(s.header.option),
                                                QString(), s.forwardPath});
            item->setData(0, SlotRole, s.slot());
            item->setData(0, RunsRole, runs);
            if (s.slot() == selected)
                m_ui->steps->setCurrentItem(item);
        }
    }
    m_ui->steps->expandAll();
    recolour();
    m_ui->steps->setColumnWidth(0, 170);
    m_ui->steps->setColumnWidth(1, 110);
    m_ui->steps->setColumnWidth(ReviewColumn, 130);
    showSql();
    startReview();
}

void PlanPreviewDialog::showSql()
{
    QStringList parts;
    if (m_ui->allSteps->isChecked()) {
        if (m_plan.baselineRecognised)
            parts << QStringLiteral(
                         "-- First, the untracked database is recorded as v%1 (baseline): no SQL.\n")
                         .arg(m_plan.baselineVersion);
        for (const auto& s : m_plan.steps)
            parts << stepSql(s, true);
        for (const auto& s : m_plan.optionalOff)
            parts << QStringLiteral("-- skipped: %1 (option %2 is off)\n").arg(s.label(), s.header.option);
    } else if (const QTreeWidgetItem* item = m_ui->steps->currentItem()) {
        if (!item->data(0, SlotRole).isValid() && item->parent()) // a finding's row: its step
            item = item->parent();
        const QString slot = item->data(0, SlotRole).toString();
        for (const auto& s : m_plan.steps + m_plan.optionalOff)
            if (s.slot() == slot)
                parts << stepSql(s, item->data(0, RunsRole).toBool());
    }
    m_ui->sql->setPlainText(parts.join(QLatin1Char('\n')));
    const QTreeWidgetItem* item = m_ui->steps->currentItem();
    if (item && !item->data(0, SlotRole).isValid() && item->parent())
        item = item->parent();
    const QString slot = item ? item->data(0, SlotRole).toString() : QString();
    m_ui->findings->clear();
    if (m_review)
        for (const auto& step : m_review->steps)
            if (step.step.slot() == slot)
                m_ui->findings->setHtml(FindingDetails::html(step));
}

void PlanPreviewDialog::reviewOn(const ConnectionUrl& url,
                                 std::optional<std::chrono::milliseconds> lockTimeout)
{
    m_url = url;
    m_lockTimeout = lockTimeout;
    m_ui->reviewStatus->show();
    m_ui->findings->show();
    startReview();
}

bool PlanPreviewDialog::isReviewing() const
{
    return m_reviewer && m_reviewer->isRunning();
}

void PlanPreviewDialog::startReview()
{
    if (!m_url)
        return;
    m_review.reset();
    if (m_plan.steps.isEmpty()) {
        m_ui->reviewStatus->setText(tr("Nothing to review: no step would run."));
        return;
    }
    if (isReviewing()) { // one review at a time; the newest plan is reviewed when it ends
        m_reviewAgain = true;
        return;
    }
    if (m_reviewer)
        m_reviewer.release()->deleteLater();
    auto job = std::make_unique<ReviewJob>(m_plan, m_lockTimeout);
    ReviewJob* review = job.get();
    m_reviewer = std::make_unique<JobRunner>(*m_url, std::move(job), this);
    m_ui->reviewStatus->setText(
        tr("Reviewing the steps against the live database (locks, table sizes, sessions)…"));
    connect(m_reviewer.get(), &JobRunner::finished, this, [this, review](bool ok, const Error& error) {
        if (m_reviewAgain) {
            m_reviewAgain = false;
            startReview();
            return;
        }
        if (ok)
            m_review = review->report();
        if (ok)
            showReview();
        else
            m_ui->reviewStatus->setText(tr("The review could not run: %1").arg(error.toText()));
        Q_EMIT reviewed(ok);
    });
    m_reviewer->start();
}

QTreeWidgetItem* PlanPreviewDialog::stepItem(const QString& slot) const
{
    for (QTreeWidgetItemIterator it(m_ui->steps); *it; ++it)
        if ((*it)->data(0, SlotRole).toString() == slot)
            return *it;
    return nullptr;
}

void PlanPreviewDialog::showReview()
{
    for (const auto& step : m_review->steps)
        if (QTreeWidgetItem* item = stepItem(step.step.slot())) {
            FindingItems::add(item, step, ReviewColumn);
            item->setExpanded(true);
        }
    QString status = tr("Review: %1.").arg(m_review->summary());
    const QString blocks = FindingDetails::blockMessage(*m_review);
    if (!blocks.isEmpty())
        status += QLatin1Char('\n') + blocks +
                  tr(" The migration wizard keeps Apply off until the step is changed to its safe rewrite or "
                     "the finding is allowed with \"-- strata:allow RULE reason\" in the step's file.");
    m_ui->reviewStatus->setText(status);
    recolour();
    showSql();
}

QString PlanPreviewDialog::reviewVerdict(const QString& slot) const
{
    const QTreeWidgetItem* item = stepItem(slot);
    return item ? item->text(ReviewColumn) : QString();
}

QStringList PlanPreviewDialog::plannedSteps() const
{
    QStringList planned;
    for (const auto& s : m_plan.steps)
        planned << s.slot();
    return planned;
}

QStringList PlanPreviewDialog::phases() const
{
    QStringList names;
    for (int i = 0; i < m_ui->steps->topLevelItemCount(); ++i)
        names << m_ui->steps->topLevelItem(i)->data(0, PhaseRole).toString();
    return names;
}

QString PlanPreviewDialog::summary() const
{
    return m_ui->summary->text();
}

QString PlanPreviewDialog::shownSql() const
{
    return m_ui->sql->toPlainText();
}

bool PlanPreviewDialog::setOptionEnabled(const QString& option, bool enabled)
{
    auto* box = m_ui->options->findChild<QCheckBox*>(QStringLiteral("option_") + option);
    if (!box)
        return false;
    box->setChecked(enabled);
    return true;
}

void PlanPreviewDialog::showEverySql(bool every)
{
    m_ui->allSteps->setChecked(every);
}

bool PlanPreviewDialog::selectStep(const QString& slot)
{
    for (QTreeWidgetItemIterator it(m_ui->steps); *it; ++it)
        if ((*it)->data(0, SlotRole).toString() == slot) {
            m_ui->steps->setCurrentItem(*it);
            return true;
        }
    return false;
}

} // namespace strata
