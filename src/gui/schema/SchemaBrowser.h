#pragma once

#include <memory>
#include <optional>

#include <QWidget>

#include "common/Error.h"
#include "connection/ConnectionUrl.h"
#include "schema/SchemaSnapshot.h"
#include "schema/SchemaTree.h"

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QStackedWidget;
class QTabWidget;

namespace strata {

class DriftPage;
class ErDiagramPage;
class ErrorBanner;
class JobRunner;
class SchemaJob;
class SqlHighlighter;
class TablePage;
class TableRowsTab;

/// The Schema tab of the main window, in three views. Tables: the schema tree of the open connection with
/// its filter, and beside it the page of what is selected (a table's page with its rows, or the definition
/// of a view, trigger, sequence or enum). Diagram: the ER diagram, laid out when first looked at after each
/// read. Drift: the live schema against what the migration set says it should be.
/// The schema is read on a worker; the window keeps turning while it is read.
class SchemaBrowser : public QWidget
{
    Q_OBJECT

public:
    explicit SchemaBrowser(QWidget* parent = nullptr);
    ~SchemaBrowser() override;

    enum View { TablesView, DiagramView, DriftView };

    /// Reads the schema of `url` on a worker. A read still running for an earlier call is cancelled and its
    /// result dropped. What was open stays open when it still exists after the read. `setFolder` is the
    /// migration set the drift check replays (empty: the drift view says there is none).
    void load(const ConnectionUrl& url, const QString& setFolder = {});
    /// Shows a snapshot read elsewhere (or built by hand); `readMs` is how long reading it took, -1 unknown.
    void showSnapshot(SchemaSnapshot snapshot, qint64 readMs = -1);
    void showError(const Error& error);
    void clear();

    bool isReading() const;
    const SchemaSnapshot* snapshot() const { return m_snapshot.get(); }
    SchemaTree* tree() const { return m_tree; }
    TablePage* tablePage() const { return m_tablePage; }
    QTabWidget* views() const { return m_views; }
    ErDiagramPage* diagram() const { return m_diagram; }
    DriftPage* drift() const { return m_drift; }
    TableRowsTab* rows() const { return m_rows; }
    ErrorBanner* banner() const { return m_banner; }
    QLineEdit* filterBox() const { return m_filter; }
    QString summary() const;
    /// The definition shown for a view, trigger, sequence or enum type; empty when a table is shown.
    QString shownDefinition() const;
    /// True when the table page is the page on show.
    bool isShowingTable() const;

public Q_SLOTS:
    /// Opens a table's page (for the ER diagram and the index advice too). Before the schema has been read
    /// the table opens once it is.
    void openTable(const QString& schema, const QString& table);
    void openObject(const QString& schema, const QString& name, strata::SchemaTree::Node kind);

Q_SIGNALS:
    /// A schema read ended (ok or not).
    void schemaShown(bool ok);
    void tableOpened(const QString& schema, const QString& table);
    /// The index advice wrote a new step into the migration set (its forward file's absolute path): the
    /// set has a pending version the window should show.
    void migrationStepWritten(const QString& path);

private:
    void onRead(bool ok, const Error& error);
    void showTablePart(const QString& schema, const QString& table, SchemaTree::Node part,
                       const QString& name);
    void retireReader();
    /// Gives the diagram the last snapshot when the diagram is on show and has not drawn it yet.
    void drawDiagramIfShown();

    QLabel* m_summary;
    QLabel* m_details;
    ErrorBanner* m_banner;
    QLineEdit* m_filter;
    SchemaTree* m_tree;
    QStackedWidget* m_pages;
    QLabel* m_hint;
    TablePage* m_tablePage;
    QWidget* m_objectPage;
    QLabel* m_objectTitle;
    QLabel* m_objectKind;
    QPlainTextEdit* m_definition;
    QTabWidget* m_views;
    ErDiagramPage* m_diagram;
    DriftPage* m_drift;
    TableRowsTab* m_rows;
    SqlHighlighter* m_highlighter;
    bool m_diagramDrawn = false; ///< the diagram shows the last snapshot
    std::optional<ConnectionUrl> m_url;
    std::shared_ptr<const SchemaSnapshot> m_snapshot;
    std::unique_ptr<JobRunner> m_reader;
    SchemaJob* m_readJob = nullptr;
    /// The table or object to show once the schema is read: (schema, name, kind).
    std::optional<std::tuple<QString, QString, SchemaTree::Node>> m_wanted;
};

} // namespace strata
