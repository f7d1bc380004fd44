#include "review/FindingStyle.h"

#include <QApplication>
#include <QStyle>

#include "theme/Theme.h"

namespace strata {

QString FindingStyle::label(ReviewSeverity severity)
{
    return severityName(severity).toUpper();
}

QString FindingStyle::label(const ReviewFinding& finding)
{
    return finding.suppressed ? QStringLiteral("ALLOWED") : label(finding.severity);
}

QColor FindingStyle::colour(ReviewSeverity severity)
{
    switch (severity) {
    case ReviewSeverity::Block:
        return Theme::readable(QColor(0xb7, 0x1c, 0x1c));
    case ReviewSeverity::Warn:
        return Theme::readable(QColor(0x9a, 0x5b, 0x00));
    case ReviewSeverity::Info:
        break;
    }
    return Theme::readable(QColor(0x15, 0x65, 0xc0));
}

QColor FindingStyle::colour(const ReviewFinding& finding)
{
    return finding.suppressed ? Theme::readable(QColor(0x61, 0x61, 0x61)) : colour(finding.severity);
}

QIcon FindingStyle::icon(ReviewSeverity severity)
{
    QStyle* style = QApplication::style();
    switch (severity) {
    case ReviewSeverity::Block:
        return style->standardIcon(QStyle::SP_MessageBoxCritical);
    case ReviewSeverity::Warn:
        return style->standardIcon(QStyle::SP_MessageBoxWarning);
    case ReviewSeverity::Info:
        break;
    }
    return style->standardIcon(QStyle::SP_MessageBoxInformation);
}

QIcon FindingStyle::icon(const ReviewFinding& finding)
{
    return finding.suppressed ? QApplication::style()->standardIcon(QStyle::SP_DialogApplyButton)
                              : icon(finding.severity);
}

} // namespace strata
