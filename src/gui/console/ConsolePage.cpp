#include "console/ConsolePage.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

#include "console/ConsoleThread.h"
#include "console/HistoryDialog.h"
#include "console/ProductionMarks.h"
#include "console/QueryTab.h"
#include "console/SqlEditor.h"
#include "schema/SchemaSnapshot.h"

namespace strata {

ConsolePage::ConsolePage(QWidget* parent) : QWidget(parent)
{
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("queryTabs"));
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_tabs->setDocumentMode(true);
    m_new = new QPushButton(tr("New query"), this);
    m_new->setObjectName(QStringLiteral("newQuery"));
    m_new->setToolTip(tr("Open another query on this database, with a connection of its own (Ctrl+T)"));
    m_new->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    m_history = new QPushButton(tr("History…"), this);
    m_history->setObjectName(QStringLiteral("queryHistory"));
    m_history->setToolTip(tr("Search the statements run on this database and take one back into the editor"));
    m_production = new QCheckBox(tr("Production database"), this);
    m_production->setObjectName(QStringLiteral("productionMark"));
    m_production->setToolTip(tr(
        "Marked production, a statement that changes data or schema runs in a transaction and asks, with the "
        "rows it changed, before it is committed; each answer is kept in the operations log."));
    m_none = new QLabel(tr("Open a database (File > Connect) to type queries."), this);
    m_none->setAlignment(Qt::AlignCenter);
    auto* top = new QHBoxLayout;
    top->addWidget(m_new);
    top->addWidget(m_history);
    top->addStretch(1);
    top->addWidget(m_production);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_none, 1);
    m_tabs->hide();
    m_new->setEnabled(false);
    m_history->setEnabled(false);
    m_production->setEnabled(false);

    connect(m_new, &QPushButton::clicked, this, &ConsolePage::newTab);
    connect(m_history, &QPushButton::clicked, this, &ConsolePage::showHistory);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &ConsolePage::closeTab);
    connect(m_production, &QCheckBox::toggled, this, &ConsolePage::setProduction);
}

void ConsolePage::load(const ConnectionUrl& url)
{
    if (m_url && m_url->display() == url.display())
        return;
    clear();
    m_url = url;
    {
        const QSignalBlocker block(m_production);
        m_production->setChecked(ProductionMarks::isProduction(url));
    }
    m_new->setEnabled(true);
    m_history->setEnabled(true);
    m_production->setEnabled(true);
    m_none->hide();
    m_tabs->show();
    if (isVisible())
        newTab();
}

void ConsolePage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_url && m_tabs->count() == 0)
        newTab();
}

void ConsolePage::clear()
{
    while (m_tabs->count() > 0)
        dropTab(0);
    m_url.reset();
    m_opened = 0;
    m_new->setEnabled(false);
    m_history->setEnabled(false);
    m_production->setEnabled(false);
    m_tabs->hide();
    m_none->show();
}

void ConsolePage::setSchema(const SchemaSnapshot& snapshot)
{
    QStringList names;
    m_columnsOf.clear();
    for (const TableInfo& table : snapshot.tables) {
        names << table.name;
        QStringList& columns = m_columnsOf[table.name.toLower()];
        for (const ColumnInfo& column : table.columns) {
            names << column.name;
            columns << column.name;
        }
    }
    names.removeDuplicates();
    m_names = names;
    for (int i = 0; i < m_tabs->count(); ++i)
        tab(i)->editor()->setNames(m_names, m_columnsOf);
}

QueryTab* ConsolePage::newTab()
{
    if (!m_url)
        return nullptr;
    auto* query = new QueryTab(*m_url, m_production->isChecked(), m_tabs);
    query->editor()->setNames(m_names, m_columnsOf);
    connect(query, &QueryTab::tableRequested, this, &ConsolePage::tableRequested);
    const QString title = tr("Query %1").arg(++m_opened);
    const int index = m_tabs->addTab(query, title);
    // A tab that may change the database says so in its title, seen from every other tab.
    connect(query, &QueryTab::writeModeChanged, this, [this, query, title](bool on) {
        const int at = m_tabs->indexOf(query);
        if (at >= 0)
            m_tabs->setTabText(at, on ? tr("%1 (write)").arg(title) : title);
    });
    m_tabs->setCurrentIndex(index);
    query->editor()->setFocus();
    return query;
}

void ConsolePage::closeTab(int index)
{
    QueryTab* query = tab(index);
    if (!query)
        return;
    if (query->isWriting() && m_url) {
        // As closing the window does: a statement changing the database is stopped only when the operator
        // says so (the database then rolls it back).
        QMessageBox box(
            QMessageBox::Question, tr("A statement is running"),
            tr("%1 is running a statement that changes %2. Stop it and close the tab?\n\nStopping "
               "interrupts it: the database rolls it back.")
                .arg(m_tabs->tabText(index), m_url->display()),
            QMessageBox::Yes | QMessageBox::No, this);
        box.button(QMessageBox::Yes)->setText(tr("Stop and close"));
        box.button(QMessageBox::No)->setText(tr("Keep it running"));
        box.setDefaultButton(QMessageBox::No);
        if (box.exec() != QMessageBox::Yes)
            return;
    }
    dropTab(m_tabs->indexOf(query));
}

void ConsolePage::dropTab(int index)
{
    QueryTab* query = tab(index);
    if (!query)
        return;
    m_tabs->removeTab(index);
    query->stopWorker();
    query->deleteLater();
}

QueryTab* ConsolePage::currentTab() const
{
    return qobject_cast<QueryTab*>(m_tabs->currentWidget());
}

QueryTab* ConsolePage::tab(int index) const
{
    return qobject_cast<QueryTab*>(m_tabs->widget(index));
}

void ConsolePage::setProduction(bool production)
{
    if (!m_url)
        return;
    ProductionMarks::setProduction(*m_url, production);
    for (int i = 0; i < m_tabs->count(); ++i)
        tab(i)->setProduction(production);
}

void ConsolePage::showHistory()
{
    if (!m_url)
        return;
    auto* dialog = new HistoryDialog(*m_url, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &HistoryDialog::chosen, this, [this](const QString& sql) {
        QueryTab* query = currentTab();
        if (!query)
            query = newTab();
        if (!query)
            return;
        QTextCursor cursor = query->editor()->textCursor();
        cursor.movePosition(QTextCursor::End);
        const bool empty = query->editor()->toPlainText().trimmed().isEmpty();
        if (!empty)
            cursor.insertText(QStringLiteral("\n\n"));
        const int start = cursor.position();
        cursor.insertText(sql);
        cursor.setPosition(start, QTextCursor::KeepAnchor);
        query->editor()->setTextCursor(cursor);
        query->editor()->setFocus();
    });
    dialog->open();
}

bool ConsolePage::isWriting() const
{
    for (int i = 0; i < m_tabs->count(); ++i)
        if (tab(i)->isWriting())
            return true;
    return false;
}

bool ConsolePage::isBusy() const
{
    for (int i = 0; i < m_tabs->count(); ++i)
        if (tab(i)->isRunning())
            return true;
    return ConsoleThread::ending() > 0;
}

void ConsolePage::stopAll()
{
    for (int i = 0; i < m_tabs->count(); ++i)
        tab(i)->stopWorker();
    watchStopping();
}

void ConsolePage::watchStopping()
{
    if (ConsoleThread::ending() == 0) {
        Q_EMIT stopped();
        return;
    }
    QTimer::singleShot(20, this, &ConsolePage::watchStopping);
}

} // namespace strata
