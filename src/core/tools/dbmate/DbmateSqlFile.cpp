#include "tools/dbmate/DbmateSqlFile.h"

#include <QList>

namespace strata {

namespace {

/// Go's `\s` in dbmate's regular expressions: space, tab, newline, form feed, carriage return.
bool isGoSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

/// A marker dbmate's `(?m)^--\s*migrate:(up|down)` finds: where its "--" starts and where its word ends.
struct Marker
{
    bool up = false;
    qsizetype start = 0;
    qsizetype wordEnd = 0;
    bool strict = false; ///< followed by a blank or the end (dbmate's up/down regexes); else only a directive
};

/// Every block directive, in file order. Only a "--" in a line's first column starts one, as `(?m)^`.
QList<Marker> markersOf(const QByteArray& bytes)
{
    QList<Marker> markers;
    const qsizetype n = bytes.size();
    for (qsizetype lineStart = 0; lineStart < n;) {
        qsizetype next = bytes.indexOf('\n', lineStart);
        next = next < 0 ? n : next + 1;
        if (QByteArrayView(bytes).sliced(lineStart).startsWith("--")) {
            qsizetype i = lineStart + 2;
            while (i < n && isGoSpace(bytes[i]))
                ++i;
            const QByteArrayView rest = QByteArrayView(bytes).sliced(i);
            for (const bool up : {true, false}) {
                const QByteArrayView word =
                    up ? QByteArrayView("migrate:up") : QByteArrayView("migrate:down");
                if (rest.startsWith(word)) {
                    Marker m{up, lineStart, i + word.size(), false};
                    m.strict = m.wordEnd >= n || isGoSpace(bytes[m.wordEnd]);
                    markers << m;
                }
            }
        }
        lineStart = next;
    }
    return markers;
}

int lineOf(const QByteArray& bytes, qsizetype offset)
{
    return 1 + static_cast<int>(QByteArrayView(bytes).first(offset).count('\n'));
}

/// Options on a marker's line ("transaction:false"): dbmate splits the rest of the line on blanks and
/// keeps each "key:value" pair with exactly one colon.
bool transactionOption(const QByteArray& bytes, const Marker& m)
{
    qsizetype end = bytes.indexOf('\n', m.wordEnd);
    if (end < 0)
        end = bytes.size();
    const QList<QByteArray> words = bytes.sliced(m.wordEnd, end - m.wordEnd).simplified().split(' ');
    bool transaction = true;
    for (const QByteArray& w : words) {
        const QList<QByteArray> pair = w.split(':');
        if (pair.size() == 2 && pair[0] == "transaction")
            transaction = pair[1] != "false";
    }
    return transaction;
}

/// The text after a marker's line, up to `end`, and the file line it starts on.
QByteArray blockAfter(const QByteArray& bytes, const Marker& m, qsizetype end, int& firstLine)
{
    qsizetype lineEnd = bytes.indexOf('\n', m.wordEnd);
    const qsizetype start = lineEnd < 0 || lineEnd >= end ? end : lineEnd + 1;
    firstLine = lineOf(bytes, start);
    return bytes.sliced(start, end - start);
}

Error dbmateError(const QString& path, const QString& what, const QString& next)
{
    return Error::badInput(QStringLiteral("%1: %2").arg(path, what), next,
                           QStringLiteral("Nothing was run; the database is unchanged."));
}

} // namespace

bool DbmateSqlFile::recognises(const QByteArray& bytes)
{
    // markersOf() without collecting them: a "--" in a line's first column, Go blanks, "migrate:".
    const qsizetype n = bytes.size();
    for (qsizetype lineStart = 0; lineStart < n;) {
        if (QByteArrayView(bytes).sliced(lineStart).startsWith("--")) {
            qsizetype i = lineStart + 2;
            while (i < n && isGoSpace(bytes[i]))
                ++i;
            const QByteArrayView rest = QByteArrayView(bytes).sliced(i);
            if (rest.startsWith("migrate:up") || rest.startsWith("migrate:down"))
                return true;
        }
        const qsizetype next = bytes.indexOf('\n', lineStart);
        if (next < 0)
            break;
        lineStart = next + 1;
    }
    return false;
}

Result<DbmateSqlFile> DbmateSqlFile::parse(const QByteArray& bytes, const QString& path)
{
    const QString fix =
        QStringLiteral("Write the file as dbmate requires: comments only, then \"-- migrate:up\" "
                       "and its statements, then \"-- migrate:down\" and its statements, each "
                       "marker at the start of its line (see docs/migration-sets.md, "
                       "\"dbmate\").");
    QList<Marker> ups;
    QList<Marker> downs;
    for (const Marker& m : markersOf(bytes))
        if (m.strict)
            (m.up ? ups : downs) << m;
    if (ups.isEmpty())
        return dbmateError(
            path,
            QStringLiteral("dbmate requires each migration to define an up block with '-- migrate:up'."),
            fix);
    // Before the up marker, dbmate allows blank and comment lines only.
    const QByteArray before = bytes.first(ups.first().start);
    for (const QByteArray& line : before.split('\n')) {
        const QByteArray t = line.trimmed();
        if (!t.isEmpty() && !t.startsWith("--"))
            return dbmateError(path,
                               QStringLiteral("line %1: dbmate does not support statements preceding the "
                                              "'-- migrate:up' block.")
                                   .arg(lineOf(bytes, before.indexOf(line))),
                               fix);
    }
    if (ups.size() > 1)
        return dbmateError(
            path,
            QStringLiteral(
                "line %1: a second '-- migrate:up' block. dbmate 2.36.0 records the file's version "
                "after each block, so it stops at the second one on a duplicate version.")
                .arg(lineOf(bytes, ups.at(1).start)),
            QStringLiteral("Put the statements of both blocks into one up block and one down block."));
    QList<Marker> after;
    for (const Marker& d : downs)
        if (d.start > ups.first().start)
            after << d;
    if (after.isEmpty())
        return dbmateError(
            path,
            QStringLiteral("dbmate requires each migration to define a down block with '-- migrate:down'."),
            QStringLiteral("Add a \"-- migrate:down\" line after the up block (with the statements that undo "
                           "it, or none)."));
    if (after.size() > 1)
        return dbmateError(
            path,
            QStringLiteral("line %1: dbmate requires every '-- migrate:down' to be preceded by a "
                           "'-- migrate:up'.")
                .arg(lineOf(bytes, after.at(1).start)),
            fix);
    DbmateSqlFile file;
    file.up = blockAfter(bytes, ups.first(), after.first().start, file.upFirstLine);
    file.upTransaction = transactionOption(bytes, ups.first());
    file.down = blockAfter(bytes, after.first(), bytes.size(), file.downFirstLine);
    file.downTransaction = transactionOption(bytes, after.first());
    return file;
}

} // namespace strata
