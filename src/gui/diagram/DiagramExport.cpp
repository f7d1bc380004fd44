#include "diagram/DiagramExport.h"

#include <QFileInfo>
#include <QGraphicsScene>
#include <QImage>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>

namespace strata {

namespace {

/// An image this big (in pixels) takes a gigabyte of memory: the scale is lowered to stay below it.
constexpr double maximumPixels = 120e6;

Error notWritten(const QString& what, const QString& path, const QString& reason)
{
    return Error::failed(
        QStringLiteral("The %1 could not be written to %2: %3.").arg(what, path, reason),
        QStringLiteral("The diagram is unchanged, and no file was left at that path."),
        QStringLiteral("Choose a folder you can write to, with free space, and export again."));
}

} // namespace

QSize DiagramExport::pngSize(const QGraphicsScene& scene, double scale)
{
    const QSizeF size = scene.sceneRect().size();
    const double pixels = size.width() * size.height() * scale * scale;
    if (pixels > maximumPixels)
        scale *= std::sqrt(maximumPixels / pixels);
    return QSize(static_cast<int>(std::ceil(size.width() * scale)),
                 static_cast<int>(std::ceil(size.height() * scale)));
}

Status DiagramExport::png(QGraphicsScene& scene, const QString& path, double scale)
{
    const QSize size = pngSize(scene, scale);
    if (size.isEmpty())
        return notWritten(QStringLiteral("picture"), path, QStringLiteral("the diagram is empty"));
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(scene.backgroundBrush().color());
    {
        QPainter painter(&image);
        painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing |
                               QPainter::SmoothPixmapTransform);
        scene.render(&painter, QRectF(QPointF(0, 0), QSizeF(size)), scene.sceneRect(), Qt::KeepAspectRatio);
    }
    QSaveFile file(path); // all or nothing: a failed export never leaves half a picture
    if (!file.open(QIODevice::WriteOnly))
        return notWritten(QStringLiteral("PNG"), path, file.errorString());
    if (!image.save(&file, "PNG"))
        return notWritten(QStringLiteral("PNG"), path, QStringLiteral("the image could not be encoded"));
    if (!file.commit())
        return notWritten(QStringLiteral("PNG"), path, file.errorString());
    return {};
}

Status DiagramExport::svg(QGraphicsScene& scene, const QString& path, const QString& title)
{
    const QRectF area = scene.sceneRect();
    if (area.isEmpty())
        return notWritten(QStringLiteral("SVG"), path, QStringLiteral("the diagram is empty"));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return notWritten(QStringLiteral("SVG"), path, file.errorString());
    QSvgGenerator generator;
    generator.setOutputDevice(&file);
    generator.setSize(area.size().toSize());
    generator.setViewBox(QRectF(QPointF(0, 0), area.size()));
    generator.setTitle(title);
    generator.setDescription(QStringLiteral("ER diagram exported by Strata"));
    {
        QPainter painter(&generator);
        painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
        scene.render(&painter, QRectF(QPointF(0, 0), area.size()), area, Qt::KeepAspectRatio);
    }
    if (!file.commit())
        return notWritten(QStringLiteral("SVG"), path, file.errorString());
    return {};
}

} // namespace strata
