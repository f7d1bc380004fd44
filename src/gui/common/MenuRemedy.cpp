#include "common/MenuRemedy.h"

#include <QCoreApplication>
#include <QList>
#include <QRegularExpression>

namespace strata {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("strata::MenuRemedy", text);
}

struct Rewrite
{
    QRegularExpression pattern;
    QString replacement;
    bool command = false; ///< "run `strata-cli X`" reads "use X" once X is a menu item
};

/// The whole sentences first (where a word-for-word swap would not read well), then each command with its
/// arguments, optionally in backticks and after "run".
const QList<Rewrite>& rewrites()
{
    static const QList<Rewrite> list = [] {
        const QString run = QStringLiteral("(?:\\b[Rr]un )?`?");
        auto command = [&run](const QString& rest, const QString& menu) {
            return Rewrite{
                QRegularExpression(run + QStringLiteral("strata-cli ") + rest + QStringLiteral("`?")), menu,
                true};
        };
        return QList<Rewrite>{
            {QRegularExpression(QStringLiteral("Let it finish, or end it \\(strata-cli blockers --terminate "
                                               "[^)]*\\), and run migrate again; "
                                               "strata-cli blockers shows the blocking tree\\.")),
             tr("Let it finish (Wait for them to finish), or select it in the blocking tree below and use "
                "Cancel query… or Terminate session… (each asks first); then close the wizard and start "
                "Migrations > Migrate… again.")},
            {QRegularExpression(QStringLiteral(
                 "\\(strata-cli blockers --cancel PID, or --terminate PID for a session idle in a "
                 "transaction; pid ([^)]*)\\)")),
             tr("(pid \\1: the pre-flight page of Migrations > Migrate… shows it in its blocking tree, with "
                "Cancel query… and, for a session idle in a transaction, Terminate session…)")},
            {QRegularExpression(QStringLiteral("`?strata-cli --db '[^']*' restore '[^']*'`?")),
             tr("Backup > Restore (it lists that backup first)")},
            {QRegularExpression(QStringLiteral(
                 "`?strata-cli backups`? lists them and `?strata-cli restore ID`? puts one back")),
             tr("Backup > Restore lists them, newest first, and puts one back")},
            {QRegularExpression(QStringLiteral("\\(strata-cli backups, then restore\\)")),
             tr("(Backup > Restore)")},
            {QRegularExpression(QStringLiteral("If you are sure of this file, restore it unverified: "
                                               "strata-cli restore --unverified \\S+")),
             tr("Strata restores only backups it can check.")},
            {QRegularExpression(QStringLiteral("\\(e\\.g\\. strata-cli status\\)")),
             tr("(open it in Strata without Read-only)")},
            {QRegularExpression(QStringLiteral("\\(strata-cli blockers names it by pid\\)")),
             tr("(the pre-flight page of Migrations > Migrate… names it by pid)")},
            {QRegularExpression(
                 QStringLiteral("List the sessions with strata-cli blockers and use a pid it shows\\.")),
             tr("Refresh the blocking tree on the pre-flight page and pick a session it shows.")},
            {QRegularExpression(QStringLiteral(
                 "Pass --migrations with the folder that holds the set(?: \\(e\\.g\\. [^)]*\\))?\\.")),
             tr("Choose the folder that holds the set as the Migration set in File > Connect….")},
            {QRegularExpression(QStringLiteral("Pass --migrations with a set for this engine\\.")),
             tr("Choose a set for this engine as the Migration set in File > Connect….")},
            {QRegularExpression(QStringLiteral("`?strata-cli --db \\S+ --migrations \\S+ migrate`?")),
             tr("open that database with File > Connect… and the strategy set, then Migrations > Migrate…")},
            {QRegularExpression(QStringLiteral(", `--mark-rolled-back` if")), tr(", Mark rolled back… if")},
            command(QStringLiteral("resolve \\S+ --mark-applied"),
                    tr("Mark applied… on the problem above the timeline")),
            command(QStringLiteral("resolve \\S+ --mark-rolled-back"),
                    tr("Mark rolled back… on the problem above the timeline")),
            command(QStringLiteral("resolve \\S+ --accept-checksum"),
                    tr("Accept the current file… on the problem above the timeline")),
            command(QStringLiteral("resolve --acknowledge-run \\S+"),
                    tr("Acknowledge… on the interrupted run above the timeline")),
            command(QStringLiteral("resolve \\S+"), tr("the buttons of the problem above the timeline")),
            command(QStringLiteral("adopt(?: --tool NAME)?"), tr("Adopt… above the timeline")),
            command(QStringLiteral("baseline(?: --version \\S+)?"), tr("Migrations > Baseline…")),
            command(QStringLiteral("rollback(?: --to [^`\\s.]+)?"), tr("Migrations > Roll back…")),
            command(QStringLiteral("migrate(?: --to [^`\\s.]+)?"), tr("Migrations > Migrate…")),
            command(QStringLiteral("backups"), tr("Backup > Restore (it lists them)")),
            command(QStringLiteral("restore(?: --unverified)?(?: (?:ID|PATH|[^`\\s)]+))?"),
                    tr("Backup > Restore from file…")),
            command(QStringLiteral("verify(?: [^`\\s)]+)?"), tr("Backup > Verify backup")),
            command(QStringLiteral("status"), tr("the Migrations tab (Migrations > Status)")),
            command(QStringLiteral("history"), tr("the Migrations tab")),
            command(QStringLiteral("drift(?: --json)?"), tr("Schema > Drift")),
            command(QStringLiteral("blockers(?: --\\w+ \\S+)?"),
                    tr("the blocking tree on the pre-flight page of Migrations > Migrate…")),
            {QRegularExpression(QStringLiteral("\\brun migrate again")),
             tr("start Migrations > Migrate… again")},
            {QRegularExpression(QStringLiteral("\\bRun migrate again")),
             tr("Start Migrations > Migrate… again")},
        };
    }();
    return list;
}

} // namespace

QString MenuRemedy::wording(const QString& advice)
{
    if (advice.isEmpty())
        return advice;
    QString text = advice;
    for (const auto& rewrite : rewrites()) {
        QRegularExpressionMatchIterator it = rewrite.pattern.globalMatch(text);
        if (!it.hasNext())
            continue;
        // "run `strata-cli X`" reads "use X" once the command is a menu item.
        QString replaced;
        qsizetype from = 0;
        while (it.hasNext()) {
            const auto match = it.next();
            QString with = rewrite.replacement;
            for (int i = 1; i <= match.lastCapturedIndex(); ++i)
                with.replace(QStringLiteral("\\%1").arg(i), match.captured(i));
            const QString found = match.captured(0);
            if (rewrite.command && found.startsWith(QLatin1String("Run ")))
                with.prepend(tr("Use "));
            else if (rewrite.command && found.startsWith(QLatin1String("run ")))
                with.prepend(tr("use "));
            replaced += text.mid(from, match.capturedStart() - from) + with;
            from = match.capturedEnd();
        }
        text = replaced + text.mid(from);
    }
    // A menu item that ends a sentence keeps its ellipsis as the sentence's end: "Migrate…", not "Migrate….".
    text.replace(QStringLiteral("…."), QStringLiteral("…"));
    return text;
}

Error MenuRemedy::of(const Error& error)
{
    Error shown = error;
    shown.what = wording(error.what);
    shown.unchanged = wording(error.unchanged);
    shown.next = wording(error.next);
    return shown;
}

} // namespace strata
