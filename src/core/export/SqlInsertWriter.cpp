#include "export/SqlInsertWriter.h"

#include <cmath>

#include "schema/SqlIdentifier.h"

namespace strata {

void SqlInsertWriter::begin(const QStringList& columns, QByteArray& out)
{
    QStringList quoted;
    for (const QString& column : columns)
        quoted << SqlIdentifier::quote(column, m_dialect);
    m_prefix = QStringLiteral("INSERT INTO %1 (%2) VALUES (")
                   .arg(m_table, quoted.join(QStringLiteral(", ")))
                   .toUtf8();
    Q_UNUSED(out);
}

void SqlInsertWriter::appendLiteral(QByteArray& out, const QVariant& value, Dialect dialect)
{
    if (!value.isValid()) {
        out.append("NULL");
        return;
    }
    switch (value.typeId()) {
    case QMetaType::QByteArray:
        if (dialect == Dialect::Sqlite)
            out.append("X'").append(value.toByteArray().toHex()).append('\'');
        else
            out.append("'\\x").append(value.toByteArray().toHex()).append("'::bytea");
        return;
    case QMetaType::Bool:
        out.append(dialect == Dialect::Sqlite ? (value.toBool() ? "1" : "0")
                                              : (value.toBool() ? "TRUE" : "FALSE"));
        return;
    case QMetaType::LongLong:
    case QMetaType::Int:
        out.append(QByteArray::number(value.toLongLong()));
        return;
    case QMetaType::Double: {
        const double d = value.toDouble();
        if (std::isfinite(d)) {
            QByteArray text = QByteArray::number(d, 'g', QLocale::FloatingPointShortest);
            // A whole number stays a real number when SQLite reads it back (2.0, not the integer 2).
            if (dialect == Dialect::Sqlite && !text.contains('.') && !text.contains('e'))
                text += ".0";
            out.append(text);
        } else if (dialect == Dialect::Sqlite) {
            out.append(std::isnan(d) ? "NULL" : d > 0 ? "9e999" : "-9e999"); // SQLite stores NaN as NULL
        } else {
            out.append(std::isnan(d) ? "'NaN'::float8"
                       : d > 0       ? "'Infinity'::float8"
                                     : "'-Infinity'::float8");
        }
        return;
    }
    default:
        break;
    }
    const QByteArray text = value.toString().toUtf8();
    out.append('\'');
    for (const char c : text) {
        if (c == '\'')
            out.append('\'');
        out.append(c);
    }
    out.append('\'');
}

void SqlInsertWriter::row(const QVariantList& values, QByteArray& out)
{
    out.append(m_prefix);
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i > 0)
            out.append(", ");
        appendLiteral(out, values.at(i), m_dialect);
    }
    out.append(");\n");
}

} // namespace strata
