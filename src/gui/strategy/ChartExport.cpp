#include "strategy/ChartExport.h"

#include <algorithm>
#include <cmath>
#include <map>

#include <QDateTime>
#include <QFileInfo>
#include <QImageWriter>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextStream>
#include <QWidget>

#include "strategy/ChartStyle.h"
#include "strategy/QCustomPlotInclude.h"

namespace strata::chartexport {

namespace {

Error writeFailed(const QString& path, const QString& reason)
{
    return Error::failed(
        QStringLiteral("Could not write %1: %2").arg(path, reason),
        QStringLiteral("Nothing else was written; the charts are unchanged."),
        QStringLiteral("Choose a folder you can write to, with free space, and export again."));
}

QString number(double value)
{
    return std::isnan(value) ? QString() : QString::number(value, 'g', 12);
}

QString quoted(QString text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) &&
        !text.contains(QLatin1Char('\n')))
        return text;
    return QLatin1Char('"') + text.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
}

double at(const QList<double>& values, qsizetype index)
{
    return index < values.size() ? values[index] : std::nan("");
}

Status writeText(const QString& path, const QString& text)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return writeFailed(path, file.errorString());
    const QByteArray bytes = text.toUtf8();
    if (file.write(bytes) != bytes.size() || !file.commit())
        return writeFailed(path, file.errorString());
    return {};
}

} // namespace

QString csvDate(double seconds)
{
    const qint64 whole = qint64(std::llround(seconds));
    const QDateTime time = QDateTime::fromSecsSinceEpoch(whole, Qt::UTC);
    return whole % 86400 == 0 ? time.date().toString(Qt::ISODate) : time.toString(Qt::ISODate);
}

Status savePng(QWidget& widget, const QString& path)
{
    const QImage image = widget.grab().toImage();
    if (image.isNull())
        return writeFailed(path, QStringLiteral("the view has no size to draw"));
    QImageWriter writer(path, "png");
    if (!writer.write(image))
        return writeFailed(path, writer.errorString());
    return {};
}

