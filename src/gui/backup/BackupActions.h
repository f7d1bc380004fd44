#pragma once

#include <memory>
#include <optional>

#include <QObject>

#include "backup/BackupRecord.h"
#include "common/Error.h"
#include "connection/ConnectionTarget.h"

class QMenu;
class QWidget;

namespace strata {

class JobRunner;

/// The Backup menu: create a backup, verify one again, restore one of this database's backups (newest first)
/// or a file, each after a confirmation that says exactly what will happen, with a progress dialog and on a
/// worker.
class BackupActions : public QObject
{
    Q_OBJECT

public:
    BackupActions(QWidget& window, QMenu& restoreMenu, QMenu& verifyMenu);
    ~BackupActions() override;

    void setTarget(const std::optional<ConnectionTarget>& target);
    /// Where this database's backups and their catalog are.
    QString folder() const;
    /// A backup or restore is running.
    bool isBusy() const;
    /// Asks the running job to stop at its next safe point.
    void cancelRunning();
    /// The confirmation text of a restore (shown before anything happens).
    QString restoreQuestion(const BackupRecord& record) const;

public Q_SLOTS:
    void createBackup();
    void restoreFromFile();
    void restore(const strata::BackupRecord& record);
    void verify(const strata::BackupRecord& record);
    void refreshRestoreMenu();

Q_SIGNALS:
    void done(const QString& message);
    void failed(const strata::Error& error);
    /// The database's content changed (a restore): the window shows it again.
    void databaseChanged();
    void idle();

private:
    void fillMenu(QMenu& menu, const QList<BackupRecord>& records,
                  void (BackupActions::*action)(const BackupRecord&));
    bool startJob(std::unique_ptr<class DatabaseJob> job, std::function<void(bool, const Error&)> onFinished);

    QWidget& m_window;
    QMenu& m_restoreMenu;
    QMenu& m_verifyMenu;
    std::optional<ConnectionTarget> m_target;
    std::unique_ptr<JobRunner> m_runner;
};

} // namespace strata
