#include "wizard/RestoreOffer.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include "common/MenuRemedy.h"
#include "jobs/RunSession.h"

namespace strata {

RestoreOffer::RestoreOffer(QWidget* parent)
    : QWidget(parent), m_text(new QLabel(this)), m_button(new QPushButton(this)),
      m_progress(new QProgressBar(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* row = new QHBoxLayout;
    row->addWidget(m_button);
    row->addStretch();
    layout->addLayout(row);
    layout->addWidget(m_progress);
    layout->addWidget(m_text);
    m_text->setWordWrap(true);
    // A long path wraps onto more lines: the label takes the height it needs.
    m_text->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::MinimumExpanding);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_button->setObjectName(QStringLiteral("restoreBackup"));
    m_progress->setRange(0, 1000);
    m_progress->hide();
    hide();
    connect(m_button, &QPushButton::clicked, this, [this] {
        m_restoring = true;
        m_button->setEnabled(false);
        m_progress->show();
        m_text->setText(tr("Restoring the backup…"));
        m_session->restore();
    });
}

void RestoreOffer::setSession(RunSession& session)
{
    m_session = &session;
    connect(&session, &RunSession::phaseDone, this, &RestoreOffer::onDone);
    connect(&session, &RunSession::progressed, this, [this](qint64 done, qint64 total, const QString& stage) {
        if (!m_restoring)
            return;
        m_progress->setValue(total > 0 ? int(done * 1000 / total) : 0);
        m_text->setText(stage);
    });
}

void RestoreOffer::offer()
{
    const auto& backup = m_session->report().backup;
    show();
    if (!backup) {
        m_button->hide();
        m_text->setText(tr("This run took no backup (migration.create_backup is off): restore an earlier "
                           "one from the Backup menu if you need to go back."));
        return;
    }
    const QString takenAt = QDateTime::fromString(backup->createdAt, Qt::ISODateWithMs)
                                .toLocalTime()
                                .toString(QStringLiteral("HH:mm"));
    m_button->setText(tr("Restore the backup taken at %1").arg(takenAt));
    m_text->setText(
        tr("Restoring puts the database back as it was before this run (v%1). The database as it is "
           "now is kept aside under its .failed_ name; nothing is deleted.")
            .arg(backup->schemaVersion));
}

QString RestoreOffer::restoredNotice() const
{
    return tr("Restored: the database is back as it was before this run. The failed database is kept as %1.")
        .arg(m_session->report().restoredAside);
}

void RestoreOffer::onDone(const QString& phase, bool ok, const Error& error)
{
    if (phase != QLatin1String("restore") || !m_restoring)
        return;
    m_restoring = false;
    m_progress->hide();
    if (ok) {
        m_text->setText(tr("Restored."));
    } else {
        m_button->setEnabled(true);
        m_text->setText(MenuRemedy::of(error).toText());
    }
    Q_EMIT restored(ok);
}

} // namespace strata
