#include "wizard/PlanPage.h"

#include <QCheckBox>

#include "common/Counted.h"
#include "common/SqlHighlighter.h"
#include "jobs/RunSession.h"
#include "ui_PlanPage.h"

namespace strata {

PlanPage::PlanPage(RunSession& session, QWidget* parent)
    : QWizardPage(parent), m_session(session), m_ui(std::make_unique<Ui::PlanPage>())
{
    m_ui->setupUi(this);
    setTitle(tr("Plan"));
    setSubTitle(
        tr("The steps that will run, in this order, each in its own transaction with its history row. "
           "Tick the optional phases you want."));
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("&Apply >"));
    new SqlHighlighter(m_ui->sql->document());
    m_ui->splitter->setSizes({360, 520});
    connect(&m_session, &RunSession::planned, this, &PlanPage::onPlanned);
    connect(m_ui->steps, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        m_ui->sql->setPlainText(item ? item->data(0, Qt::UserRole).toString() : QString());
    });
}

PlanPage::~PlanPage() = default;

bool PlanPage::isComplete() const
{
    return !m_replanning && m_session.plan() && !m_session.plan()->steps.isEmpty();
}

void PlanPage::initializePage()
{
    if (m_session.plan())
        showPlan(*m_session.plan());
}

QStringList PlanPage::enabledOptions() const
{
    QStringList enabled;
    for (auto* box : m_ui->optionsBox->findChildren<QCheckBox*>())
        if (box->isChecked())
            enabled << box->objectName();
    return enabled;
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
        auto* box = new QCheckBox(text, m_ui->optionsBox);
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
        auto* item = new QTreeWidgetItem(phaseItem, {step.label(), step.forwardPath});
        item->setData(0, Qt::UserRole, QString::fromUtf8(step.forwardSql));
        if (!m_ui->steps->currentItem())
            m_ui->steps->setCurrentItem(item);
    }
    m_ui->steps->resizeColumnToContents(0);
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
    Q_EMIT completeChanged();
    m_session.choose(enabledOptions());
}

void PlanPage::onPlanned(bool ok, const Error& error)
{
    if (!m_replanning)
        return;
    m_replanning = false;
    m_ui->optionsBox->setEnabled(true);
    if (ok) {
        m_ui->banner->clear();
        showPlan(*m_session.plan());
    } else {
        m_ui->banner->showError(error);
    }
    Q_EMIT completeChanged();
}

} // namespace strata
