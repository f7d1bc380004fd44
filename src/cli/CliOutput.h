#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include "common/Error.h"
#include "common/Progress.h"

namespace strata::cli {

/// Where strata-cli writes: with --json one JSON document on stdout and all human text on stderr; without
/// it, the report on stdout and notices and progress on stderr.
class CliOutput
{
public:
    explicit CliOutput(bool json) : m_json(json) {}

    bool json() const { return m_json; }
    /// The command's report for people (stdout, or stderr under --json).
    void report(const QString& text) const;
    /// Progress and notices (always stderr).
    void notice(const QString& text) const;
    /// The JSON document (stdout, only under --json).
    void document(const QJsonObject& object) const;
    void document(const QJsonArray& array) const;
    /// A progress line on stderr at most every 10 %, for long operations.
    Progress progress(const QString& what) const;
    /// Prints the error (stderr, and a JSON document under --json) and returns its exit code.
    int fail(const Error& error, const QString& command) const;
    /// A command used the wrong way: fail() with the command's synopsis after what to do next.
    int failUsage(Error error, const QString& command) const;

private:
    bool m_json;
};

} // namespace strata::cli