Status savePdf(const QString& title, const QStringList& summary, const QList<QCustomPlot*>& charts,
               const QString& path)
{
    QPdfWriter pdf(path);
    pdf.setCreator(QStringLiteral("Strata"));
    pdf.setTitle(title);
    pdf.setResolution(96); // one PDF unit per screen pixel: charts keep their on-screen proportions
    pdf.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(12, 12, 12, 12),
                                  QPageLayout::Millimeter));
    QCPPainter painter;
    if (!painter.begin(&pdf))
        return writeFailed(path, QStringLiteral("the file could not be opened for writing"));
    painter.setMode(QCPPainter::pmVectorized);
    painter.setMode(QCPPainter::pmNoCaching);
    const QRect page = pdf.pageLayout().paintRectPixels(pdf.resolution());
    const double pageWidth = page.width();
    const double pageHeight = page.height();

    double y = 0;
    painter.setPen(chartstyle::textColour());
    QFont heading = chartstyle::titleFont();
    heading.setPointSizeF(heading.pointSizeF() + 4);
    painter.setFont(heading);
    const QFontMetricsF headingMetrics(heading, &pdf);
    painter.drawText(QRectF(0, y, pageWidth, headingMetrics.height() * 1.4), Qt::AlignLeft | Qt::AlignVCenter,
                     title);
    y += headingMetrics.height() * 1.6;
    const QFont body = chartstyle::tickFont();
    painter.setFont(body);
    const QFontMetricsF bodyMetrics(body, &pdf);
    const double line = bodyMetrics.height() * 1.3;
    // Two columns when every line fits half the page; else one, each line wrapped to the page's width, so
    // that no line runs into another.
    constexpr double gutter = 16;
    const bool twoColumns = std::all_of(summary.cbegin(), summary.cend(), [&](const QString& text) {
        return bodyMetrics.horizontalAdvance(text) <= pageWidth / 2 - gutter;
    });
    if (twoColumns) {
        const int perColumn = int((summary.size() + 1) / 2);
        for (qsizetype i = 0; i < summary.size(); ++i) {
            const double x = i < perColumn ? 0 : pageWidth / 2;
            const double rowY = y + line * double(i < perColumn ? i : i - perColumn);
            painter.drawText(QRectF(x, rowY, pageWidth / 2 - gutter, line), Qt::AlignLeft | Qt::AlignVCenter,
                             summary[i]);
        }
        y += line * perColumn + 12;
    } else {
        for (const QString& text : summary) {
            const QRectF room(0, y, pageWidth, pageHeight);
            const QRectF used = bodyMetrics.boundingRect(room, Qt::AlignLeft | Qt::TextWordWrap, text);
            painter.drawText(QRectF(0, y, pageWidth, used.height()), Qt::AlignLeft | Qt::TextWordWrap, text);
            y += std::max(used.height(), bodyMetrics.height()) + line - bodyMetrics.height();
        }
        y += 12;
    }

    for (QCustomPlot* chart : charts) {
        const int width = chart->width() > 50 ? chart->width() : 900;
        const int height = chart->height() > 50 ? chart->height() : 300;
        const double scale = pageWidth / width;
        const double scaledHeight = height * scale;
        if (y + scaledHeight > pageHeight && y > 0) {
            if (!pdf.newPage())
                return writeFailed(path, QStringLiteral("a new page could not be started"));
            y = 0;
        }
        painter.save();
        painter.translate(0, y);
        painter.scale(scale, scale);
        chart->toPainter(&painter, width, height);
        painter.restore();
        chart->replot(QCustomPlot::rpQueuedReplot); // toPainter laid the chart out for the page
        y += scaledHeight + 10;
    }
    if (!painter.end())
        return writeFailed(path, QStringLiteral("the PDF could not be completed"));
    if (QFileInfo(path).size() == 0)
        return writeFailed(path, QStringLiteral("nothing was written"));
    return {};
}

Status writeTearsheetCsv(const Tearsheet& sheet, const QString& path)
{
    QString text;
    QTextStream out(&text);
    out << "date,period_return,cumulative_return,drawdown,rolling_sharpe,win_rate\n";
    for (qsizetype i = 0; i < sheet.time.size(); ++i)
        out << csvDate(sheet.time[i]) << ',' << number(at(sheet.periodReturn, i)) << ','
            << number(at(sheet.cumulativeReturn, i)) << ',' << number(at(sheet.drawdown, i)) << ','
            << number(at(sheet.rollingSharpe, i)) << ',' << number(at(sheet.winRate, i)) << '\n';
    out.flush();
    return writeText(path, text);
}

Status writeComparisonCsv(const QList<Tearsheet>& sheets, const QString& path)
{
    // One row per date any strategy has, in order; each strategy fills its own column.
    std::map<double, QList<double>> rows;
    for (qsizetype column = 0; column < sheets.size(); ++column) {
        const Tearsheet& sheet = sheets[column];
        for (qsizetype i = 0; i < sheet.time.size(); ++i) {
            QList<double>& row = rows[sheet.time[i]];
            if (row.isEmpty())
                row.fill(std::nan(""), sheets.size());
            row[column] = at(sheet.cumulativeReturn, i);
        }
    }
    QString text;
    QTextStream out(&text);
    out << "date";
    for (const Tearsheet& sheet : sheets)
        out << ',' << quoted(QStringLiteral("%1 v%2 (%3)").arg(sheet.name, sheet.version, sheet.strategyId));
    out << '\n';
    for (const auto& [time, values] : rows) {
        out << csvDate(time);
        for (double value : values)
            out << ',' << number(value);
        out << '\n';
    }
    out.flush();
    return writeText(path, text);
}

} // namespace strata::chartexport
