#include "analytics/ReportWriter.h"

#include <memory>

#include <QBuffer>
#include <QFileInfo>
#include <QImage>
#include <QPageLayout>
#include <QPdfWriter>
#include <QPixmap>
#include <QSaveFile>
#include <QTextDocument>
#include <QUrl>

#include "analytics/ReportDocument.h"
#include "strategy/ChartStyle.h"
#include "strategy/QCustomPlotInclude.h"
#include "strategy/TearsheetView.h"
#include "strategy/TimeSeriesChart.h"

namespace strata {

namespace {

/// A chart as the report shows it: a plot redrawn at the report's size, any other widget as it is drawn.
QImage reportPicture(QWidget* widget)
{
    if (auto* plot = qobject_cast<QCustomPlot*>(widget))
        return plot->toPixmap(ReportWriter::chartWidth, ReportWriter::chartHeight).toImage();
    if (widget->width() < 200 || widget->height() < 120)
        widget->resize(ReportWriter::chartWidth, ReportWriter::chartHeight);
    return widget->grab().toImage();
}

QString reportDataUri(const QImage& image)
{
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return QStringLiteral("data:image/png;base64,") + QString::fromLatin1(png.toBase64());
}

Error reportCannotWrite(const QString& path, const QString& why)
{
    return Error::failed(
        QStringLiteral("Cannot write the report %1: %2").arg(path, why),
        QStringLiteral("Nothing was written; %1 is as it was.").arg(QFileInfo(path).fileName()),
        QStringLiteral("Choose a folder you can write to with free space, then write the report "
                       "again."));
}

} // namespace

Status ReportWriter::write(const QString& path, const StrategyAnalytics& analytics,
                           const QList<QCustomPlot*>& tearsheetCharts, const FamilyView* family,
                           const QList<QWidget*>& familyCharts)
{
    // The report is a white page: its charts are drawn in the light palette whatever View > Theme says, so a
    // report written from a dark window reads like one written from a light one. The tearsheet's charts are
    // drawn again, light, by a tearsheet of their own showing the same periods as the window's.
    const bool dark = chartstyle::darkTheme();
    const bool before = chartstyle::forceLightPalette(true);
    QList<QImage> tearsheetImages;
    {
        std::unique_ptr<TearsheetView> light;
        QList<QCustomPlot*> plots = tearsheetCharts;
        if (dark) {
            light = std::make_unique<TearsheetView>();
            light->setAnalytics(analytics);
            if (light->charts().size() == tearsheetCharts.size()) {
                plots = light->charts();
                for (qsizetype i = 0; i < plots.size(); ++i)
                    if (qobject_cast<TimeSeriesChart*>(plots.at(i)) && tearsheetCharts.at(i))
                        plots.at(i)->xAxis->setRange(tearsheetCharts.at(i)->xAxis->range());
            } else {
                light.reset(); // not the same charts: the window's own, restyled light
            }
        }
        for (QCustomPlot* plot : std::as_const(plots))
            if (plot) {
                if (dark && !light)
                    chartstyle::restyle(*plot);
                tearsheetImages << reportPicture(plot);
            }
    }
    QList<QImage> familyImages;
    if (family)
        for (QWidget* widget : familyCharts)
            if (widget) {
                auto* plot = qobject_cast<QCustomPlot*>(widget);
                if (dark && plot)
                    chartstyle::restyle(*plot);
                familyImages << reportPicture(widget);
            }
    chartstyle::forceLightPalette(before);
    // The window's own charts back in the theme's colours.
    if (dark) {
        for (QCustomPlot* plot : tearsheetCharts)
            if (plot)
                chartstyle::restyle(*plot);
        for (QWidget* widget : familyCharts)
            if (auto* plot = qobject_cast<QCustomPlot*>(widget))
                chartstyle::restyle(*plot);
    }

    const bool pdf = path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive);
    // A temporary file beside the target, renamed over it only when whole.
    QSaveFile file(path);
    file.setDirectWriteFallback(false);
    if (!file.open(QIODevice::WriteOnly))
        return reportCannotWrite(path, file.errorString());

    ReportDocument::Images sources;
    if (!pdf) {
        for (const QImage& image : std::as_const(tearsheetImages))
            sources.tearsheet << reportDataUri(image);
        for (const QImage& image : std::as_const(familyImages))
            sources.family << reportDataUri(image);
        const QByteArray html = ReportDocument::html(analytics, family, sources, false).toUtf8();
        if (file.write(html) != html.size()) {
            file.cancelWriting();
            return reportCannotWrite(path, file.errorString());
        }
    } else {
        // The same text laid out by QTextDocument, the charts as its image resources.
        QTextDocument document;
        for (int i = 0; i < tearsheetImages.size(); ++i) {
            sources.tearsheet << QStringLiteral("tearsheet-%1.png").arg(i);
            document.addResource(QTextDocument::ImageResource, QUrl(sources.tearsheet.last()),
                                 tearsheetImages.at(i));
        }
        for (int i = 0; i < familyImages.size(); ++i) {
            sources.family << QStringLiteral("family-%1.png").arg(i);
            document.addResource(QTextDocument::ImageResource, QUrl(sources.family.last()),
                                 familyImages.at(i));
        }
        document.setHtml(ReportDocument::html(analytics, family, sources, true));
        QPdfWriter writer(&file);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
        writer.setResolution(96);
        writer.setTitle(QStringLiteral("Strategy report — %1").arg(analytics.tearsheet.strategyId));
        writer.setCreator(QStringLiteral("Strata"));
        document.setPageSize(writer.pageLayout().paintRectPixels(writer.resolution()).size());
        document.print(&writer);
    }
    if (!file.commit())
        return reportCannotWrite(path, file.errorString());
    return {};
}

} // namespace strata
