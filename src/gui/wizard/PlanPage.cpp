#include "wizard/PlanPage.h"

#include <QCheckBox>
#include <QHeaderView>
#include <QPushButton>
#include <QTreeWidgetItemIterator>

#include "common/Counted.h"
#include "common/LiteralText.h"
#include "common/SqlHighlighter.h"
#include "jobs/RunSession.h"
#include "review/FindingDetails.h"
#include "review/FindingItems.h"
#include "theme/Theme.h"
#include "ui_PlanPage.h"

namespace strata {

namespace {

enum Column { StepColumn, ReviewColumn, CopyColumn }; // the step's label names its file
enum Role { SqlRole = Qt::UserRole, SlotRole = Qt::UserRole + 2, RehearsalRole = Qt::UserRole + 3 };

/// What a rehearsal row under a step says (its RehearsalRole), and the colour it is drawn in.
enum RehearsalRow { NotRehearsal = 0, RanOnTheCopy = 1, FailedOnTheCopy = 2 };

QColor rehearsalColour(int row)
{
    return Theme::readable(row == RanOnTheCopy ? QColor(0x1b, 0x5e, 0x20) : QColor(0xb7, 0x1c, 0x1c));
}

const StepReview* reviewOf(const std::optional<ReviewReport>& report, const QString& slot)
{
    if (!report)
        return nullptr;
    for (const auto& s : report->steps)
        if (s.step.slot() == slot)
            return &s;
    return nullptr;
}

} // namespace

PlanPage::PlanPage(RunSession& session, QWidget* parent)
    : QWizardPage(parent), m_session(session), m_ui(std::make_unique<Ui::PlanPage>())
{
    m_ui->setupUi(this);
    setTitle(tr("Plan"));
    setSubTitle(
        tr("The steps that will run, in this order, each in its own transaction with its history row, "
           "and what the review found in each. Tick the optional phases you want."));
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("&Apply >"));
    new SqlHighlighter(m_ui->sql->document());
    m_ui->splitter->setSizes({700, 380});
    m_ui->detailsSplitter->setSizes({150, 350});
    m_ui->steps->header()->setStretchLastSection(true);
    m_ui->rehearsalProgress->hide();
    m_ui->cancelRehearsal->hide();
    connect(&m_session, &RunSession::planned, this, &PlanPage::onPlanned);
    connect(&m_session, &RunSession::reviewed, this, &PlanPage::onReviewed);
    connect(&m_session, &RunSession::progressed, this, &PlanPage::onRehearsalProgress);
    connect(&m_session, &RunSession::phaseDone, this,
            [this](const QString& phase, bool ok, const Error& error) {
                if (phase == QLatin1String("rehearsal") && m_rehearsing)
                    onRehearsalDone(ok, error);
            });
    connect(m_ui->steps, &QTreeWidget::currentItemChanged, this, &PlanPage::showDetails);
    connect(&Theme::instance(), &Theme::changed, this, &PlanPage::restyleRehearsal);
    connect(m_ui->rehearse, &QCheckBox::toggled, this, [this](bool on) {
        if (on)
            startRehearsal();
    });
    connect(m_ui->cancelRehearsal, &QPushButton::clicked, this, [this] {
        m_ui->cancelRehearsal->setEnabled(false);
        m_ui->cancelRehearsal->setText(tr("Cancelling…"));
        m_session.cancel();
    });
}

PlanPage::~PlanPage() = default;

bool PlanPage::isComplete() const
{
    return !m_replanning && !m_reviewing && m_reviewed && !m_blocked && !m_rehearsing && !m_rehearsalFailed &&
           m_session.plan() && !m_session.plan()->steps.isEmpty();
}

void PlanPage::initializePage()
{
    if (!m_session.plan())
        return;
    showPlan(*m_session.plan());
    startReview();
}

QStringList PlanPage::enabledOptions() const
{
    QStringList enabled;
    for (auto* box : m_ui->optionsBox->findChildren<QCheckBox*>())
        if (box->isChecked())
            enabled << box->objectName();
    return enabled;
}

QTreeWidgetItem* PlanPage::stepItem(const QString& slot) const
{
    for (int p = 0; p < m_ui->steps->topLevelItemCount(); ++p) {
        QTreeWidgetItem* phase = m_ui->steps->topLevelItem(p);
        for (int i = 0; i < phase->childCount(); ++i)
            if (phase->child(i)->data(StepColumn, SlotRole).toString() == slot)
                return phase->child(i);
    }
    return nullptr;
}

void PlanPage::fillOptions(const MigrationPlan& plan)
{
    QStringList options = plan.enabledOptions;
    for (const auto& s : plan.steps + plan.optionalOff)
        if (s.isOptional() && !options.contains(s.header.option))
            options << s.header.option;
    for (const QString& name : options) {
        QString text = name;
        QStringList steps;
        for (const auto& s : plan.steps + plan.optionalOff)
            if (s.header.option == name)
                steps << s.label();
        if (!steps.isEmpty())
            text += QStringLiteral(" — ") + steps.join(QStringLiteral(", "));
        auto* box = new QCheckBox(literalText(text), m_ui->optionsBox);
        box->setObjectName(name);
        box->setChecked(plan.enabledOptions.contains(name));
        m_ui->optionsLayout->addWidget(box);
        connect(box, &QCheckBox::toggled, this, &PlanPage::onOptionToggled);
    }
    m_ui->optionsBox->setVisible(!options.isEmpty());
    m_filled = true;
}

