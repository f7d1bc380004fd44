#include "connection/PasswordPrompt.h"

#include <QPushButton>

#include "ui_PasswordPrompt.h"

namespace strata {

PasswordPrompt::PasswordPrompt(const ConnectionUrl& url, const QString& why, const QString& kept,
                               QWidget* parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::PasswordPrompt>())
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("passwordPrompt"));
    const QString user = url.postgresParameter(QStringLiteral("user"));
    const QString port = url.postgresParameter(QStringLiteral("port"));
    QString server = url.postgresParameter(QStringLiteral("host"));
    if (server.isEmpty())
        server = tr("the local server");
    if (!port.isEmpty())
        server += QLatin1Char(':') + port;
    const QString database = url.postgresParameter(QStringLiteral("dbname"));
    setWindowTitle(tr("Password for %1").arg(database));
    m_ui->question->setText(
        tr("Strata needs the password of <b>%1</b> on <b>%2</b> to open the database <b>%3</b>.")
            .arg(user.toHtmlEscaped(), server.toHtmlEscaped(), database.toHtmlEscaped()));
    m_ui->reason->setText(why);
    m_ui->keptNote->setText(kept);
    QPushButton* connect = m_ui->buttons->button(QDialogButtonBox::Ok);
    connect->setText(tr("&Connect"));
    connect->setEnabled(false);
    QObject::connect(m_ui->password, &QLineEdit::textChanged, this,
                     [connect](const QString& text) { connect->setEnabled(!text.isEmpty()); });
    QObject::connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    QObject::connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_ui->password->setFocus();
}

PasswordPrompt::~PasswordPrompt() = default;

QString PasswordPrompt::password() const
{
    return m_ui->password->text();
}

} // namespace strata
