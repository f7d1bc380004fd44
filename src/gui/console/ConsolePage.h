#pragma once

#include <optional>

#include <QHash>
#include <QStringList>
#include <QWidget>

#include "connection/ConnectionUrl.h"

class QCheckBox;
class QLabel;
class QPushButton;
class QTabWidget;

namespace strata {

class QueryTab;
struct SchemaSnapshot;

/// The SQL editor: a tab per query on the open database ("Query 1", "Query 2"...), each with its own
/// connection on a worker of its own, opened at its first run. Nothing is read before the operator runs a
/// statement. The database can be marked production here (for every tab and later sessions), and the
/// history of what was run on it searched and taken back into the editor.
class ConsolePage : public QWidget
{
    Q_OBJECT

public:
    explicit ConsolePage(QWidget* parent = nullptr);

    /// The database the window opened. The same database again (a refresh) keeps the tabs as they are;
    /// another closes them first.
    void load(const ConnectionUrl& url);
    /// No database is open: every tab closes, and with it its connection.
    void clear();
    /// The names completion offers: the tables and columns of the schema the Schema tab read.
    void setSchema(const SchemaSnapshot& snapshot);

    QueryTab* newTab();
    /// Closes a tab and its connection; a statement changing the database asks first.
    void closeTab(int index);
    QueryTab* currentTab() const;
    QueryTab* tab(int index) const;
    QTabWidget* tabs() const { return m_tabs; }
    QCheckBox* productionBox() const { return m_production; }
    QPushButton* historyButton() const { return m_history; }
    /// Opens the history of this database (searchable; a double-click puts a statement in the editor).
    void showHistory();

    /// Some tab runs a statement that may change the database (write mode).
    bool isWriting() const;
    /// Some tab runs a statement, or a tab's connection is still closing.
    bool isBusy() const;
    /// Stops every tab's statement and closes its connection, without waiting; stopped() follows.
    void stopAll();

Q_SIGNALS:
    /// Every connection of the console has closed after stopAll().
    void stopped();
    void tableRequested(const QString& schema, const QString& table);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void setProduction(bool production);
    /// Closes a tab without asking (the database is closing).
    void dropTab(int index);
    void watchStopping();

    std::optional<ConnectionUrl> m_url;
    QStringList m_names;
    QHash<QString, QStringList> m_columnsOf; ///< by table name, lower case
    int m_opened = 0;                        ///< tabs opened for this database (their numbers)
    QTabWidget* m_tabs;
    QCheckBox* m_production;
    QPushButton* m_history;
    QPushButton* m_new;
    QLabel* m_none;
};

} // namespace strata
