#include "common/SqlHighlighter.h"

#include "theme/Theme.h"

namespace strata {

SqlHighlighter::SqlHighlighter(QTextDocument* document) : QSyntaxHighlighter(document)
{
    QTextCharFormat keyword;
    keyword.setForeground(QColor(0x1f, 0x4e, 0x99));
    keyword.setFontWeight(QFont::Bold);
    m_rules.append(
        {QRegularExpression(
             QStringLiteral(
                 "\\b(SELECT|FROM|WHERE|INSERT|INTO|VALUES|UPDATE|SET|DELETE|CREATE|ALTER|DROP|TABLE|"
                 "INDEX|UNIQUE|ON|ADD|COLUMN|PRIMARY|KEY|FOREIGN|REFERENCES|NOT|NULL|DEFAULT|"
                 "CHECK|CONSTRAINT|IF|EXISTS|AND|OR|AS|BEGIN|END|COMMIT|DESC|ASC|TYPE|ENUM|"
                 "CASCADE|WITH|RECURSIVE|UNION|ALL|JOIN|LEFT|GROUP|BY|ORDER|LIMIT|TRIGGER|"
                 "VIEW|INTEGER|TEXT|REAL|BOOLEAN|BIGINT|VARCHAR|TIMESTAMPTZ|JSONB|"
                 "CONCURRENTLY|RETURNS|LANGUAGE|FUNCTION)\\b"),
             QRegularExpression::CaseInsensitiveOption),
         keyword});
    QTextCharFormat number;
    number.setForeground(QColor(0x8a, 0x4b, 0x08));
    m_rules.append({QRegularExpression(QStringLiteral("\\b\\d+(\\.\\d+)?\\b")), number});
    QTextCharFormat string;
    string.setForeground(QColor(0x2e, 0x7d, 0x32));
    m_rules.append({QRegularExpression(QStringLiteral("'([^']|'')*'")), string});
    m_comment.setForeground(QColor(0x75, 0x75, 0x75));
    m_comment.setFontItalic(true);
    m_rules.append({QRegularExpression(QStringLiteral("--[^\\n]*")), m_comment});
    // Coloured again when View > Theme switches: keywords kept the dark blue chosen for white.
    connect(&Theme::instance(), &Theme::changed, this, &QSyntaxHighlighter::rehighlight);
}

void SqlHighlighter::highlightBlock(const QString& text)
{
    for (const Rule& rule : m_rules) {
        auto it = rule.pattern.globalMatch(text);
        while (it.hasNext()) {
            const auto match = it.next();
            QTextCharFormat format = rule.format; // its colour made readable on the dark theme
            format.setForeground(Theme::readable(rule.format.foreground().color()));
            setFormat(static_cast<int>(match.capturedStart()), static_cast<int>(match.capturedLength()),
                      format);
        }
    }
    // Block comments may span lines.
    setCurrentBlockState(0);
    qsizetype start = previousBlockState() == 1 ? 0 : text.indexOf(QLatin1String("/*"));
    while (start >= 0) {
        const qsizetype end = text.indexOf(QLatin1String("*/"), start);
        const qsizetype length = end < 0 ? text.size() - start : end - start + 2;
        if (end < 0)
            setCurrentBlockState(1);
        QTextCharFormat comment = m_comment;
        comment.setForeground(Theme::readable(m_comment.foreground().color()));
        setFormat(static_cast<int>(start), static_cast<int>(length), comment);
        start = end < 0 ? -1 : text.indexOf(QLatin1String("/*"), start + length);
    }
}

} // namespace strata
