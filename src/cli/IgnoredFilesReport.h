#pragma once

#include <QJsonArray>
#include <QList>
#include <QString>

#include "migrations/MigrationSet.h"

namespace strata::cli {

/// The files of a set's folder that no layout takes, as `plan` and `status` show them: listed, never run.
struct IgnoredFilesReport
{
    /// One line per file, "<indent><path>  (<reason>)"; empty when there are none.
    static QString lines(const QList<IgnoredFile>& ignored, const QString& indent);
    /// `ignored_files` of the JSON documents: [{"path", "reason"}].
    static QJsonArray json(const QList<IgnoredFile>& ignored);
};

} // namespace strata::cli
