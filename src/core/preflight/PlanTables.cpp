#include "preflight/PlanTables.h"

#include <QRegularExpression>

namespace strata {

namespace {

QString withoutComments(const QString& sql)
{
    static const QRegularExpression lineComment(QStringLiteral("--[^\\n]*"));
    static const QRegularExpression blockComment(QStringLiteral("/\\*.*?\\*/"),
                                                 QRegularExpression::DotMatchesEverythingOption);
    return QString(sql).remove(blockComment).remove(lineComment);
}

} // namespace

QStringList PlanTables::ofScript(const QByteArray& sql)
{
    static const QString name = QStringLiteral(
        "((?:\"[^\"]+\"|[A-Za-z_][A-Za-z0-9_$]*)(?:\\.(?:\"[^\"]+\"|[A-Za-z_][A-Za-z0-9_$]*))?)");
    static const QList<QRegularExpression> patterns = {
        QRegularExpression(
            QStringLiteral("\\b(?:ALTER|DROP|LOCK)\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?") + name,
            QRegularExpression::CaseInsensitiveOption),
        QRegularExpression(QStringLiteral("\\bTRUNCATE\\s+(?:TABLE\\s+)?(?:ONLY\\s+)?") + name,
                           QRegularExpression::CaseInsensitiveOption),
        QRegularExpression(QStringLiteral("\\bINDEX\\s+(?:CONCURRENTLY\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?(?:"
                                          "\\S+\\s+)?ON\\s+(?:ONLY\\s+)?") +
                               name,
                           QRegularExpression::CaseInsensitiveOption),
        QRegularExpression(QStringLiteral("\\bDROP\\s+INDEX\\s+(?:CONCURRENTLY\\s+)?(?:IF\\s+EXISTS\\s+)?") +
                               name,
                           QRegularExpression::CaseInsensitiveOption),
        QRegularExpression(
            QStringLiteral("\\b(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|REFERENCES)\\s+(?:ONLY\\s+)?") + name,
            QRegularExpression::CaseInsensitiveOption),
    };
    // Words the patterns can meet where a table would be: ON UPDATE CASCADE, ON DELETE SET NULL,
    // NO ACTION, FOR UPDATE OF t / NOWAIT / SKIP LOCKED, DO UPDATE SET, BEFORE UPDATE OF col ON t.
    static const QStringList notNames = {
        QStringLiteral("SET"),     QStringLiteral("ON"),       QStringLiteral("ONLY"),
        QStringLiteral("CASCADE"), QStringLiteral("RESTRICT"), QStringLiteral("NO"),
        QStringLiteral("OF"),      QStringLiteral("NOWAIT"),   QStringLiteral("SKIP")};
    const QString text = withoutComments(QString::fromUtf8(sql));
    QStringList found;
    for (const auto& pattern : patterns)
        for (auto it = pattern.globalMatch(text); it.hasNext();) {
            const QString table = it.next().captured(1);
            if (!notNames.contains(table.toUpper()) && !found.contains(table))
                found << table;
        }
    return found;
}

QStringList PlanTables::of(const QList<MigrationStep>& steps)
{
    QStringList found;
    for (const auto& step : steps)
        for (const QString& table : ofScript(step.forwardSql))
            if (!found.contains(table))
                found << table;
    return found;
}

} // namespace strata
