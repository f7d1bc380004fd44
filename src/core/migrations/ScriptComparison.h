#pragma once

#include <optional>

#include <QByteArray>
#include <QString>

namespace strata {

/// How the current file of an applied step differs from the text that was applied: only in whitespace, only
/// in comments (and whitespace), or in its SQL. Operators read it before accepting a changed checksum.
class ScriptComparison
{
public:
    enum class Verdict {
        Identical,          ///< the same bytes
        WhitespaceOnly,     ///< the same SQL and comments; only spaces, tabs or line breaks differ
        CommentsOnly,       ///< the same SQL; comments (and maybe whitespace) differ
        SqlChanged,         ///< the SQL itself differs
        AppliedTextNotKept, ///< no text was kept when the step was applied: only the checksums can be
                            ///< compared
    };

    /// Compares `applied` (none when it was not kept) with `current`.
    static ScriptComparison compare(const std::optional<QByteArray>& applied, const QByteArray& current);

    Verdict verdict() const { return m_verdict; }
    /// Whitespace or comments only: the SQL that would run is the SQL that ran.
    bool sqlUnchanged() const;
    /// One sentence for the operator, e.g. "Only comments changed: the SQL is the same as what was applied."
    QString summary() const;

private:
    ScriptComparison(Verdict verdict, QString detail) : m_verdict(verdict), m_detail(std::move(detail)) {}

    Verdict m_verdict;
    QString m_detail; ///< why the SQL counts as changed when the scanner could not read a text
};

} // namespace strata
