#pragma once

#include "export/RowWriter.h"

namespace strata {

/// Tab-separated values as spreadsheets paste them: a field holding a tab, a line break or a double quote
/// is put in double quotes (inner quotes doubled); NULL is an empty field; binary values are \x and hex
/// digits. What Copy puts on the clipboard and what strata-cli query prints by default.
class TsvWriter final : public RowWriter
{
public:
    explicit TsvWriter(bool header = true) : m_header(header) {}
    void begin(const QStringList& columns, QByteArray& out) override;
    void row(const QVariantList& values, QByteArray& out) override;
    void end(QByteArray&) override {}

    /// One value as text (for a single copied cell as much as for a field).
    static QString text(const QVariant& value);

private:
    static void appendField(QByteArray& out, const QString& text);
    bool m_header;
};

} // namespace strata
