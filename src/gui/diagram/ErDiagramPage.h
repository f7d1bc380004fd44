#pragma once

#include <QWidget>

#include "common/Result.h"
#include "schema/SchemaSnapshot.h"

class QLabel;
class QLineEdit;
class QToolBar;

namespace strata {

class ErDiagramScene;
class ErDiagramView;
class ErrorBanner;

/// The ER diagram page: the diagram, zoom buttons, a table search and PNG/SVG export. A click on a table
/// asks for its page (tableActivated).
class ErDiagramPage : public QWidget
{
    Q_OBJECT

public:
    explicit ErDiagramPage(QWidget* parent = nullptr);

    /// Draws `snapshot`; `title` names the database in exports ("state.db", "risk on db1").
    void setSnapshot(const SchemaSnapshot& snapshot, const QString& title = {});

    ErDiagramScene* scene() const { return m_scene; }
    ErDiagramView* view() const { return m_view; }
    QLineEdit* searchField() const { return m_search; }
    QString statusText() const;

    Status exportPng(const QString& path);
    Status exportSvg(const QString& path);

Q_SIGNALS:
    void tableActivated(const QString& schema, const QString& table);

private:
    void buildToolBar();
    void search(const QString& text);
    void chooseExport(const QString& format);

    ErDiagramScene* m_scene;
    ErDiagramView* m_view;
    ErrorBanner* m_banner;
    QToolBar* m_toolBar;
    QLineEdit* m_search = nullptr;
    QLabel* m_status;
    QLabel* m_zoomLabel = nullptr;
    QString m_title;
};

} // namespace strata
