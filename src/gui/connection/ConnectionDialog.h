#pragma once

#include <memory>

#include <QDialog>

#include "connection/ConnectionTarget.h"

namespace Ui {
class ConnectionDialog;
}

namespace strata {

class JobRunner;

/// Connect to a SQLite file or a PostgreSQL server, with the migration set that goes with it. "Test
/// connection" runs on a worker, so a refused or slow server never freezes the window.
class ConnectionDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ConnectionDialog(QWidget* parent = nullptr);
    ~ConnectionDialog() override;

    void setTarget(const ConnectionTarget& target);
    ConnectionTarget target() const;
    /// The result of the last test, as shown under the form.
    QString testResult() const;

public Q_SLOTS:
    void testConnection();
    void accept() override;

Q_SIGNALS:
    void testFinished(bool ok);

private:
    std::unique_ptr<Ui::ConnectionDialog> m_ui;
    std::unique_ptr<JobRunner> m_test;
};

} // namespace strata
