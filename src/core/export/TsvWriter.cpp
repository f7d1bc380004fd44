#include "export/TsvWriter.h"

namespace strata {

QString TsvWriter::text(const QVariant& value)
{
    if (!value.isValid())
        return {};
    switch (value.typeId()) {
    case QMetaType::QByteArray:
        return QStringLiteral("\\x") + QString::fromLatin1(value.toByteArray().toHex());
    case QMetaType::Double:
        return QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
    case QMetaType::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    default:
        return value.toString();
    }
}

void TsvWriter::appendField(QByteArray& out, const QString& text)
{
    const QByteArray utf8 = text.toUtf8();
    if (!utf8.contains('\t') && !utf8.contains('\n') && !utf8.contains('\r') && !utf8.contains('"')) {
        out.append(utf8);
        return;
    }
    out.append('"');
    for (const char c : utf8) {
        if (c == '"')
            out.append('"');
        out.append(c);
    }
    out.append('"');
}

void TsvWriter::begin(const QStringList& columns, QByteArray& out)
{
    if (!m_header)
        return;
    for (qsizetype i = 0; i < columns.size(); ++i) {
        if (i > 0)
            out.append('\t');
        appendField(out, columns.at(i));
    }
    out.append('\n');
}

void TsvWriter::row(const QVariantList& values, QByteArray& out)
{
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i > 0)
            out.append('\t');
        appendField(out, text(values.at(i)));
    }
    out.append('\n');
}

} // namespace strata
