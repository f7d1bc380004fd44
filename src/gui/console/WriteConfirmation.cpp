#include "console/WriteConfirmation.h"

#include <QAbstractButton>
#include <QGridLayout>
#include <QLocale>
#include <QPushButton>

namespace strata {

QString WriteConfirmation::question(const StatementOutcome& outcome, const QString& database)
{
    const QString command = outcome.command.isEmpty() ? tr("statement") : outcome.command.toUpper();
    if (outcome.rowsAffected >= 0)
        return tr("This %1 will change %2 of %3. Commit?")
            .arg(command,
                 outcome.rowsAffected == 1 ? tr("1 row")
                                           : tr("%1 rows").arg(QLocale().toString(outcome.rowsAffected)),
                 database);
    return tr("This %1 will change the schema or data of %2. Commit?").arg(command, database);
}

WriteConfirmation::WriteConfirmation(const StatementOutcome& outcome, const QString& database,
                                     QWidget* parent)
    : QMessageBox(QMessageBox::Warning, tr("Commit to a production database?"), question(outcome, database),
                  QMessageBox::NoButton, parent)
{
    setObjectName(QStringLiteral("writeConfirmation"));
    setInformativeText(
        tr("%1 is marked production. The statement has run inside a transaction that is still open: the rows "
           "it changed stay locked, and other sessions that write them wait, until you answer. Roll back "
           "leaves "
           "the database as it was.")
            .arg(database));
    m_commit = addButton(tr("Commit"), QMessageBox::AcceptRole);
    m_commit->setObjectName(QStringLiteral("commitHeld"));
    m_rollback = addButton(tr("Roll back"), QMessageBox::RejectRole);
    m_rollback->setObjectName(QStringLiteral("rollbackHeld"));
    setDefaultButton(qobject_cast<QPushButton*>(m_rollback));
    setEscapeButton(m_rollback);
    // Wide enough that a PostgreSQL database's display reads on one line instead of breaking mid-name.
    if (auto* grid = qobject_cast<QGridLayout*>(layout()))
        grid->addItem(new QSpacerItem(560, 0, QSizePolicy::Minimum, QSizePolicy::Expanding), grid->rowCount(),
                      0, 1, grid->columnCount());
}

} // namespace strata
