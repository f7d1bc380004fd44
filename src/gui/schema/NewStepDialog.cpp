#include "schema/NewStepDialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "common/SqlHighlighter.h"
#include "theme/Theme.h"

namespace strata {

namespace {

QPlainTextEdit* scriptView(const QByteArray& text, QWidget* parent)
{
    auto* view = new QPlainTextEdit(QString::fromUtf8(text), parent);
    view->setReadOnly(true);
    view->setLineWrapMode(QPlainTextEdit::NoWrap);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    new SqlHighlighter(view->document());
    return view;
}

} // namespace

NewStepDialog::NewStepDialog(NewMigrationStep step, QWidget* parent)
    : QDialog(parent), m_step(std::move(step)), m_where(new QLabel(this)),
      m_forward(scriptView(m_step.forward, this)), m_rollback(scriptView(m_step.rollback, this)),
      m_outcome(new QLabel(this))
{
    setObjectName(QStringLiteral("newStepDialog"));
    setWindowTitle(tr("New migration step"));
    const QDir root(m_step.root);
    QString where = tr("Version %1 of the migration set, in its %2 layout:<br><b>%3</b>")
                        .arg(m_step.version)
                        .arg(m_step.layout, root.filePath(m_step.path).toHtmlEscaped());
    if (!m_step.rollbackPath.isEmpty())
        where +=
            tr("<br>with its rollback <b>%1</b>").arg(root.filePath(m_step.rollbackPath).toHtmlEscaped());
    where += tr("<br>Writing it applies nothing: review it, then Migrations > Migrate… applies it.");
    m_where->setText(where);
    m_where->setWordWrap(true);
    m_where->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_outcome->setWordWrap(true);
    m_outcome->setObjectName(QStringLiteral("outcome"));
    m_outcome->hide();

    auto* buttons = new QDialogButtonBox(this);
    m_write = buttons->addButton(tr("Write step"), QDialogButtonBox::AcceptRole);
    m_write->setObjectName(QStringLiteral("writeStep"));
    m_close = buttons->addButton(QDialogButtonBox::Cancel);
    connect(m_write, &QPushButton::clicked, this, &NewStepDialog::writeStep);
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_where);
    layout->addWidget(new QLabel(tr("The step runs:"), this));
    layout->addWidget(m_forward, 2);
    if (!m_step.rollbackPath.isEmpty()) {
        layout->addWidget(new QLabel(tr("Its rollback runs:"), this));
        layout->addWidget(m_rollback, 1);
    } else {
        m_rollback->hide();
    }
    layout->addWidget(m_outcome);
    layout->addWidget(buttons);
    resize(720, 460);
}

bool NewStepDialog::writeStep()
{
    const Status written = m_step.write();
    m_outcome->show();
    if (!written) {
        m_outcome->setStyleSheet(
            QStringLiteral("color: %1;").arg(Theme::readable(QColor(0xc6, 0x28, 0x28)).name()));
        m_outcome->setText(tr("%1 %2 %3")
                               .arg(written.error().what, written.error().unchanged, written.error().next)
                               .simplified());
        return false;
    }
    const QString path = QDir(m_step.root).filePath(m_step.path);
    m_outcome->setStyleSheet(
        QStringLiteral("color: %1;").arg(Theme::readable(QColor(0x2e, 0x7d, 0x32)).name()));
    m_outcome->setText(tr("Written to %1. Nothing was applied: Migrations > Migrate… applies it, after a "
                          "review of the step.")
                           .arg(path));
    m_write->setEnabled(false);
    m_close->setText(tr("Close"));
    Q_EMIT stepWritten(path);
    return true;
}

QString NewStepDialog::outcome() const
{
    return m_outcome->isVisible() || !m_outcome->text().isEmpty() ? m_outcome->text() : QString();
}

} // namespace strata
