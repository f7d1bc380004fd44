#include "rehearsal/RehearsedStep.h"

#include <QJsonArray>

namespace strata {

QString RehearsedStep::rowCount(qint64 rows)
{
    if (rows >= 1000000)
        return QString::number(static_cast<double>(rows) / 1e6, 'f', 1) + QStringLiteral(" M");
    if (rows >= 10000)
        return QString::number(static_cast<double>(rows) / 1e3, 'f', 1) + QStringLiteral(" k");
    return QString::number(rows);
}

QString RehearsedStep::duration(qint64 ms)
{
    if (ms < 1000)
        return QStringLiteral("%1 ms").arg(ms);
    return QString::number(static_cast<double>(ms) / 1000.0, 'f', 1) + QStringLiteral(" s");
}

QString RehearsedStep::summary() const
{
    QStringList held;
    for (const auto& lock : locks)
        held << (lock.relation == QLatin1String("database")
                     ? QStringLiteral("holds the write lock %1").arg(duration(lock.heldMs))
                     : QStringLiteral("%1 (%2) %3").arg(lock.relation, lock.mode, duration(lock.heldMs)));
    QString text = QStringLiteral("%1 %2: ").arg(slot, phase);
    if (held.isEmpty())
        text += QStringLiteral("no table lock seen by the sampler (its whole transaction took %1)")
                    .arg(duration(transactionMs));
    else if (locks.first().relation == QLatin1String("database"))
        text += held.join(QStringLiteral(", "));
    else
        text += QStringLiteral("locks ") + held.join(QStringLiteral(", "));
    text += QStringLiteral(", measured on a copy of %1 rows").arg(rowCount(rowsInTables));
    QStringList notes{QStringLiteral("ran %1").arg(duration(durationMs))};
    if (rowsTouched > 0)
        notes << QStringLiteral("%1 rows touched").arg(rowCount(rowsTouched));
    if (!rewrittenTables.isEmpty())
        notes << QStringLiteral("rewrote %1").arg(rewrittenTables.join(QStringLiteral(", ")));
    text += QStringLiteral(" (%1)").arg(notes.join(QStringLiteral(", ")));
    if (ran && !succeeded)
        text += QStringLiteral(" FAILED: ") + error;
    return text;
}

QJsonObject RehearsedStep::toJson() const
{
    QJsonArray lockArray;
    for (const auto& lock : locks)
        lockArray << lock.toJson();
    QJsonObject object{{QStringLiteral("step"), slot},
                       {QStringLiteral("phase"), phase},
                       {QStringLiteral("label"), label},
                       {QStringLiteral("ran"), ran},
                       {QStringLiteral("ok"), succeeded},
                       {QStringLiteral("duration_ms"), durationMs},
                       {QStringLiteral("transaction_ms"), transactionMs},
                       {QStringLiteral("locks"), lockArray},
                       {QStringLiteral("rewritten_tables"), QJsonArray::fromStringList(rewrittenTables)},
                       {QStringLiteral("tables"), QJsonArray::fromStringList(tables)},
                       {QStringLiteral("rows_touched"), rowsTouched},
                       {QStringLiteral("rows_in_tables"), rowsInTables},
                       {QStringLiteral("summary"), summary()}};
    if (!error.isEmpty())
        object.insert(QStringLiteral("error"), error);
    return object;
}

} // namespace strata