void PlanPage::showPlan(const MigrationPlan& plan)
{
    if (!m_filled)
        fillOptions(plan);
    m_ui->steps->clear();
    QTreeWidgetItem* phaseItem = nullptr;
    QString phase;
    for (const auto& step : plan.steps) {
        if (!phaseItem || step.phase() != phase) {
            phase = step.phase();
            phaseItem = new QTreeWidgetItem(m_ui->steps, {tr("Phase %1").arg(phase)});
            phaseItem->setExpanded(true);
        }
        auto* item = new QTreeWidgetItem(phaseItem, {step.label(), QString(), QString()});
        item->setData(StepColumn, SqlRole, QString::fromUtf8(step.forwardSql));
        item->setData(StepColumn, SlotRole, step.slot());
        if (!m_ui->steps->currentItem())
            m_ui->steps->setCurrentItem(item);
    }
    m_ui->steps->resizeColumnToContents(StepColumn);
    m_ui->steps->setColumnWidth(ReviewColumn, 150);
    m_ui->steps->setColumnWidth(CopyColumn, 90);
    m_ui->summary->setText(tr("%1 → v%2: %3 in %4.")
                               .arg(plan.versionLabel())
                               .arg(plan.targetVersion)
                               .arg(counted(plan.steps.size(), tr("step"), tr("steps")),
                                    counted(plan.phases().size(), tr("phase"), tr("phases"))));
}

void PlanPage::onOptionToggled()
{
    m_replanning = true;
    m_ui->optionsBox->setEnabled(false);
    m_ui->rehearse->setEnabled(false);
    Q_EMIT completeChanged();
    m_session.choose(enabledOptions());
}

void PlanPage::onPlanned(bool ok, const Error& error)
{
    if (!m_replanning)
        return;
    m_replanning = false;
    m_ui->optionsBox->setEnabled(true);
    m_ui->rehearse->setEnabled(true);
    if (ok) {
        m_ui->banner->clear();
        showPlan(*m_session.plan());
        startReview();
    } else {
        m_ui->banner->showError(error);
    }
    Q_EMIT completeChanged();
}

void PlanPage::startReview()
{
    m_reviewing = true;
    m_reviewed = false;
    m_blocked = false;
    m_ui->optionsBox->setEnabled(false);
    m_ui->rehearse->setEnabled(false);
    m_ui->reviewStatus->setText(
        tr("Reviewing the pending steps against the live database (locks, table sizes, sessions)…"));
    Q_EMIT completeChanged();
    m_session.review();
}

void PlanPage::onReviewed(bool ok, const Error& error)
{
    if (!m_reviewing)
        return;
    m_reviewing = false;
    m_ui->optionsBox->setEnabled(!m_rehearsing && !m_ui->rehearse->isChecked());
    m_ui->rehearse->setEnabled(!m_ui->rehearse->isChecked());
    if (ok) {
        m_reviewed = true;
        showReview(*m_session.lastReview());
    } else {
        m_ui->reviewStatus->setText(tr("The review could not run: Apply stays off."));
        m_ui->banner->showError(error);
    }
    Q_EMIT completeChanged();
}

void PlanPage::showReview(const ReviewReport& report)
{
    for (const auto& step : report.steps)
        if (QTreeWidgetItem* item = stepItem(step.step.slot())) {
            FindingItems::add(item, step, ReviewColumn);
            item->setExpanded(!step.findings.isEmpty());
        }
    QString status = tr("Review: %1.").arg(report.summary());
    if (!report.catalogProblem.isEmpty())
        status += tr(" The live sizes could not be read (%1): the review judged from the SQL alone.")
                      .arg(report.catalogProblem);
    m_ui->reviewStatus->setText(status);
    m_blocked = report.blocked();
    if (m_blocked)
        m_ui->banner->showError(Error::failed(
            FindingDetails::blockMessage(report),
            tr("No step has run: the database is as it was when the backup was taken."),
            tr("Change the step to the safe rewrite shown in its review, or accept the finding with "
               "\"-- strata:allow RULE reason\" in the step's file, then start the migration again.")));
    else
        m_ui->banner->clear();
    showDetails(m_ui->steps->currentItem());
}

