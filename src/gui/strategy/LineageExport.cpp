#include "strategy/LineageExport.h"

#include <QDir>
#include <QFileDialog>
#include <QStandardPaths>

#include "common/ErrorBanner.h"
#include "diagram/DiagramExport.h"
#include "strategy/LineageScene.h"

namespace strata {

Status LineageExport::png(LineageScene& scene, const QString& path)
{
    return DiagramExport::png(scene, path);
}

Status LineageExport::svg(LineageScene& scene, const QString& path, const QString& database)
{
    return DiagramExport::svg(scene, path,
                              database.isEmpty() ? tr("Strategy lineage")
                                                 : tr("Strategy lineage of %1").arg(database));
}

void LineageExport::choose(QWidget& parent, LineageScene& scene, const QString& format,
                           const QString& database, ErrorBanner& banner)
{
    if (scene.isLayingOut() || scene.nodeItems().isEmpty()) {
        banner.showNotice(tr("There is no lineage to export yet."));
        return;
    }
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    const QString path = QFileDialog::getSaveFileName(
        &parent, tr("Export the lineage"),
        QDir(folder).filePath(QStringLiteral("strategy-lineage.") + format),
        format == QLatin1String("png") ? tr("PNG image (*.png)") : tr("SVG drawing (*.svg)"));
    if (path.isEmpty())
        return;
    const Status written = format == QLatin1String("png") ? png(scene, path) : svg(scene, path, database);
    if (written)
        banner.showNotice(tr("The lineage was saved to %1.").arg(path));
    else
        banner.showError(written.error());
}

} // namespace strata
