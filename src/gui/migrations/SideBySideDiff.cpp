#include "migrations/SideBySideDiff.h"

#include <string>
#include <vector>

#include <dtl/dtl.hpp>

namespace strata {

namespace {

std::vector<std::string> linesOf(const QString& text)
{
    std::vector<std::string> lines;
    QStringList split = text.split(QLatin1Char('\n'));
    if (!split.isEmpty() && split.last().isEmpty())
        split.removeLast(); // the file's final line break ends a line, it does not start one
    lines.reserve(static_cast<size_t>(split.size()));
    for (const QString& line : split)
        lines.push_back(line.toStdString());
    return lines;
}

} // namespace

SideBySideDiff::SideBySideDiff(const QString& left, const QString& right)
{
    const auto a = linesOf(left);
    const auto b = linesOf(right);
    // Deletions before additions in each hunk, so that a replaced block pairs up line by line.
    dtl::Diff<std::string> diff(a, b, true);
    diff.compose();
    QList<QString> removed;
    QList<QString> added;
    auto flush = [&] {
        const qsizetype paired = std::min(removed.size(), added.size());
        for (qsizetype i = 0; i < paired; ++i)
            m_rows.append({Change::Changed, removed.at(i), added.at(i)});
        for (qsizetype i = paired; i < removed.size(); ++i)
            m_rows.append({Change::Removed, removed.at(i), {}});
        for (qsizetype i = paired; i < added.size(); ++i)
            m_rows.append({Change::Added, {}, added.at(i)});
        removed.clear();
        added.clear();
    };
    for (const auto& [line, info] : diff.getSes().getSequence()) {
        const QString text = QString::fromStdString(line);
        if (info.type == dtl::SES_DELETE) {
            removed << text;
        } else if (info.type == dtl::SES_ADD) {
            added << text;
        } else {
            flush();
            m_rows.append({Change::Same, text, text});
        }
    }
    flush();
}

qsizetype SideBySideDiff::changedRows() const
{
    qsizetype changed = 0;
    for (const auto& r : m_rows)
        changed += r.change == Change::Same ? 0 : 1;
    return changed;
}

} // namespace strata
