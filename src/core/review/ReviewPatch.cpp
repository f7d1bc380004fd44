#include "review/ReviewPatch.h"

#include <algorithm>

#include <QSet>

namespace strata {

namespace {

/// One change in line terms: the file's lines [first, last] (0-based) become `replacement`.
struct Change
{
    int first = 0;
    int last = 0;
    QStringList replacement;
};

constexpr int kContext = 3;

QString hunkRange(int start, int count)
{
    // Unified diff: a range of no lines is written at the line before it.
    return count == 0 ? QStringLiteral("%1,0").arg(start) : QStringLiteral("%1,%2").arg(start + 1).arg(count);
}

} // namespace

QString ReviewPatch::forStep(const StepReview& review, const QString& fileText)
{
    QStringList lines = fileText.split(QLatin1Char('\n'));
    const bool endsWithNewline = fileText.endsWith(QLatin1Char('\n'));
    if (endsWithNewline)
        lines.removeLast();

    // Line offsets, to find each statement from its line on.
    QList<qsizetype> lineStart;
    qsizetype at = 0;
    for (const QString& l : lines) {
        lineStart << at;
        at += l.size() + 1;
    }

    QList<Change> changes;
    QSet<int> done;
    for (const auto& f : review.findings) {
        if (f.suppressed || f.rewrite.isEmpty() || f.statement.isEmpty() || done.contains(f.statementIndex))
            continue;
        if (f.line < 1 || f.line > lines.size())
            continue;
        const qsizetype from = fileText.indexOf(f.statement, lineStart.at(f.line - 1));
        if (from < 0)
            continue;
        qsizetype to = from + f.statement.size();
        if (to < fileText.size() && fileText.at(to) == QLatin1Char(';'))
            ++to; // the statement's own semicolon: the rewrite carries its own
        const int firstLine =
            int(std::upper_bound(lineStart.cbegin(), lineStart.cend(), from) - lineStart.cbegin()) - 1;
        const int lastLine =
            int(std::upper_bound(lineStart.cbegin(), lineStart.cend(), to - 1) - lineStart.cbegin()) - 1;
        const qsizetype endOfLast = lineStart.at(lastLine) + lines.at(lastLine).size();
        const QString before = fileText.mid(lineStart.at(firstLine), from - lineStart.at(firstLine));
        const QString after = fileText.mid(to, endOfLast - to);
        QString rewritten;
        if (!f.rewriteNote.isEmpty())
            rewritten += QStringLiteral("-- strata review (%1): %2\n").arg(f.rule, f.rewriteNote);
        rewritten += before + f.rewrite + after;
        changes.append({firstLine, lastLine, rewritten.split(QLatin1Char('\n'))});
        done.insert(f.statementIndex);
    }
    if (changes.isEmpty())
        return {};
    std::sort(changes.begin(), changes.end(),
              [](const Change& a, const Change& b) { return a.first < b.first; });

    QString patch = QStringLiteral("--- a/%1\n+++ b/%1\n").arg(review.step.forwardPath);
    qsizetype i = 0;
    int offset = 0; // new line numbers run ahead of old ones by this much
    while (i < changes.size()) {
        // One hunk: changes whose contexts touch.
        qsizetype j = i;
        while (j + 1 < changes.size() && changes.at(j + 1).first - changes.at(j).last <= 2 * kContext + 1)
            ++j;
        const int start = std::max(0, changes.at(i).first - kContext);
        const int end = std::min(int(lines.size()) - 1, changes.at(j).last + kContext);
        QString body;
        int oldCount = 0;
        int newCount = 0;
        int line = start;
        // A file without a newline at its end: the diff says so after its last line, old and new.
        const int lastLine = int(lines.size()) - 1;
        const QString noNewline = QStringLiteral("\\ No newline at end of file\n");
        auto emit = [&](QChar mark, const QString& text, bool atEnd) {
            body += mark + text + QLatin1Char('\n');
            if (atEnd && !endsWithNewline)
                body += noNewline;
        };
        for (qsizetype k = i; k <= j; ++k) {
            const Change& c = changes.at(k);
            for (; line < c.first; ++line, ++oldCount, ++newCount)
                emit(QLatin1Char(' '), lines.at(line), line == lastLine);
            for (; line <= c.last; ++line, ++oldCount)
                emit(QLatin1Char('-'), lines.at(line), line == lastLine);
            for (qsizetype r = 0; r < c.replacement.size(); ++r, ++newCount)
                emit(QLatin1Char('+'), c.replacement.at(r),
                     c.last == lastLine && r == c.replacement.size() - 1);
        }
        for (; line <= end; ++line, ++oldCount, ++newCount)
            emit(QLatin1Char(' '), lines.at(line), line == lastLine);
        patch += QStringLiteral("@@ -%1 +%2 @@\n")
                     .arg(hunkRange(start, oldCount), hunkRange(start + offset, newCount));
        patch += body;
        offset += newCount - oldCount;
        i = j + 1;
    }
    return patch;
}

} // namespace strata
