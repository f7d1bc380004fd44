#include "export/JsonWriter.h"

#include <cmath>

#include <QSet>

namespace strata {

void JsonWriter::appendString(QByteArray& out, QByteArrayView utf8)
{
    static const char hex[] = "0123456789abcdef";
    out.append('"');
    for (const char c : utf8) {
        const uchar u = uchar(c);
        if (c == '"' || c == '\\') {
            out.append('\\');
            out.append(c);
        } else if (u < 0x20) {
            switch (c) {
            case '\n':
                out.append("\\n");
                break;
            case '\r':
                out.append("\\r");
                break;
            case '\t':
                out.append("\\t");
                break;
            default:
                out.append("\\u00");
                out.append(hex[u >> 4]);
                out.append(hex[u & 15]);
            }
        } else {
            out.append(c);
        }
    }
    out.append('"');
}

void JsonWriter::begin(const QStringList& columns, QByteArray& out)
{
    QSet<QString> taken;
    for (const QString& column : columns) {
        QString key = column;
        for (int n = 2; taken.contains(key); ++n)
            key = QStringLiteral("%1_%2").arg(column).arg(n);
        taken.insert(key);
        QByteArray quoted;
        appendString(quoted, key.toUtf8());
        m_keys << quoted + ':';
    }
    out.append('[');
}

void JsonWriter::row(const QVariantList& values, QByteArray& out)
{
    out.append(m_first ? "\n{" : ",\n{");
    m_first = false;
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i > 0)
            out.append(',');
        out.append(m_keys.value(i));
        const QVariant& value = values.at(i);
        if (!value.isValid()) {
            out.append("null");
            continue;
        }
        switch (value.typeId()) {
        case QMetaType::QByteArray:
            out.append('"').append(value.toByteArray().toBase64()).append('"');
            break;
        case QMetaType::Bool:
            out.append(value.toBool() ? "true" : "false");
            break;
        case QMetaType::LongLong:
        case QMetaType::Int:
            out.append(QByteArray::number(value.toLongLong()));
            break;
        case QMetaType::Double: {
            const double d = value.toDouble();
            const QByteArray text = QByteArray::number(d, 'g', QLocale::FloatingPointShortest);
            if (std::isfinite(d))
                out.append(text);
            else
                appendString(out, std::isnan(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
            break;
        }
        default:
            appendString(out, value.toString().toUtf8());
        }
    }
    out.append('}');
}

void JsonWriter::end(QByteArray& out)
{
    out.append(m_first ? "]\n" : "\n]\n");
}

} // namespace strata
