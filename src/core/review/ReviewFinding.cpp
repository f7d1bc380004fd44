#include "review/ReviewFinding.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace strata {

QJsonObject ReviewFinding::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("rule"), rule);
    o.insert(QStringLiteral("severity"), severityName(severity));
    o.insert(QStringLiteral("step"), step);
    o.insert(QStringLiteral("file"), file);
    o.insert(QStringLiteral("statement_index"), statementIndex);
    o.insert(QStringLiteral("line"), line);
    o.insert(QStringLiteral("statement"), excerpt);
    o.insert(QStringLiteral("table"), table.isEmpty() ? QJsonValue() : QJsonValue(table));
    o.insert(QStringLiteral("lock"), lockMode.isEmpty() ? QJsonValue() : QJsonValue(lockMode));
    o.insert(QStringLiteral("message"), message);
    if (!table.isEmpty()) {
        QJsonObject size;
        size.insert(QStringLiteral("known"), load.read);
        size.insert(QStringLiteral("exists"), load.found);
        size.insert(QStringLiteral("rows"), load.rows ? QJsonValue(double(*load.rows)) : QJsonValue());
        size.insert(QStringLiteral("rows_exact"), load.rowsExact);
        size.insert(QStringLiteral("bytes"), load.bytes ? QJsonValue(double(*load.bytes)) : QJsonValue());
        size.insert(QStringLiteral("used_by"), QJsonArray::fromStringList(load.sessions));
        if (!load.sizeSource.isEmpty())
            size.insert(QStringLiteral("measured_by"), load.sizeSource);
        o.insert(QStringLiteral("table_size"), size);
    }
    o.insert(QStringLiteral("rewrite"), rewrite.isEmpty() ? QJsonValue() : QJsonValue(rewrite));
    o.insert(QStringLiteral("rewrite_note"), rewriteNote.isEmpty() ? QJsonValue() : QJsonValue(rewriteNote));
    o.insert(QStringLiteral("suppressed"), suppressed);
    o.insert(QStringLiteral("suppression_reason"), suppressed ? QJsonValue(suppressionReason) : QJsonValue());
    o.insert(QStringLiteral("blocks"), blocks());
    return o;
}

QString ReviewFinding::toText(const QString& indent) const
{
    QString text = indent + QStringLiteral("%1 [%2]").arg(severityName(severity).toUpper(), rule);
    if (line > 0)
        text += QStringLiteral(" line %1").arg(line);
    text += QStringLiteral(": ") + message + QLatin1Char('\n');
    if (!excerpt.isEmpty())
        text += indent + QStringLiteral("  statement: ") + excerpt + QLatin1Char('\n');
    if (!lockMode.isEmpty())
        text += indent + QStringLiteral("  locks: %1 %2\n").arg(table, lockMode);
    if (!table.isEmpty())
        text += indent + QStringLiteral("  table: ") + load.text() + QLatin1Char('\n');
    if (!rewrite.isEmpty()) {
        text += indent + QStringLiteral("  safe rewrite:\n");
        for (const QString& l : rewrite.split(QLatin1Char('\n')))
            text += indent + QStringLiteral("    ") + l + QLatin1Char('\n');
    }
    if (!rewriteNote.isEmpty())
        text += indent + QStringLiteral("  how: ") + rewriteNote + QLatin1Char('\n');
    if (suppressed)
        text +=
            indent + QStringLiteral("  allowed in the step's file: ") + suppressionReason + QLatin1Char('\n');
    return text;
}

QString ReviewFinding::excerptOf(const QString& statement, int max)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    QString one = statement;
    one.replace(space, QStringLiteral(" "));
    one = one.trimmed();
    if (one.size() > max)
        one = one.left(max - 3) + QStringLiteral("...");
    return one;
}

} // namespace strata
