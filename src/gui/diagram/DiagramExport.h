#pragma once

#include <QSize>
#include <QString>

#include "common/Result.h"

class QGraphicsScene;

namespace strata {

/// Writes a diagram to a file: PNG for a message or a ticket, SVG for a document that zooms without blur.
/// The picture is the scene's whole rectangle, whatever part the window shows.
class DiagramExport
{
public:
    /// The PNG's size in pixels for `scale` (2: sharp on a high-density screen and when zoomed).
    static QSize pngSize(const QGraphicsScene& scene, double scale);
    static Status png(QGraphicsScene& scene, const QString& path, double scale = 2.0);
    static Status svg(QGraphicsScene& scene, const QString& path, const QString& title);
};

} // namespace strata
