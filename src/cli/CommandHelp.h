#pragma once

#include <QList>
#include <QString>

namespace strata::cli {

/// What strata-cli says about one command: `strata-cli help COMMAND`, `COMMAND --help`, the synopsis a usage
/// error shows, the overview of `strata-cli --help` and the manual page strata-cli(1) all come from these
/// entries, so none of them can say something the others do not.
struct CommandHelp
{
    struct Option
    {
        QString flag; ///< "--to V"
        QString text; ///< what it does
    };

    QString name;     ///< "migrate", or "demo risk-state" for a command with a subcommand
    QString synopsis; ///< the arguments after the name: "[--to V] [--enable OPT]... [--no-backup]"
    QString summary;  ///< one line for the overview
    QString description;
    QList<Option> options;

    /// Every command, in the order the overview lists them.
    static const QList<CommandHelp>& all();
    /// The entries of a command: one, or several for a command with subcommands ("demo", "resolve").
    static QList<const CommandHelp*> find(const QString& command);
    /// The options every command takes (--db, --migrations, --json, ...).
    static const QList<Option>& globalOptions();
    /// The exit codes of the contract, one line each.
    static const QList<Option>& exitCodes();

    /// "usage: strata-cli [GLOBAL OPTIONS] migrate [--to V] ...", one line per entry of `command`.
    static QString usageOf(const QString& command);
    /// The whole help of `command`: synopsis, description and options.
    static QString textOf(const QString& command);
    /// `strata-cli --help`: the synopsis, the global options, every command with its summary, exit codes.
    static QString overview();
    /// strata-cli(1) in roff (man(7) macros), made at build time from the entries above.
    static QString manPage(const QString& version);
    /// The user guide's CLI reference (docs/guide/cli-reference.md) in Markdown, from the same entries.
    static QString markdown();
};

} // namespace strata::cli
