#include "review/sqlite/SqliteFindings.h"

#include <algorithm>

#include <QLocale>

#include <sqlite3.h>

#include "schema/SqlIdentifier.h"

namespace strata {

SqliteFindings::SqliteFindings(StepReview& review, ReviewContext& context)
    : m_review(review), m_context(context),
      m_statements(SqliteStepStatements::read(review.step.forwardSql, review.step.forwardFirstLine)),
      m_rebuilds(SqliteRebuild::find(m_statements)), m_recipes(context.db, context.loads)
{}

int SqliteFindings::version() const
{
    return m_context.sqliteVersion > 0 ? m_context.sqliteVersion : sqlite3_libversion_number();
}

const TableLoad& SqliteFindings::load(const QString& table)
{
    return m_context.loads.of(QString(), table);
}

ReviewSeverity SqliteFindings::onRows(const QString& table, ReviewSeverity severity, ReviewSeverity otherwise)
{
    return load(table).mayHaveRows() ? severity : otherwise;
}

bool SqliteFindings::inRebuild(int index) const
{
    for (const SqliteRebuild& r : m_rebuilds)
        if (r.covers(index))
            return true;
    return false;
}

ReviewFinding& SqliteFindings::add(const char* rule, ReviewSeverity severity, const SqliteStepStatement& s,
                                   const QString& table)
{
    ReviewFinding& f = m_review.add(QString::fromLatin1(rule), severity, s.index, s.line, s.text);
    f.table = table;
    if (!table.isEmpty())
        f.load = load(table);
    return f;
}

void SqliteFindings::spanRebuild(ReviewFinding& f, const SqliteRebuild& r) const
{
    const int last = std::max({r.copy, r.drop, r.rename});
    const qsizetype from = m_statements.at(r.first).offset;
    const QByteArray& script = m_review.step.forwardSql;
    f.statement = QString::fromUtf8(script.mid(from, m_statements.at(last).end - from)).trimmed();
    f.excerpt = ReviewFinding::excerptOf(f.statement);
}

QString SqliteFindings::number(qint64 n)
{
    QLocale locale = QLocale::c();
    locale.setNumberOptions({}); // 20,000
    return locale.toString(n);
}

QString SqliteFindings::bytesText(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

/// "all 1,000,000 rows of orders (51.3 MB)", "orders, new in this plan", "orders (size unknown)".
QString SqliteFindings::sizeOf(const TableLoad& load)
{
    if (!load.read)
        return QStringLiteral("%1 (size unknown)").arg(load.table);
    if (!load.found)
        return QStringLiteral("%1 (not on the database yet)").arg(load.table);
    QString text = QStringLiteral("%1 %2 rows of %3")
                       .arg(load.rowsExact ? QStringLiteral("all") : QStringLiteral("more than"),
                            number(load.rows.value_or(0)), load.table);
    if (load.bytes)
        text += QStringLiteral(" (%1)").arg(bytesText(*load.bytes));
    return text;
}

QString SqliteFindings::versionText(int version)
{
    return QStringLiteral("%1.%2.%3")
        .arg(version / 1'000'000)
        .arg(version / 1'000 % 1'000)
        .arg(version % 1'000);
}

QString SqliteFindings::quoted(const QString& name)
{
    return SqlIdentifier::quote(name, Dialect::Sqlite);
}

} // namespace strata
