#include "export/CsvWriter.h"

#include <sqlite3.h>

#include "export/CsvText.h"

namespace strata {

void CsvWriter::begin(const QStringList& columns, QByteArray& out)
{
    for (qsizetype i = 0; i < columns.size(); ++i) {
        if (i > 0)
            out.append(',');
        CsvText::appendField(out, columns.at(i).toUtf8(), m_dialect, columns.size() == 1);
    }
    out.append('\n');
}

void CsvWriter::row(const QVariantList& values, QByteArray& out)
{
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i > 0)
            out.append(',');
        const QVariant& value = values.at(i);
        if (!value.isValid())
            continue; // NULL: an empty field without quotes
        switch (value.typeId()) {
        case QMetaType::QByteArray: {
            const QByteArray bytes = value.toByteArray();
            if (m_dialect == Dialect::Postgres)
                CsvText::appendField(out, "\\x" + bytes.toHex(), m_dialect, values.size() == 1);
            else // sqlite3 prints a blob's bytes as text, which ends at the first NUL
                CsvText::appendField(
                    out, QByteArrayView(bytes.constData(), qstrnlen(bytes.constData(), bytes.size())),
                    m_dialect);
            break;
        }
        case QMetaType::Bool:
            out.append(value.toBool() ? 't' : 'f');
            break;
        case QMetaType::LongLong:
        case QMetaType::Int:
            out.append(QByteArray::number(value.toLongLong()));
            break;
        case QMetaType::Double:
            if (m_dialect == Dialect::Sqlite) {
                char text[64];
                sqlite3_snprintf(sizeof text, text, "%!.15g", value.toDouble());
                out.append(text);
            } else {
                out.append(QByteArray::number(value.toDouble(), 'g', QLocale::FloatingPointShortest));
            }
            break;
        default:
            CsvText::appendField(out, value.toString().toUtf8(), m_dialect, values.size() == 1);
        }
    }
    out.append('\n');
}

} // namespace strata
