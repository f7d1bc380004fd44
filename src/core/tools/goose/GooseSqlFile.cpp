#include "tools/goose/GooseSqlFile.h"

namespace strata {

namespace {

/// goose's annotations (goose v3.27.3, internal/sqlparser/parser.go, extractAnnotation): a line that,
/// trimmed, starts with "--" and holds "+goose" anywhere. Its first column must not be blank, every "--" and
/// the first "+goose" are taken out, and the rest, trimmed, must be one of these in any letter case.
enum class Annotation {
    None,
    Up,
    Down,
    StatementBegin,
    StatementEnd,
    NoTransaction,
    EnvsubOn,
    EnvsubOff,
    Invalid
};

bool isAnnotationLine(QByteArrayView line)
{
    return line.trimmed().startsWith("--") && line.contains("+goose");
}

Annotation annotationOf(QByteArrayView line, QString& why)
{
    if (!isAnnotationLine(line))
        return Annotation::None;
    if (line.startsWith(' ') || line.startsWith('\t')) {
        why = QStringLiteral("a goose annotation must start in the first column; goose refuses one with "
                             "leading blanks.");
        return Annotation::Invalid;
    }
    QByteArray cmd = line.toByteArray().replace("--", "");
    cmd.replace(cmd.indexOf("+goose"), 6, "");
    if (cmd.contains("+goose")) {
        why = QStringLiteral("two \"+goose\" annotations on one line.");
        return Annotation::Invalid;
    }
    const QString text = QString::fromUtf8(cmd.trimmed());
    static const std::pair<const char*, Annotation> kAnnotations[] = {
        {"Up", Annotation::Up},
        {"Down", Annotation::Down},
        {"StatementBegin", Annotation::StatementBegin},
        {"StatementEnd", Annotation::StatementEnd},
        {"NO TRANSACTION", Annotation::NoTransaction},
        {"ENVSUB ON", Annotation::EnvsubOn},
        {"ENVSUB OFF", Annotation::EnvsubOff},
    };
    for (const auto& [spelling, annotation] : kAnnotations)
        if (text.compare(QLatin1String(spelling), Qt::CaseInsensitive) == 0)
            return annotation;
    why = text.isEmpty()
              ? QStringLiteral("an empty \"-- +goose\" annotation.")
              : QStringLiteral("\"%1\" is no goose annotation (goose knows Up, Down, StatementBegin, "
                               "StatementEnd, NO TRANSACTION, ENVSUB ON and ENVSUB OFF).")
                    .arg(text);
    return Annotation::Invalid;
}

Error gooseError(const QString& path, int line, const QString& what)
{
    return Error::badInput(QStringLiteral("%1, line %2: %3").arg(path).arg(line).arg(what),
                           QStringLiteral("Fix the goose annotations as goose itself requires (see "
                                          "docs/migration-sets.md, \"goose\"), then load the set again."),
                           QStringLiteral("Nothing was run; the database is unchanged."));
}

} // namespace

bool GooseSqlFile::recognises(const QByteArray& bytes)
{
    for (qsizetype start = 0; start < bytes.size();) {
        qsizetype end = bytes.indexOf('\n', start);
        if (end < 0)
            end = bytes.size();
        const QByteArrayView line(bytes.constData() + start, end - start);
        start = end + 1;
        if (isAnnotationLine(line))
            return true;
    }
    return false;
}

Result<GooseSqlFile> GooseSqlFile::parse(const QByteArray& bytes, const QString& path)
{
    enum State { Start, Up, UpBlock, Down, DownBlock } state = Start;
    GooseSqlFile file;
    int lineNumber = 0;
    int blockLine = 0;
    for (qsizetype start = 0; start < bytes.size();) {
        qsizetype end = bytes.indexOf('\n', start);
        if (end < 0)
            end = bytes.size();
        const QByteArrayView line(bytes.constData() + start, end - start);
        start = end + 1;
        ++lineNumber;
        QString why;
        switch (annotationOf(line, why)) {
        case Annotation::Invalid:
            return gooseError(path, lineNumber, why);
        case Annotation::Up:
            if (state != Start)
                return gooseError(
                    path, lineNumber,
                    QStringLiteral("a second \"-- +goose Up\" annotation; a goose file has one."));
            state = Up;
            file.upFirstLine = lineNumber + 1;
            continue;
        case Annotation::Down:
            if (state == UpBlock)
                return gooseError(path, lineNumber,
                                  QStringLiteral("\"-- +goose Down\" inside a StatementBegin block; close it "
                                                 "with \"-- +goose StatementEnd\" first."));
            if (state != Up)
                return gooseError(path, lineNumber,
                                  state == Start
                                      ? QStringLiteral("\"-- +goose Down\" before \"-- +goose Up\"; the file "
                                                       "must start with \"-- +goose Up\".")
                                      : QStringLiteral("a second \"-- +goose Down\" annotation; a goose file "
                                                       "has one."));
            state = Down;
            file.downFirstLine = lineNumber + 1;
            continue;
        case Annotation::StatementBegin:
            if (state != Up && state != Down)
                return gooseError(
                    path, lineNumber,
                    QStringLiteral("\"-- +goose StatementBegin\" must follow \"-- +goose Up\" or "
                                   "\"-- +goose Down\" and not stand inside another block."));
            state = state == Up ? UpBlock : DownBlock;
            blockLine = lineNumber;
            break; // a comment to the engine: kept in the section's text
        case Annotation::StatementEnd:
            if (state != UpBlock && state != DownBlock)
                return gooseError(path, lineNumber,
                                  QStringLiteral("\"-- +goose StatementEnd\" without a \"-- +goose "
                                                 "StatementBegin\" before it."));
            state = state == UpBlock ? Up : Down;
            break;
        case Annotation::NoTransaction:
            file.noTransaction = true;
            break;
        case Annotation::EnvsubOn:
            return gooseError(path, lineNumber,
                              QStringLiteral("\"-- +goose ENVSUB ON\" asks for environment variables to "
                                             "be substituted into the SQL, which Strata does not do."));
        case Annotation::EnvsubOff:
            break;
        case Annotation::None:
            if (state == Start) {
                const QByteArrayView trimmed = line.trimmed();
                if (trimmed.isEmpty() || trimmed.startsWith("--"))
                    continue; // goose ignores blank lines and comments before "-- +goose Up"
                return gooseError(path, lineNumber,
                                  QStringLiteral("SQL before \"-- +goose Up\"; goose refuses a statement "
                                                 "outside the Up and Down sections."));
            }
            break;
        }
        if (state == Start)
            continue;
        QByteArray& section = (state == Up || state == UpBlock) ? file.up : file.down;
        // goose reads lines with bufio.ScanLines, which drops a CRLF's \r: a function body or a trigger
        // reaches the database without it.
        section.append(line.endsWith('\r') ? line.chopped(1) : line).append('\n');
    }
    if (state == Start)
        return gooseError(path, std::max(lineNumber, 1),
                          QStringLiteral("the file has goose annotations but no \"-- +goose Up\"; goose "
                                         "requires it."));
    if (state == UpBlock || state == DownBlock)
        return gooseError(path, blockLine,
                          QStringLiteral("\"-- +goose StatementBegin\" is never closed by \"-- +goose "
                                         "StatementEnd\"."));
    return file;
}

} // namespace strata
