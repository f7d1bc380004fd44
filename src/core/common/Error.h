#pragma once

#include <QString>

namespace strata {

/// The exit codes of strata-cli (a contract: deploy scripts depend on them).
enum class ExitCode {
    Done = 0,
    Failed = 1,             ///< the operation failed; the database is as it was
    BadInput = 2,           ///< bad usage or bad input
    VerificationFailed = 3, ///< a verification check failed
    Locked = 4,             ///< another run holds the lock
    Refused = 5,            ///< refused: problems found (checksum mismatch, conflict, dirty state)
};

/// An error a person can act on: what happened, what was left unchanged, and what to do next.
struct Error
{
    ExitCode code = ExitCode::Failed;
    QString what;      ///< what happened, with the file, line and the database's own message where known
    QString unchanged; ///< what was left unchanged
    QString next;      ///< what to do next

    static Error badInput(QString what, QString next, QString unchanged = {});
    static Error failed(QString what, QString unchanged, QString next);
    static Error refused(QString what, QString next);
    static Error locked(QString what, QString next);

    /// The message as operators read it, one part per line.
    QString toText() const;
    /// A copy with the "unchanged" part set, for callers that know what they left untouched.
    Error withUnchanged(QString text) const;
    /// A copy with more context in front of "what", e.g. the step that was running.
    Error prefixed(const QString& context) const;
};

} // namespace strata
