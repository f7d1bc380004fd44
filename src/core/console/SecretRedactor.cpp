#include "console/SecretRedactor.h"

#include <QRegularExpression>

namespace strata {

QString SecretRedactor::redact(const QString& sql)
{
    // A quoted literal: '...' with '' inside, E'...' with \' inside, or a dollar-quoted $tag$...$tag$.
    static const QString literal =
        QStringLiteral(R"((?:[eE]'(?:[^'\\]|\\.|'')*'|'(?:[^']|'')*'|\$([A-Za-z_]\w*)?\$.*?\$\2\$))");
    static const QRegularExpression password(QStringLiteral(R"(\b((?:ENCRYPTED\s+)?PASSWORD\s+))") + literal,
                                             QRegularExpression::CaseInsensitiveOption |
                                                 QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression sqlcipherKey(
        QStringLiteral(R"(\b(PRAGMA\s+(?:\w+\.)?(?:re)?key\s*=\s*|\bKEY\s+))") + literal,
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression conninfo(
        QStringLiteral(R"(\b(password\s*=\s*)(?:'(?:[^'\\]|\\.)*'|[^\s']+))"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression url(
        QStringLiteral(R"(\b([a-zA-Z][a-zA-Z0-9+.-]*://[^/\s:@'"]*:)[^@\s/'"]*@)"));
    QString text = sql;
    text.replace(password, QStringLiteral("\\1'***'"));
    text.replace(sqlcipherKey, QStringLiteral("\\1'***'"));
    text.replace(conninfo, QStringLiteral("\\1***"));
    text.replace(url, QStringLiteral("\\1***@"));
    return text;
}

} // namespace strata
