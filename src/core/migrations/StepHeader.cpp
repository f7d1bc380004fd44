#include "migrations/StepHeader.h"

#include <QRegularExpression>

#include "timeouts/DurationText.h"

namespace strata {

QString StepRef::text() const
{
    return step > 0 ? QStringLiteral("%1.%2").arg(version).arg(step) : QString::number(version);
}

std::optional<StepRef> StepRef::parse(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("^\\s*(\\d+)(?:\\.(\\d+))?\\s*$"));
    const auto match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    // A number too large for its type is no reference: toLongLong()/toInt() would read it as 0.
    bool versionFits = false;
    bool stepFits = true;
    StepRef ref;
    ref.version = match.captured(1).toLongLong(&versionFits);
    if (!match.captured(2).isEmpty())
        ref.step = match.captured(2).toInt(&stepFits);
    if (!versionFits || !stepFits)
        return std::nullopt;
    return ref;
}

Result<StepHeader> StepHeader::parse(const QString& text, const QString& path, int firstLine)
{
    static const QRegularExpression headerLine(
        QStringLiteral("^--\\s*(Migration|Description|Created)\\s*:\\s*(.*)$"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression directiveLine(
        QStringLiteral("^--\\s*strata:([A-Za-z_-]+)\\s*(.*?)\\s*$"));
    static const QRegularExpression phaseName(QStringLiteral("^[A-Za-z][A-Za-z0-9_-]*$"));

    StepHeader header;
    int lineNumber = firstLine - 1;
    auto bad = [&](const QString& what) {
        return Error::badInput(
            QStringLiteral("%1:%2: %3").arg(path).arg(lineNumber).arg(what),
            QStringLiteral("Directives are: -- strata:phase NAME, -- strata:option NAME, "
                           "-- strata:no-transaction, -- strata:dialect sqlite|postgresql, "
                           "-- strata:requires VERSION[.STEP], -- strata:lock-timeout DURATION, "
                           "-- strata:statement-timeout DURATION. See docs/migration-sets.md."));
    };
    for (const QString& raw : text.split(QLatin1Char('\n'))) {
        const QString line = raw.trimmed();
        ++lineNumber;
        if (line.isEmpty())
            continue;
        if (!line.startsWith(QLatin1String("--")))
            break; // the header ends at the first statement
        if (const auto m = headerLine.match(line); m.hasMatch()) {
            const QString key = m.captured(1).toLower();
            const QString value = m.captured(2).trimmed();
            if (key == QLatin1String("migration"))
                header.migration = value;
            else if (key == QLatin1String("description"))
                header.description = value;
            else
                header.created = value;
            continue;
        }
        const auto d = directiveLine.match(line);
        if (!d.hasMatch())
            continue; // an ordinary comment
        const QString name = d.captured(1).toLower();
        const QString value = d.captured(2);
        if (name == QLatin1String("phase")) {
            if (!phaseName.match(value).hasMatch())
                return bad(QStringLiteral("\"%1\" is not a phase name.").arg(value));
            header.phase = value;
        } else if (name == QLatin1String("option")) {
            if (!phaseName.match(value).hasMatch())
                return bad(QStringLiteral("\"%1\" is not an option name.").arg(value));
            header.option = value;
        } else if (name == QLatin1String("no-transaction")) {
            header.noTransaction = true;
        } else if (name == QLatin1String("dialect")) {
            if (value == QLatin1String("sqlite"))
                header.dialect = Dialect::Sqlite;
            else if (value == QLatin1String("postgresql") || value == QLatin1String("postgres"))
                header.dialect = Dialect::Postgres;
            else
                return bad(
                    QStringLiteral("\"%1\" is not a dialect Strata knows (sqlite, postgresql).").arg(value));
        } else if (name == QLatin1String("requires")) {
            for (const QString& part :
                 value.split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts)) {
                const auto ref = StepRef::parse(part);
                if (!ref)
                    return bad(QStringLiteral("\"%1\" is not a version or VERSION.STEP.").arg(part));
                header.requirements << *ref;
            }
        } else if (name == QLatin1String("lock-timeout") || name == QLatin1String("lock_timeout") ||
                   name == QLatin1String("statement-timeout") || name == QLatin1String("statement_timeout")) {
            const auto duration = DurationText::parse(value);
            if (!duration)
                return bad(QStringLiteral("\"%1\" is not a duration for strata:%2: write %3.")
                               .arg(value, name, DurationText::syntax()));
            (name.startsWith(QLatin1String("lock")) ? header.lockTimeout : header.statementTimeout) =
                duration;
        } else if (name == QLatin1String("allow")) {
            // A review finding accepted for this step (`-- strata:allow RULE reason`): the review reads
            // and checks these lines (StepSuppression); they change nothing in how the step runs.
        } else {
            return bad(QStringLiteral("unknown directive strata:%1.").arg(name));
        }
    }
    return header;
}

} // namespace strata
