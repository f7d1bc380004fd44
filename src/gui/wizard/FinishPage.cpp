#include "wizard/FinishPage.h"

#include <QDir>

#include "jobs/RunSession.h"
#include "ui_FinishPage.h"

namespace strata {

FinishPage::FinishPage(RunSession& session, QWidget* parent)
    : RunPage(session, {QStringLiteral("post")}, parent), m_ui(std::make_unique<Ui::FinishPage>())
{
    m_ui->setupUi(this);
    setTitle(tr("Finish"));
    setHooks(false);
    setFinalPage(true);
    connect(&m_session, &RunSession::hookOutput, this, [this](const QString& line) {
        if (state() == State::Running)
            m_ui->checks->addNote(line);
    });
}

FinishPage::~FinishPage() = default;

void FinishPage::setHooks(bool hooks)
{
    setSubTitle(hooks ? tr("The post hook starts the daemon again, and the run is recorded.")
                      : tr("The run is recorded. No post hook is configured for this database."));
}

void FinishPage::begin()
{
    m_session.finish();
}

void FinishPage::onCheck(const QString&, const CheckResult& check)
{
    m_ui->checks->add(check);
}

void FinishPage::onDone(bool ok, const Error& error)
{
    const auto& report = m_session.report();
    if (ok) {
        m_ui->summary->setText(tr("<b>Migrated from v%1 to v%2 and verified.</b>")
                                   .arg(report.fromVersion)
                                   .arg(report.toVersion));
        if (m_ui->checks->topLevelItemCount() == 0)
            m_ui->checks->add(
                CheckResult::notRun(tr("post hook"), tr("none is configured for this database")));
    } else {
        m_ui->summary->setText(tr("The migration is applied and verified, but the post hook failed."));
        m_ui->banner->showError(error);
    }
    QStringList where;
    if (report.backup)
        where << tr("The backup taken before the run: %1").arg(QDir::toNativeSeparators(report.backup->path));
    where << tr("The run log: %1").arg(QDir::toNativeSeparators(m_session.logPath()));
    m_ui->where->setText(where.join(QLatin1Char('\n')));
    finish(ok);
}

} // namespace strata
