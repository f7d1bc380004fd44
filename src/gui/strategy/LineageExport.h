#pragma once

#include <QCoreApplication>
#include <QString>

#include "common/Result.h"

class QWidget;

namespace strata {

class ErrorBanner;
class LineageScene;

/// Writes the strategy lineage to a file — PNG for a message or a ticket, SVG for a document that zooms
/// without blur — the whole lineage whatever part the window shows, with what is faded faded.
class LineageExport
{
    Q_DECLARE_TR_FUNCTIONS(LineageExport)

public:
    static Status png(LineageScene& scene, const QString& path);
    /// `database` names where the lineage was read in the SVG's title; empty when unknown.
    static Status svg(LineageScene& scene, const QString& path, const QString& database);
    /// Asks where to write the `format` ("png" or "svg") file, writes it, and says how it went on `banner`.
    static void choose(QWidget& parent, LineageScene& scene, const QString& format, const QString& database,
                       ErrorBanner& banner);
};

} // namespace strata
