#include "console/HistoryDialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

#include "console/QueryHistory.h"

namespace strata {

HistoryDialog::HistoryDialog(ConnectionUrl url, QWidget* parent) : QDialog(parent), m_url(std::move(url))
{
    setObjectName(QStringLiteral("historyDialog"));
    setWindowTitle(tr("Query history — %1").arg(m_url.display()));
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("historyFilter"));
    m_filter->setPlaceholderText(tr("Statements that contain…"));
    m_filter->setClearButtonEnabled(true);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("historyList"));
    m_list->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_list->setWordWrap(false);
    m_list->setTextElideMode(Qt::ElideRight);
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("historyCount"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* use = buttons->addButton(tr("Put in the editor"), QDialogButtonBox::AcceptRole);
    use->setObjectName(QStringLiteral("historyUse"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_count);
    layout->addWidget(buttons);
    resize(760, 480);

    connect(m_filter, &QLineEdit::textChanged, this, &HistoryDialog::fill);
    connect(m_list, &QListWidget::itemActivated, this, &HistoryDialog::take);
    connect(m_list, &QListWidget::itemDoubleClicked, this, &HistoryDialog::take);
    connect(use, &QPushButton::clicked, this, [this] { take(m_list->currentItem()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    fill();
}

void HistoryDialog::fill()
{
    m_list->clear();
    const QList<HistoryEntry> entries = QueryHistory(m_url).entries(m_filter->text());
    for (const HistoryEntry& entry : entries) {
        const QString when = QLocale().toString(entry.at.toLocalTime(), QLocale::ShortFormat);
        auto* item = new QListWidgetItem(QStringLiteral("%1  %2  %3")
                                             .arg(when, entry.ok ? QStringLiteral("✓") : QStringLiteral("✗"),
                                                  entry.statement.simplified()),
                                         m_list);
        item->setData(Qt::UserRole, entry.statement);
        item->setToolTip(entry.ok ? entry.statement
                                  : tr("%1\n\nFailed: %2").arg(entry.statement, entry.error));
    }
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
    m_count->setText(m_filter->text().isEmpty()
                         ? tr("%n statement(s) run on this database.", nullptr, m_list->count())
                         : tr("%n statement(s) match.", nullptr, m_list->count()));
}

void HistoryDialog::take(QListWidgetItem* item)
{
    // Enter both activates the item and presses the default button: one statement goes in, once.
    if (!item || m_taken)
        return;
    m_taken = true;
    Q_EMIT chosen(item->data(Qt::UserRole).toString());
    accept();
}

} // namespace strata
