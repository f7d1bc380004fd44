#include "wizard/ApplyPage.h"

#include <QTime>
#include <QTimer>

#include "jobs/RunSession.h"
#include "ui_ApplyPage.h"

namespace strata {

ApplyPage::ApplyPage(RunSession& session, QWidget* parent)
    : RunPage(session, {QStringLiteral("apply"), QStringLiteral("schema")}, parent),
      m_ui(std::make_unique<Ui::ApplyPage>()), m_clock(new QTimer(this))
{
    m_ui->setupUi(this);
    setTitle(tr("Apply"));
    setSubTitle(tr("Each step runs in its own transaction together with its history row: a step is either "
                   "applied and recorded, or not at all."));
    setButtonText(QWizard::CommitButton, tr("&Verify >"));
    m_ui->restoreOffer->setSession(session);
    m_clock->setInterval(100);
    connect(m_clock, &QTimer::timeout, this, [this] {
        m_ui->elapsed->setText(tr("Elapsed: %1 s").arg(double(elapsedMs()) / 1000.0, 0, 'f', 1));
    });
    connect(m_ui->stopAfterStep, &QPushButton::clicked, this, &ApplyPage::stopAfterStep);
    connect(m_ui->stopNow, &QPushButton::clicked, this, &ApplyPage::stopNow);
    connect(&m_session, &RunSession::phaseStarted, this, [this](const QString& phase, const QString& title) {
        if (state() == State::Running && phase != QLatin1String("schema"))
            log(QStringLiteral("— %1 —").arg(title));
    });
    connect(&m_session, &RunSession::stepStarted, this,
            [this](const QString&, const QString& description, int index, int count) {
                m_ui->progress->setRange(0, count);
                m_ui->progress->setValue(index);
                m_ui->stage->setText(tr("Step %1 of %2: %3").arg(index + 1).arg(count).arg(description));
                log(tr("%1 started").arg(description));
            });
    connect(&m_session, &RunSession::stepFinished, this, [this](const QString& slot, qint64 elapsed) {
        m_ui->progress->setValue(m_ui->progress->value() + 1);
        log(tr("step %1 applied and recorded in %2 ms").arg(slot).arg(elapsed));
    });
    connect(&m_session, &RunSession::stepFailed, this, [this](const QString& slot, const Error& error) {
        log(tr("step %1 FAILED: %2").arg(slot, error.what));
    });
    connect(m_ui->restoreOffer, &RestoreOffer::restored, this, [this](bool ok) {
        log(ok ? tr("the backup was restored") : tr("the restore failed"));
        if (ok)
            m_ui->banner->showNotice(m_ui->restoreOffer->restoredNotice());
    });
}

ApplyPage::~ApplyPage() = default;

RestoreOffer* ApplyPage::restoreOffer() const
{
    return m_ui->restoreOffer;
}

void ApplyPage::stopAfterStep()
{
    if (state() != State::Running)
        return;
    m_session.cancel();
    m_ui->stopAfterStep->setEnabled(false);
    log(tr("stopping after the step that is running…"));
}

void ApplyPage::stopNow()
{
    if (state() != State::Running)
        return;
    m_session.abortStep();
    m_ui->stopAfterStep->setEnabled(false);
    m_ui->stopNow->setEnabled(false);
    log(tr("stopping the step that is running: its transaction rolls back…"));
}

QPushButton* ApplyPage::stopNowButton() const
{
    return m_ui->stopNow;
}

void ApplyPage::begin()
{
    m_clock->start();
    m_session.apply();
}

void ApplyPage::log(const QString& line)
{
    m_ui->log->appendPlainText(
        QStringLiteral("%1  %2").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")), line));
}

void ApplyPage::onCheck(const QString& phase, const CheckResult& check)
{
    if (phase == QLatin1String("schema"))
        log(QStringLiteral("%1: %2").arg(check.name, check.detail));
}

void ApplyPage::onDone(bool ok, const Error& error)
{
    m_clock->stop();
    m_ui->elapsed->setText(tr("Elapsed: %1 s").arg(double(elapsedMs()) / 1000.0, 0, 'f', 1));
    m_ui->stopAfterStep->setEnabled(false);
    m_ui->stopNow->setEnabled(false);
    if (ok) {
        const auto& report = m_session.report();
        m_ui->progress->setValue(m_ui->progress->maximum());
        m_ui->stage->setText(
            (report.appliedSteps.size() == 1
                 ? tr("The step is applied: the database is at v%1.")
                 : tr("All %1 steps applied: the database is at v%2.").arg(report.appliedSteps.size()))
                .arg(report.toVersion));
        log(tr("done"));
    } else {
        const qsizetype applied = m_session.report().appliedSteps.size();
        m_ui->stage->setText(!m_session.isAborting() ? tr("The migration stopped.")
                             : applied == 0
                                 ? tr("The step was stopped while it ran and rolled back: nothing of it "
                                      "remains, and no step of "
                                      "this run is applied.")
                                 : tr("The step was stopped while it ran and rolled back: nothing of it "
                                      "remains. The %1 before "
                                      "it stay applied; the history records each.")
                                       .arg(applied == 1 ? tr("step") : tr("%1 steps").arg(applied)));
        m_ui->banner->showError(error);
        m_ui->restoreOffer->offer();
    }
    finish(ok);
}

} // namespace strata
