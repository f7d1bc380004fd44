#include "connection/ConnectionDialog.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QPushButton>
#include <QUrl>
#include <QUrlQuery>

#include "jobs/ConnectionCheckJob.h"
#include "jobs/JobRunner.h"
#include "ui_ConnectionDialog.h"

namespace strata {

ConnectionDialog::ConnectionDialog(QWidget* parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::ConnectionDialog>())
{
    m_ui->setupUi(this);
    m_ui->sslMode->addItems({QStringLiteral("prefer"), QStringLiteral("disable"), QStringLiteral("allow"),
                             QStringLiteral("require"), QStringLiteral("verify-ca"),
                             QStringLiteral("verify-full")});
    m_ui->user->setText(qEnvironmentVariable("USER"));
    connect(m_ui->browseSqlite, &QPushButton::clicked, this, [this] {
        const QString file =
            QFileDialog::getOpenFileName(this, tr("Open a SQLite database"), m_ui->sqlitePath->text(),
                                         tr("SQLite databases (*.db *.sqlite *.sqlite3);;All files (*)"));
        if (!file.isEmpty())
            m_ui->sqlitePath->setText(file);
    });
    connect(m_ui->browseMigrations, &QPushButton::clicked, this, [this] {
        const QString folder =
            QFileDialog::getExistingDirectory(this, tr("Migration set folder"), m_ui->migrations->text());
        if (!folder.isEmpty())
            m_ui->migrations->setText(folder);
    });
    connect(m_ui->testConnection, &QPushButton::clicked, this, &ConnectionDialog::testConnection);
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &ConnectionDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &ConnectionDialog::reject);
}

ConnectionDialog::~ConnectionDialog() = default;

void ConnectionDialog::setTarget(const ConnectionTarget& target)
{
    m_ui->migrations->setText(target.migrations);
    auto url = target.connectionUrl();
    if (!url)
        return;
    if (url->dialect() == Dialect::Sqlite) {
        m_ui->engineTabs->setCurrentWidget(m_ui->sqliteTab);
        m_ui->sqlitePath->setText(url->sqlitePath());
        m_ui->sqliteReadOnly->setChecked(target.readOnly);
        return;
    }
    m_ui->engineTabs->setCurrentWidget(m_ui->postgresTab);
    m_ui->host->setText(url->postgresParameter(QStringLiteral("host")));
    m_ui->port->setValue(url->postgresParameter(QStringLiteral("port")).toInt() > 0
                             ? url->postgresParameter(QStringLiteral("port")).toInt()
                             : 5432);
    m_ui->database->setText(url->postgresParameter(QStringLiteral("dbname")));
    m_ui->user->setText(url->postgresParameter(QStringLiteral("user")));
    const QString ssl = url->postgresParameter(QStringLiteral("sslmode"));
    if (!ssl.isEmpty())
        m_ui->sslMode->setCurrentText(ssl);
    m_ui->rootCert->setText(url->postgresParameter(QStringLiteral("sslrootcert")));
}

ConnectionTarget ConnectionDialog::target() const
{
    ConnectionTarget target;
    target.migrations = m_ui->migrations->text().trimmed();
    if (m_ui->engineTabs->currentWidget() == m_ui->sqliteTab) {
        const QString path = m_ui->sqlitePath->text().trimmed();
        target.url =
            path.isEmpty() ? QString() : QStringLiteral("sqlite:") + QFileInfo(path).absoluteFilePath();
        target.readOnly = m_ui->sqliteReadOnly->isChecked();
        target.label = QFileInfo(path).fileName();
        return target;
    }
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setHost(m_ui->host->text().trimmed());
    url.setPort(m_ui->port->value());
    url.setUserName(m_ui->user->text().trimmed());
    url.setPath(QLatin1Char('/') + m_ui->database->text().trimmed());
    QUrlQuery query;
    if (m_ui->sslMode->currentText() != QLatin1String("prefer"))
        query.addQueryItem(QStringLiteral("sslmode"), m_ui->sslMode->currentText());
    if (!m_ui->rootCert->text().trimmed().isEmpty())
        query.addQueryItem(QStringLiteral("sslrootcert"), m_ui->rootCert->text().trimmed());
    url.setQuery(query);
    target.url = url.toString();
    target.label =
        QStringLiteral("%1 on %2").arg(m_ui->database->text().trimmed(), m_ui->host->text().trimmed());
    return target;
}

QString ConnectionDialog::testResult() const
{
    return m_ui->testResult->text();
}

void ConnectionDialog::testConnection()
{
    auto url = target().connectionUrl();
    if (!url) {
        m_ui->testResult->setText(url.error().toText());
        Q_EMIT testFinished(false);
        return;
    }
    auto job = std::make_unique<ConnectionCheckJob>();
    ConnectionCheckJob* check = job.get();
    m_test = std::make_unique<JobRunner>(*url, std::move(job));
    m_ui->testConnection->setEnabled(false);
    m_ui->testResult->setText(tr("Connecting to %1…").arg(url->display()));
    connect(m_test.get(), &JobRunner::finished, this, [this, check](bool ok, const Error& error) {
        m_ui->testConnection->setEnabled(true);
        m_ui->testResult->setText(ok ? tr("Connected: %1.").arg(check->description()) : error.toText());
        Q_EMIT testFinished(ok);
    });
    m_test->start();
}

void ConnectionDialog::accept()
{
    const ConnectionTarget chosen = target();
    if (!chosen.isValid()) {
        m_ui->testResult->setText(tr("Name the database file, or the server and database, first."));
        return;
    }
    if (auto url = chosen.connectionUrl(); !url) {
        m_ui->testResult->setText(url.error().toText());
        return;
    }
    if (chosen.migrations.isEmpty() || !QFileInfo(chosen.migrations).isDir()) {
        m_ui->testResult->setText(tr("Choose the migration set folder that goes with this database "
                                     "(e.g. migrations/risk_state)."));
        return;
    }
    QDialog::accept();
}

} // namespace strata
