#pragma once

#include <memory>

#include <QByteArray>
#include <QStringList>
#include <QVariantList>

#include "connection/ConnectionUrl.h"
#include "export/ExportFormat.h"

namespace strata {

/// Turns rows (values as the console holds them: NULL invalid, binary QByteArray, numbers, text) into the
/// bytes of one export format, appended to a buffer that the caller writes out whenever it likes.
class RowWriter
{
public:
    virtual ~RowWriter() = default;
    virtual void begin(const QStringList& columns, QByteArray& out) = 0;
    virtual void row(const QVariantList& values, QByteArray& out) = 0;
    virtual void end(QByteArray& out) = 0;

    /// The writer of `format` for rows of `dialect`; `table` names the INSERT statements' target.
    static std::unique_ptr<RowWriter> create(ExportFormat format, Dialect dialect, const QString& table);
};

} // namespace strata
