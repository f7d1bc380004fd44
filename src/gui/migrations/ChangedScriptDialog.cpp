#include "migrations/ChangedScriptDialog.h"

#include <QClipboard>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QPushButton>
#include <QScrollBar>

#include "common/SqlHighlighter.h"
#include "migrations/SideBySideDiff.h"
#include "theme/Theme.h"
#include "ui_ChangedScriptDialog.h"

namespace strata {

namespace {

// Pale marks behind the panes' dark text, or deep ones behind the dark theme's light text.
QColor kRemoved()
{
    return Theme::isDark() ? QColor(0x4a, 0x26, 0x26) : QColor(0xfd, 0xe2, 0xe1);
}
QColor kAdded()
{
    return Theme::isDark() ? QColor(0x23, 0x42, 0x27) : QColor(0xdc, 0xf5, 0xdc);
}
QColor kFiller()
{
    return Theme::isDark() ? QColor(0x33, 0x36, 0x3a) : QColor(0xee, 0xee, 0xee);
}

QTextEdit::ExtraSelection lineMark(QPlainTextEdit& pane, int line, const QColor& colour)
{
    QTextEdit::ExtraSelection mark;
    mark.cursor = QTextCursor(pane.document()->findBlockByNumber(line));
    mark.format.setBackground(colour);
    mark.format.setProperty(QTextFormat::FullWidthSelection, true);
    return mark;
}

} // namespace

ChangedScriptDialog::ChangedScriptDialog(const Subject& subject, QWidget* parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::ChangedScriptDialog>()), m_subject(subject),
      m_comparison(ScriptComparison::compare(
          subject.applied ? std::optional<QByteArray>(subject.applied->toUtf8()) : std::nullopt,
          subject.current.toUtf8()))
{
    m_ui->setupUi(this);
    setWindowTitle(tr("Step %1 changed since it was applied").arg(subject.slot));
    m_ui->heading->setText(tr("<b>%1</b> was changed after it was applied as step %2.<br>SHA-256 when "
                              "applied: %3<br>SHA-256 now: %4")
                               .arg(subject.file.toHtmlEscaped(), subject.slot, subject.appliedChecksum,
                                    subject.currentChecksum));
    m_ui->verdict->setText(verdictText());
    const bool harmless = m_comparison.sqlUnchanged();
    const bool unknown = verdict() == ScriptComparison::Verdict::AppliedTextNotKept;
    m_ui->verdict->setStyleSheet(
        QStringLiteral("QLabel { font-weight: bold; padding: 6px; border-radius: 3px; background: %1; }")
            .arg((harmless  ? kAdded()
                  : unknown ? (Theme::isDark() ? QColor(0x45, 0x3a, 0x1c) : QColor(0xff, 0xf4, 0xd6))
                            : kRemoved())
                     .name()));
    if (harmless)
        m_ui->advice->setText(
            tr("The SQL that ran is the SQL in the file: accepting the current file records "
               "it as the step's file, and nothing runs."));
    else if (unknown)
        m_ui->advice->setText(tr("Check the file's history (git log -p %1) before accepting it. To change "
                                 "the schema, write a new version instead.")
                                  .arg(subject.file));
    else
        m_ui->advice->setText(
            tr("The database has what the applied text did, not what the file says now. "
               "Restore the file as it was applied (Copy the applied text), or write a new "
               "version to change the schema. Accept only if the database matches the file."));
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (QPlainTextEdit* pane : {m_ui->applied, m_ui->current}) {
        pane->setFont(fixed);
        new SqlHighlighter(pane->document());
    }
    // One scroll position for both sides, so that aligned lines stay side by side.
    connect(m_ui->applied->verticalScrollBar(), &QScrollBar::valueChanged, m_ui->current->verticalScrollBar(),
            &QScrollBar::setValue);
    connect(m_ui->current->verticalScrollBar(), &QScrollBar::valueChanged, m_ui->applied->verticalScrollBar(),
            &QScrollBar::setValue);
    if (subject.applied)
        showDiff();
    else
        showCurrentOnly();
    m_ui->copyApplied->setEnabled(subject.applied.has_value());
    connect(m_ui->copyApplied, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(m_subject.applied.value_or(QString())); });
    connect(m_ui->acceptChecksum, &QPushButton::clicked, this, [this] {
        accept();
        Q_EMIT acceptRequested(m_subject.slot);
    });
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_ui->panes->setSizes({450, 450});
}

ChangedScriptDialog::~ChangedScriptDialog() = default;

void ChangedScriptDialog::setReadOnlyDatabase(bool readOnly)
{
    m_ui->acceptChecksum->setEnabled(!readOnly);
    if (readOnly)
        m_ui->acceptChecksum->setToolTip(tr("The database is open read-only."));
}

QString ChangedScriptDialog::verdictText() const
{
    return m_comparison.summary();
}

QString ChangedScriptDialog::appliedPane() const
{
    return m_ui->applied->toPlainText();
}

QString ChangedScriptDialog::currentPane() const
{
    return m_ui->current->toPlainText();
}

void ChangedScriptDialog::showDiff()
{
    const SideBySideDiff diff(*m_subject.applied, m_subject.current);
    QStringList left;
    QStringList right;
    QList<QTextEdit::ExtraSelection> leftMarks;
    QList<QTextEdit::ExtraSelection> rightMarks;
    for (const auto& row : diff.rows()) {
        left << row.left;
        right << row.right;
    }
    m_ui->applied->setPlainText(left.join(QLatin1Char('\n')));
    m_ui->current->setPlainText(right.join(QLatin1Char('\n')));
    for (int i = 0; i < diff.rows().size(); ++i) {
        switch (diff.rows().at(i).change) {
        case SideBySideDiff::Change::Same:
            break;
        case SideBySideDiff::Change::Changed:
            leftMarks << lineMark(*m_ui->applied, i, kRemoved());
            rightMarks << lineMark(*m_ui->current, i, kAdded());
            break;
        case SideBySideDiff::Change::Removed:
            leftMarks << lineMark(*m_ui->applied, i, kRemoved());
            rightMarks << lineMark(*m_ui->current, i, kFiller());
            break;
        case SideBySideDiff::Change::Added:
            leftMarks << lineMark(*m_ui->applied, i, kFiller());
            rightMarks << lineMark(*m_ui->current, i, kAdded());
            break;
        }
    }
    m_ui->applied->setExtraSelections(leftMarks);
    m_ui->current->setExtraSelections(rightMarks);
    m_changedLines = diff.changedRows();
}

void ChangedScriptDialog::showCurrentOnly()
{
    m_ui->applied->setPlaceholderText(
        tr("The text that was applied was not kept: this step was applied before "
           "Strata kept the scripts it applies."));
    m_ui->current->setPlainText(m_subject.current);
}

} // namespace strata
