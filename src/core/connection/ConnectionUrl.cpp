#include "connection/ConnectionUrl.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

namespace strata {

QString dialectName(Dialect dialect)
{
    return dialect == Dialect::Sqlite ? QStringLiteral("sqlite") : QStringLiteral("postgresql");
}

namespace {

const QString kUrlHelp = QStringLiteral("Use sqlite:path/to/file.db, sqlite:///absolute/path.db or "
                                        "postgresql://user@host:port/database?sslmode=...");

/// libpq's sslmode values, weakest first.
const QStringList kSslModes = {QStringLiteral("disable"),   QStringLiteral("allow"),
                               QStringLiteral("prefer"),    QStringLiteral("require"),
                               QStringLiteral("verify-ca"), QStringLiteral("verify-full")};

Result<ConnectionUrl> badUrl(const QString& what)
{
    return Error::badInput(what, kUrlHelp);
}

} // namespace

Result<ConnectionUrl> ConnectionUrl::parse(const QString& text)
{
    ConnectionUrl url;
    if (text.startsWith(QLatin1String("sqlite:"))) {
        url.m_dialect = Dialect::Sqlite;
        QString path = text.mid(7);
        if (path.startsWith(QLatin1String("///")))
            path = path.mid(2); // sqlite:///abs/path -> /abs/path
        else if (path.startsWith(QLatin1String("//")))
            return badUrl(
                QStringLiteral("The SQLite URL %1 names a host; SQLite files are local.").arg(text));
        if (path.isEmpty())
            return badUrl(QStringLiteral("The SQLite URL %1 names no file.").arg(text));
        url.m_sqlitePath = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
        return url;
    }
    if (text.startsWith(QLatin1String("postgresql://")) || text.startsWith(QLatin1String("postgres://"))) {
        url.m_dialect = Dialect::Postgres;
        // Look for a password before anything else, and never repeat such a URL in a message: it would
        // print the password where other people read logs and terminals.
        static const QRegularExpression userInfoPassword(
            QStringLiteral("^postgres(?:ql)?://[^/?#]*:[^/?#]*@"));
        static const QRegularExpression passwordParameter(QStringLiteral("[?&]password="),
                                                          QRegularExpression::CaseInsensitiveOption);
        const QString passwordNext =
            QStringLiteral("Remove the password from the URL and set PGPASSWORD, or add a line to ~/.pgpass "
                           "(host:port:database:user:password, mode 0600).");
        if (userInfoPassword.match(text).hasMatch())
            return Error::badInput(
                QStringLiteral("The PostgreSQL URL carries a password. Strata never takes passwords on the "
                               "command line, where other users can read them in the process list."),
                passwordNext);
        if (passwordParameter.match(text).hasMatch())
            return Error::badInput(
                QStringLiteral("The PostgreSQL URL carries a password parameter; Strata never takes "
                               "passwords on the command line."),
                passwordNext);
        const QUrl parsed(text, QUrl::StrictMode);
        if (!parsed.isValid())
            return badUrl(QStringLiteral("The PostgreSQL URL %1 is not valid.")
                              .arg(QString(text).replace(QRegularExpression(QStringLiteral("//[^@/]*@")),
                                                         QStringLiteral("//USER@"))));
        auto add = [&url](const QString& key, const QString& value) {
            if (!value.isEmpty())
                url.m_pgParameters.append({key, value});
        };
        add(QStringLiteral("host"), parsed.host());
        if (parsed.port() > 0)
            add(QStringLiteral("port"), QString::number(parsed.port()));
        QString db = parsed.path();
        if (db.startsWith(QLatin1Char('/')))
            db = db.mid(1);
        add(QStringLiteral("dbname"), db);
        add(QStringLiteral("user"), parsed.userName());
        const QUrlQuery query(parsed);
        // Each parameter becomes key='value' in the conninfo libpq reads: a name that is not a libpq keyword
        // could carry more of it (another keyword, a password, or a whole URI when it comes first).
        static const QRegularExpression keyword(QStringLiteral("^[a-z][a-z_]*$"));
        for (const auto& [key, value] : query.queryItems(QUrl::FullyDecoded)) {
            if (key == QLatin1String("password"))
                return Error::badInput(
                    QStringLiteral(
                        "The PostgreSQL URL carries a password parameter; Strata never takes passwords "
                        "on the command line."),
                    QStringLiteral("Remove it and set PGPASSWORD or use ~/.pgpass."));
            if (!keyword.match(key).hasMatch())
                return Error::badInput(
                    QStringLiteral("The PostgreSQL URL has a parameter whose name is not a libpq keyword "
                                   "(lower-case letters and _, such as sslmode or application_name)."),
                    QStringLiteral("Write each parameter after \"?\" as keyword=value, joined by &, with "
                                   "the keywords of libpq's connection parameters."));
            // libpq's spelling from before sslmode: libpq turns it into an sslmode of its own, so what it
            // would use is not what the URL says (found by fuzzing).
            if (key == QLatin1String("requiressl"))
                return Error::badInput(
                    QStringLiteral("The PostgreSQL URL uses requiressl, libpq's old spelling of sslmode."),
                    QStringLiteral(
                        "Write sslmode=require instead (or sslmode=verify-full, which also checks the "
                        "server's certificate and name)."));
            if (key == QLatin1String("sslmode") && !kSslModes.contains(value))
                return Error::badInput(
                    // The value is echoed only when it looks like a mode: a URL mistyped around it may hold a
                    // secret that must not reach a terminal or a log.
                    QStringLiteral("The PostgreSQL URL's sslmode%1 is not one libpq knows.")
                        .arg(QRegularExpression(QStringLiteral("^[A-Za-z-]{1,20}$")).match(value).hasMatch()
                                 ? QStringLiteral(" \"%1\"").arg(value)
                                 : QString()),
                    QStringLiteral("Use one of: %1 (verify-full checks the server's certificate and name; "
                                   "sslrootcert names the CA file).")
                        .arg(kSslModes.join(QStringLiteral(", "))));
            add(key, value);
        }
        return url;
    }
    return badUrl(QStringLiteral("\"%1\" is not a database URL Strata knows.").arg(text));
}

QString ConnectionUrl::postgresParameter(const QString& key) const
{
    for (const auto& [k, v] : m_pgParameters)
        if (k == key)
            return v;
    return {};
}

ConnectionUrl ConnectionUrl::withDatabaseName(const QString& name) const
{
    ConnectionUrl copy = *this;
    bool replaced = false;
    for (auto& [k, v] : copy.m_pgParameters) {
        if (k == QLatin1String("dbname")) {
            v = name;
            replaced = true;
        }
    }
    if (!replaced)
        copy.m_pgParameters.append({QStringLiteral("dbname"), name});
    return copy;
}

QString ConnectionUrl::postgresConnInfo() const
{
    QStringList parts;
    for (const auto& [k, v] : m_pgParameters) {
        QString value = v;
        value.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
            .replace(QLatin1Char('\''), QLatin1String("\\'"));
        parts << QStringLiteral("%1='%2'").arg(k, value);
    }
    return parts.join(QLatin1Char(' '));
}

QString ConnectionUrl::display() const
{
    if (m_dialect == Dialect::Sqlite)
        return QStringLiteral("sqlite:") + m_sqlitePath;
    const QString user = postgresParameter(QStringLiteral("user"));
    const QString port = postgresParameter(QStringLiteral("port"));
    QString text = QStringLiteral("postgresql://");
    if (!user.isEmpty())
        text += user + QLatin1Char('@');
    text += postgresParameter(QStringLiteral("host"));
    if (!port.isEmpty())
        text += QLatin1Char(':') + port;
    text += QLatin1Char('/') + postgresParameter(QStringLiteral("dbname"));
    return text;
}

} // namespace strata