void PlanPage::showDetails(QTreeWidgetItem* item)
{
    while (item && !item->data(StepColumn, SlotRole).isValid())
        item = item->parent();
    if (!item) {
        m_ui->sql->clear();
        m_ui->findings->clear();
        return;
    }
    m_ui->sql->setPlainText(item->data(StepColumn, SqlRole).toString());
    const StepReview* review = reviewOf(m_session.lastReview(), item->data(StepColumn, SlotRole).toString());
    QString html;
    if (const auto& rehearsal = m_session.report().rehearsal)
        for (const auto& step : rehearsal->up)
            if (step.slot == item->data(StepColumn, SlotRole).toString())
                html += tr("<p><b>On the copy</b>: %1</p>").arg(step.summary().toHtmlEscaped());
    if (m_reviewing)
        html += tr("<p>Reviewing…</p>");
    else if (review)
        html += FindingDetails::html(*review);
    m_ui->findings->setHtml(html);
}

void PlanPage::startRehearsal()
{
    m_rehearsing = true;
    m_ui->rehearse->setEnabled(false);
    m_ui->optionsBox->setEnabled(false);
    m_ui->rehearsalStatus->hide();
    m_ui->rehearsalProgress->setRange(0, 0);
    m_ui->rehearsalProgress->setFormat(tr("rehearsal: starting"));
    m_ui->rehearsalProgress->show();
    m_ui->cancelRehearsal->setText(tr("Cancel rehearsal"));
    m_ui->cancelRehearsal->setEnabled(true);
    m_ui->cancelRehearsal->show();
    Q_EMIT completeChanged();
    m_session.rehearse();
}

void PlanPage::onRehearsalProgress(qint64 done, qint64 total, const QString& stage)
{
    if (!m_rehearsing)
        return;
    if (total > 0) {
        m_ui->rehearsalProgress->setRange(0, 1000);
        m_ui->rehearsalProgress->setValue(int(std::min<qint64>(1000, done * 1000 / total)));
    } else {
        m_ui->rehearsalProgress->setRange(0, 0);
    }
    m_ui->rehearsalProgress->setFormat(stage);
}

void PlanPage::onRehearsalDone(bool ok, const Error& error)
{
    m_rehearsing = false;
    m_ui->rehearsalProgress->hide();
    m_ui->cancelRehearsal->hide();
    m_ui->rehearsalStatus->show();
    const auto& report = m_session.report().rehearsal;
    if (report)
        showRehearsal(*report);
    showDetails(m_ui->steps->currentItem());
    if (ok && report) {
        qint64 heldMs = 0;
        for (const auto& step : report->up)
            heldMs += std::max(step.transactionMs, step.durationMs);
        const QString rollbacks =
            report->withoutRollback.isEmpty()
                ? tr("every rollback ran, then the steps again")
                : tr("the rollbacks ran back to %1, which has no rollback script, then the steps again")
                      .arg(report->withoutRollback.join(QStringLiteral(", ")));
        m_ui->rehearsalStatus->setText(tr("Rehearsed on %1 (%2 rows): the steps held it for %3 in all; %4.")
                                           .arg(report->copy, RehearsedStep::rowCount(report->copyRows),
                                                RehearsedStep::duration(heldMs), rollbacks));
    } else {
        m_rehearsalFailed = true;
        m_ui->rehearsalStatus->setText(tr("The rehearsal failed: the live database was not touched."));
        m_ui->banner->showError(error);
    }
    Q_EMIT completeChanged();
}

void PlanPage::showRehearsal(const RehearsalReport& report)
{
    for (const auto& step : report.up) {
        QTreeWidgetItem* item = stepItem(step.slot);
        if (!item)
            continue;
        // The time it holds the copy, from BEGIN to COMMIT: its locks last that long (its own statements'
        // time alone is in the tooltip).
        const qint64 heldMs = std::max(step.transactionMs, step.durationMs);
        item->setText(CopyColumn, step.ran ? RehearsedStep::duration(heldMs) : tr("not run"));
        item->setToolTip(CopyColumn, tr("%1\nits statements: %2; from BEGIN to COMMIT: %3")
                                         .arg(step.summary(), RehearsedStep::duration(step.durationMs),
                                              RehearsedStep::duration(step.transactionMs)));
        for (int i = item->childCount() - 1; i >= 0; --i)
            if (item->child(i)->data(StepColumn, RehearsalRole).toBool())
                delete item->takeChild(i);
        auto* row = new QTreeWidgetItem(
            {step.succeeded ? tr("ON THE COPY  %1").arg(step.summary())
                            : tr("FAILED ON THE COPY  %1: %2").arg(step.summary(), step.error)});
        const int said = step.succeeded ? RanOnTheCopy : FailedOnTheCopy;
        row->setData(StepColumn, RehearsalRole, said);
        row->setToolTip(StepColumn, step.summary());
        row->setForeground(StepColumn, rehearsalColour(said));
        item->insertChild(0, row);
        row->setFirstColumnSpanned(true);
        item->setExpanded(true);
    }
}

void PlanPage::restyleRehearsal()
{
    for (QTreeWidgetItemIterator it(m_ui->steps); *it; ++it)
        if (const int said = (*it)->data(StepColumn, RehearsalRole).toInt(); said != NotRehearsal)
            (*it)->setForeground(StepColumn, rehearsalColour(said));
}

} // namespace strata
