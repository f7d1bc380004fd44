#include "connection/ConnectionDialog.h"

#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QPushButton>
#include <QRegularExpression>
#include <QScreen>

#include "connection/ProfileActions.h"
#include "jobs/ConnectionCheckJob.h"
#include "jobs/JobRunner.h"
#include "ui_ConnectionDialog.h"

namespace strata {

ConnectionDialog::ConnectionDialog(QWidget* parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::ConnectionDialog>()), m_form(*m_ui)
{
    m_ui->setupUi(this);
    m_form.setUp();
    m_profiles = std::make_unique<ProfileActions>(*m_ui, m_form, *this);
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
    // Wide enough that the notes stay a line or two: half the screen, between 640 and 780 pixels.
    const int screenWidth = screen() ? screen()->availableGeometry().width() : 1024;
    resize(qBound(640, screenWidth / 2, 780), sizeHint().height());
}

bool ConnectionDialog::event(QEvent* event)
{
    const bool handled = QDialog::event(event);
    // A note or a result that changed asks for a new layout: the dialog grows with it.
    if (event->type() == QEvent::LayoutRequest && !m_fitting)
        fitToContent();
    return handled;
}

void ConnectionDialog::fitToContent()
{
    m_fitting = true;
    const int room =
        screen() ? screen()->availableGeometry().height() - (frameGeometry().height() - height()) : height();
    const int wanted = qMin(hasHeightForWidth() ? heightForWidth(width()) : sizeHint().height(), room);
    setMinimumHeight(wanted);
    if (height() < wanted)
        resize(width(), wanted);
    m_fitting = false;
}

ConnectionDialog::~ConnectionDialog()
{
    // Closed without Open (e.g. with its window): a password only tried here is not kept.
    if (result() != QDialog::Accepted)
        putBackPasswords();
}

void ConnectionDialog::setTarget(const ConnectionTarget& target)
{
    auto url = target.connectionUrl();
    if (!url) {
        m_ui->migrations->setText(target.migrations);
        return;
    }
    m_form.show(ConnectionProfile::fromTarget(target));
    if (url->dialect() == Dialect::Postgres)
        m_form.setPassword(SessionPassword::forUrl(*url));
}

ConnectionTarget ConnectionDialog::target() const
{
    return m_form.profile().target();
}

QString ConnectionDialog::testResult() const
{
    return m_ui->testResult->text();
}

void ConnectionDialog::usePassword(const ConnectionUrl& url)
{
    if (url.dialect() == Dialect::Postgres)
        m_replaced.push_back(SessionPassword::use(url, m_form.password()));
}

void ConnectionDialog::putBackPasswords()
{
    while (!m_replaced.empty()) {
        SessionPassword::undo(m_replaced.back());
        m_replaced.pop_back();
    }
}

void ConnectionDialog::testConnection()
{
    auto url = target().connectionUrl();
    if (!url) {
        m_ui->testResult->setText(url.error().toText());
        Q_EMIT testFinished(false);
        return;
    }
    usePassword(*url);
    const bool typed = !m_form.password().isEmpty();
    auto job = std::make_unique<ConnectionCheckJob>();
    ConnectionCheckJob* check = job.get();
    m_test = std::make_unique<JobRunner>(*url, std::move(job));
    m_ui->testConnection->setEnabled(false);
    m_ui->testResult->setText(tr("Connecting to %1…").arg(url->display()));
    connect(m_test.get(), &JobRunner::finished, this, [this, check, typed](bool ok, const Error& error) {
        m_ui->testConnection->setEnabled(true);
        Error shown = error;
        // The engine's advice names PGPASSWORD and ~/.pgpass; here the password came from this dialog.
        if (typed && shown.next.contains(QLatin1String("PGPASSWORD")))
            shown.next =
                tr("Check the user name and the password typed above (passwords are case-sensitive), "
                   "and that this user may log in to this database from this host.");
        // libpq breaks its message over indented lines; under the form it reads as one paragraph.
        static const QRegularExpression sentenceBreak(QStringLiteral("(\\w)\\s*\\n\\s*"));
        static const QRegularExpression lineBreak(QStringLiteral("\\s*\\n\\s*"));
        shown.what.replace(sentenceBreak, QStringLiteral("\\1. ")).replace(lineBreak, QStringLiteral(" "));
        m_ui->testResult->setText(ok ? tr("Connected: %1.").arg(check->description()) : shown.toText());
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
    auto url = chosen.connectionUrl();
    if (!url) {
        m_ui->testResult->setText(url.error().toText());
        return;
    }
    if (chosen.migrations.isEmpty() || !QFileInfo(chosen.migrations).isDir()) {
        m_ui->testResult->setText(tr("Choose the migration set folder that goes with this database "
                                     "(e.g. migrations/risk_state)."));
        return;
    }
    usePassword(*url);
    QDialog::accept();
}

void ConnectionDialog::reject()
{
    putBackPasswords();
    QDialog::reject();
}

} // namespace strata
