#pragma once

#include <memory>
#include <optional>

#include <QWidget>

#include "common/Error.h"
#include "connection/ConnectionUrl.h"
#include "schema/TableInfo.h"

namespace Ui {
class TablePage;
}

class QTabWidget;
class QTableWidget;
class QPlainTextEdit;
class QPushButton;

namespace strata {

class IndexMapView;
class JobRunner;
class SchemaJob;
class SqlHighlighter;
class TableHealthView;

/// One table as operators inspect it: its name, estimated rows with an exact count on request, its size,
/// and tabs for columns, constraints, indexes, data, the DDL and its health. The index map's sizes and advice
/// come with the size: measured index sizes, the usage statistics and the migration set's indexes are read on
/// the same worker, and the advice waits for them. Sizes and counts run on workers of their
/// own; a result that arrives after another table was opened is dropped.
class TablePage : public QWidget
{
    Q_OBJECT

public:
    enum Tab { ColumnsTab, ConstraintsTab, IndexesTab, DataTab, DdlTab, HealthTab };
    enum ColumnsColumn {
        ColumnName,
        ColumnType,
        ColumnNull,
        ColumnDefault,
        ColumnPrimaryKey,
        ColumnForeignKey
    };

    explicit TablePage(QWidget* parent = nullptr);
    ~TablePage() override;

    /// Where sizes and counts are read; nullopt when no database is open.
    void setConnection(std::optional<ConnectionUrl> url);
    /// The migration set of the database (empty: none): the index advice knows which indexes it creates,
    /// and writes the steps that drop them into it.
    void setMigrationSet(const QString& folder);
    const std::optional<ConnectionUrl>& connection() const { return m_url; }
    /// Shows `table` and starts measuring it. A count of the previous table still running is cancelled.
    void showTable(const TableInfo& table, Dialect dialect);
    void clear();
    const TableInfo& table() const { return m_table; }

    /// The hook for the views other parts bring (the data grid): `widget` replaces the tab's current page,
    /// keeps its title, and the page takes ownership. Connect to tableShown() to feed it.
    void setTabWidget(Tab tab, QWidget* widget);
    QTabWidget* tabs() const;
    QTableWidget* columnsView() const;
    QTableWidget* constraintsView() const;
    IndexMapView* indexMap() const;
    /// The Health tab: read on a worker when it is opened.
    TableHealthView* healthView() const { return m_health; }
    QPlainTextEdit* ddlView() const;
    QPushButton* countButton() const;
    QString titleText() const;
    QString estimateText() const;
    QString exactText() const;
    QString sizeText() const;
    bool isCounting() const;

    /// "1.2 M", "840", "12.3 k": a row count as operators read it at a glance.
    static QString approximateRows(qint64 rows);

public Q_SLOTS:
    /// Starts the exact count on a worker, or cancels the one running (the button does both).
    void countRows();
    void cancelCount();
    /// Selects the row of a column in the Columns tab.
    void showColumn(const QString& column);

Q_SIGNALS:
    /// A table is on the page (for the data grid hook).
    void tableShown(const strata::TableInfo& table, strata::Dialect dialect);
    void sizeMeasured(bool ok);
    /// The exact count ended: `ok` false when it failed or was cancelled (failed() says why).
    void rowsCounted(bool ok);
    void failed(const strata::Error& error);

private:
    void fillColumns();
    void fillConstraints();
    void measure();
    void onMeasured(bool ok, const Error& error);
    void onCounted(bool ok, const Error& error);
    void retire(std::unique_ptr<JobRunner>& runner);

    std::unique_ptr<Ui::TablePage> m_ui;
    SqlHighlighter* m_highlighter;
    TableHealthView* m_health;
    std::optional<ConnectionUrl> m_url;
    QString m_setFolder;
    TableInfo m_table;
    Dialect m_dialect = Dialect::Sqlite;
    std::unique_ptr<JobRunner> m_sizeRunner;
    std::unique_ptr<JobRunner> m_countRunner;
    SchemaJob* m_sizeJob = nullptr;
    SchemaJob* m_countJob = nullptr;
};

} // namespace strata
