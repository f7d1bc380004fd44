#pragma once

#include "export/RowWriter.h"

namespace strata {

/// A JSON array with an object per row, one row a line. NULL is null, numbers are numbers (a number JSON
/// cannot hold, NaN or Infinity, is a string), booleans are booleans, binary values are base64 strings,
/// everything else a string. Two columns of the same name get "_2", "_3" after the later ones.
class JsonWriter final : public RowWriter
{
public:
    void begin(const QStringList& columns, QByteArray& out) override;
    void row(const QVariantList& values, QByteArray& out) override;
    void end(QByteArray& out) override;

    static void appendString(QByteArray& out, QByteArrayView utf8);

private:
    QList<QByteArray> m_keys; ///< each column's name as a JSON string and the colon
    bool m_first = true;
};

} // namespace strata
