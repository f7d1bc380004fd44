#pragma once

#include <memory>

#include <QDialog>

#include "connection/ConnectionUrl.h"

namespace Ui {
class PasswordPrompt;
}

namespace strata {

/// Asks for the password of a PostgreSQL database the window is opening, when the server refused the login
/// without one (or with a wrong one): names the user, the server and the database, says why it asks, and
/// that the password is kept for this session only.
class PasswordPrompt : public QDialog
{
    Q_OBJECT

public:
    /// `why`: what the server said, in the operator's words. `kept`: where the password goes.
    PasswordPrompt(const ConnectionUrl& url, const QString& why, const QString& kept, QWidget* parent);
    ~PasswordPrompt() override;

    QString password() const;

private:
    std::unique_ptr<Ui::PasswordPrompt> m_ui;
};

} // namespace strata
