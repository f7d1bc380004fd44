#include "diagram/ErDiagramPage.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QStandardPaths>
#include <QToolBar>
#include <QVBoxLayout>

#include "common/ErrorBanner.h"
#include "diagram/DiagramExport.h"
#include "diagram/ErDiagramScene.h"
#include "diagram/ErDiagramView.h"
#include "diagram/TableBoxItem.h"

namespace strata {

ErDiagramPage::ErDiagramPage(QWidget* parent)
    : QWidget(parent), m_scene(new ErDiagramScene(this)), m_view(new ErDiagramView(this)),
      m_banner(new ErrorBanner(this)), m_toolBar(new QToolBar(this)), m_status(new QLabel(this))
{
    m_view->setScene(m_scene);
    m_status->setContentsMargins(6, 2, 6, 2);
    buildToolBar();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_banner);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);

    connect(m_scene, &ErDiagramScene::tableActivated, this, &ErDiagramPage::tableActivated);
    connect(m_scene, &ErDiagramScene::layoutStarted, this, [this](int tables) {
        m_status->setText(tables == 1 ? tr("Laying out 1 table…") : tr("Laying out %1 tables…").arg(tables));
    });
    connect(m_scene, &ErDiagramScene::laidOut, this, [this](int tables, int, qint64 milliseconds) {
        m_view->openAt(m_scene->sceneRect());
        m_status->setText(tables == 0
                              ? tr("No tables.")
                              : tr("%1; laid out in %2 ms. Click a table to open it; Ctrl+wheel zooms, "
                                   "dragging the background pans.")
                                    .arg(m_scene->summary())
                                    .arg(milliseconds));
        if (!m_search->text().isEmpty())
            search(m_search->text());
    });
    connect(m_scene, &ErDiagramScene::layoutFailed, this, [this](const Error& error) {
        m_banner->showError(error);
        m_status->setText(tr("No diagram."));
    });
    connect(m_view, &ErDiagramView::zoomChanged, this,
            [this](double factor) { m_zoomLabel->setText(QStringLiteral("%1%").arg(qRound(factor * 100))); });
}

void ErDiagramPage::buildToolBar()
{
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    QAction* fit = m_toolBar->addAction(tr("Fit"), m_view, &ErDiagramView::fitAll);
    fit->setToolTip(tr("Show the whole diagram"));
    m_toolBar->addAction(tr("Zoom out"), m_view, &ErDiagramView::zoomOut)->setShortcut(QKeySequence::ZoomOut);
    m_zoomLabel = new QLabel(QStringLiteral("100%"), m_toolBar);
    m_zoomLabel->setMinimumWidth(44);
    m_zoomLabel->setAlignment(Qt::AlignCenter);
    m_toolBar->addWidget(m_zoomLabel);
    m_toolBar->addAction(tr("Zoom in"), m_view, &ErDiagramView::zoomIn)->setShortcut(QKeySequence::ZoomIn);
    m_toolBar->addAction(tr("100%"), m_view, &ErDiagramView::resetZoom);
    m_toolBar->addSeparator();
    m_search = new QLineEdit(m_toolBar);
    m_search->setPlaceholderText(tr("Find a table…"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(220);
    m_toolBar->addWidget(m_search);
    connect(m_search, &QLineEdit::textChanged, this, &ErDiagramPage::search);
    m_toolBar->addSeparator();
    m_toolBar->addAction(tr("Export PNG…"), this, [this] { chooseExport(QStringLiteral("png")); });
    m_toolBar->addAction(tr("Export SVG…"), this, [this] { chooseExport(QStringLiteral("svg")); });
}

void ErDiagramPage::setSnapshot(const SchemaSnapshot& snapshot, const QString& title)
{
    m_title = title;
    m_banner->clear();
    m_scene->setSnapshot(snapshot);
}

QString ErDiagramPage::statusText() const
{
    return m_status->text();
}

void ErDiagramPage::search(const QString& text)
{
    const QList<TableBoxItem*> matches = m_scene->highlight(text);
    if (!matches.isEmpty())
        m_view->reveal(matches.first()->sceneBoundingRect());
    if (!text.trimmed().isEmpty() && !m_scene->isLayingOut())
        m_status->setText(matches.isEmpty() ? tr("No table matches \"%1\".").arg(text.trimmed())
                          : matches.size() == 1
                              ? tr("1 table matches \"%1\".").arg(text.trimmed())
                              : tr("%1 tables match \"%2\".").arg(matches.size()).arg(text.trimmed()));
}

Status ErDiagramPage::exportPng(const QString& path)
{
    return DiagramExport::png(*m_scene, path);
}

Status ErDiagramPage::exportSvg(const QString& path)
{
    return DiagramExport::svg(*m_scene, path,
                              m_title.isEmpty() ? tr("ER diagram") : tr("ER diagram of %1").arg(m_title));
}

void ErDiagramPage::chooseExport(const QString& format)
{
    if (m_scene->isLayingOut() || m_scene->tableItems().isEmpty()) {
        m_banner->showNotice(tr("There is no diagram to export yet."));
        return;
    }
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    const QString suggested = QDir(folder).filePath(QStringLiteral("er-diagram.") + format);
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export the diagram"), suggested,
        format == QLatin1String("png") ? tr("PNG image (*.png)") : tr("SVG drawing (*.svg)"));
    if (path.isEmpty())
        return;
    const Status written = format == QLatin1String("png") ? exportPng(path) : exportSvg(path);
    if (written)
        m_banner->showNotice(tr("The diagram was saved to %1.").arg(path));
    else
        m_banner->showError(written.error());
}

} // namespace strata
