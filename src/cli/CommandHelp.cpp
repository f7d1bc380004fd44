#include "CommandHelp.h"

#include <QStringList>

namespace strata::cli {

namespace {

constexpr int textWidth = 100;

QString program()
{
    return QStringLiteral("strata-cli");
}

/// `text` broken into lines of at most `width` characters, each indented by `indent` spaces after the
/// first (which the caller has placed).
QString wrapped(const QString& text, int indent, int firstColumn = -1)
{
    const QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QString out;
    int column = firstColumn < 0 ? indent : firstColumn;
    if (firstColumn < 0)
        out += QString(indent, QLatin1Char(' '));
    bool lineStart = true;
    for (const QString& word : words) {
        if (!lineStart && column + 1 + word.size() > textWidth) {
            out += QLatin1Char('\n') + QString(indent, QLatin1Char(' '));
            column = indent;
            lineStart = true;
        }
        if (!lineStart) {
            out += QLatin1Char(' ');
            ++column;
        }
        out += word;
        column += int(word.size());
        lineStart = false;
    }
    return out + QLatin1Char('\n');
}

/// "  --to V            Stop at version V." with the text wrapped under itself.
QString optionLines(const QList<CommandHelp::Option>& options, int tab)
{
    QString out;
    for (const auto& option : options) {
        QString head = QStringLiteral("  ") + option.flag;
        if (head.size() + 2 > tab)
            out += head + QLatin1Char('\n') + wrapped(option.text, tab);
        else
            out += head.leftJustified(tab) + wrapped(option.text, tab, tab);
    }
    return out;
}

/// Text for roff: backslashes and hyphens escaped, a leading dot or quote kept from being a request.
QString roff(QString text)
{
    text.replace(QLatin1Char('\\'), QStringLiteral("\\e"));
    text.replace(QLatin1Char('-'), QStringLiteral("\\-"));
    if (text.startsWith(QLatin1Char('.')) || text.startsWith(QLatin1Char('\'')))
        text.prepend(QStringLiteral("\\&"));
    return text;
}

QString invocation(const CommandHelp& entry)
{
    return entry.synopsis.isEmpty() ? entry.name : entry.name + QLatin1Char(' ') + entry.synopsis;
}

} // namespace

QList<const CommandHelp*> CommandHelp::find(const QString& command)
{
    QList<const CommandHelp*> found;
    for (const auto& entry : all())
        if (entry.name == command || entry.name.startsWith(command + QLatin1Char(' ')))
            found << &entry;
    return found;
}

QString CommandHelp::usageOf(const QString& command)
{
    QString out;
    for (const CommandHelp* entry : find(command))
        out += QStringLiteral("usage: %1 [GLOBAL OPTIONS] %2\n").arg(program(), invocation(*entry));
    if (!out.isEmpty())
        out += QStringLiteral("(%1 help %2 says more)\n").arg(program(), command);
    return out;
}

QString CommandHelp::textOf(const QString& command)
{
    const auto entries = find(command);
    if (entries.isEmpty())
        return {};
    QString out;
    for (const CommandHelp* entry : entries) {
        if (!out.isEmpty())
            out += QLatin1Char('\n');
        out += QStringLiteral("usage: %1 [GLOBAL OPTIONS] %2\n\n").arg(program(), invocation(*entry));
        out += wrapped(entry->description, 2);
        if (!entry->options.isEmpty())
            out += QStringLiteral("\noptions:\n") + optionLines(entry->options, 28);
    }
    out += QStringLiteral("\nglobal options:\n") + optionLines(globalOptions(), 28);
    return out;
}

QString CommandHelp::overview()
{
    QString out =
        QStringLiteral("usage: %1 [GLOBAL OPTIONS] COMMAND [OPTIONS]\n\nglobal options:\n").arg(program());
    out += optionLines(globalOptions(), 28);
    out += QStringLiteral("\ncommands:\n");
    for (const auto& entry : all()) {
        const QString head = QStringLiteral("  ") + invocation(entry);
        if (head.size() + 2 > 30)
            out += head + QLatin1Char('\n') + wrapped(entry.summary, 30);
        else
            out += head.leftJustified(30) + wrapped(entry.summary, 30, 30);
    }
    out +=
        QStringLiteral("\n%1 help COMMAND, or COMMAND --help, says more about one command.\n\nexit codes:\n")
            .arg(program());
    out += optionLines(exitCodes(), 6);
    return out;
}

QString CommandHelp::manPage(const QString& version)
{
    QString out;
    out +=
        QStringLiteral(".TH STRATA\\-CLI 1 \"\" \"strata\\-cli %1\" \"User Commands\"\n").arg(roff(version));
    out +=
        QStringLiteral(".SH NAME\nstrata\\-cli \\- migrations, verified backups, restores and inspection of "
                       "SQLite and PostgreSQL databases, for scripts\n");
    out += QStringLiteral(".SH SYNOPSIS\n.B strata\\-cli\n[\\fIGLOBAL OPTIONS\\fR] \\fICOMMAND\\fR "
                          "[\\fIOPTIONS\\fR]\n");
    out += QStringLiteral(".SH DESCRIPTION\nstrata\\-cli does for deploy scripts what the Strata desktop app "
                          "does for operators: it shows which migrations a database has and which are "
                          "pending, applies them phase by phase behind a verified backup, takes, checks "
                          "and restores backups, and inspects tables, indexes and strategies. Every command "
                          "prints text, or one JSON document with \\fB\\-\\-json\\fR, and ends with one of "
                          "the exit codes below.\n");
    out += QStringLiteral(".SH GLOBAL OPTIONS\n");
    for (const auto& option : globalOptions())
        out += QStringLiteral(".TP\n.B %1\n%2\n").arg(roff(option.flag), roff(option.text));
    out += QStringLiteral(".SH COMMANDS\n");
    for (const auto& entry : all()) {
        out += QStringLiteral(".TP\n.B %1\n%2\n").arg(roff(invocation(entry)), roff(entry.description));
        for (const auto& option : entry.options)
            out += QStringLiteral(".RS\n.TP\n.B %1\n%2\n.RE\n").arg(roff(option.flag), roff(option.text));
    }
    out += QStringLiteral(".SH EXIT STATUS\n");
    for (const auto& code : exitCodes())
        out += QStringLiteral(".TP\n.B %1\n%2\n").arg(roff(code.flag), roff(code.text));
    out += QStringLiteral(".SH FILES\n.TP\n.I /usr/share/strata/migrations\nThe bundled migration sets.\n"
                          ".TP\n.I /usr/share/doc/strata/guide\nThe user guide.\n");
    out += QStringLiteral(".SH SEE ALSO\n.BR strata (1),\n.BR pg_dump (1),\n.BR sqlite3 (1)\n");
    return out;
}

QString CommandHelp::markdown()
{
    QString out = QStringLiteral(
        "# The strata-cli reference\n\n"
        "<!-- Written by `strata-cli help --markdown` (scripts/cli-reference.sh); tests/cli/tst_cli_help "
        "fails "
        "when it differs. -->\n\n"
        "`strata-cli` does for deploy scripts what the desktop app does for operators. Every command prints "
        "text, or one JSON document with `--json`, and ends with one of the exit codes below. "
        "`strata-cli help COMMAND` (or `COMMAND --help`) prints a command's part of this page, and "
        "`man strata-cli` all of it.\n\n"
        "```\nstrata-cli [GLOBAL OPTIONS] COMMAND [OPTIONS]\n```\n\n## Global options\n\n");
    auto table = [](const QList<Option>& options, const QString& head) {
        QString text = QStringLiteral("| %1 | |\n|---|---|\n").arg(head);
        for (const auto& option : options)
            text +=
                QStringLiteral("| `%1` | %2 |\n")
                    .arg(option.flag, QString(option.text).replace(QLatin1Char('|'), QStringLiteral("\\|")));
        return text + QLatin1Char('\n');
    };
    out += table(globalOptions(), QStringLiteral("Option"));
    out += QStringLiteral("## Commands\n\n");
    for (const auto& entry : all()) {
        out += QStringLiteral("### %1\n\n```\nstrata-cli %2\n```\n\n%3\n\n")
                   .arg(entry.name, invocation(entry), entry.description);
        if (!entry.options.isEmpty())
            out += table(entry.options, QStringLiteral("Option"));
    }
    out += QStringLiteral("## Exit codes\n\n") + table(exitCodes(), QStringLiteral("Code"));
    return out.trimmed() + QLatin1Char('\n');
}

} // namespace strata::cli
