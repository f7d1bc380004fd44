#include "help/AboutBox.h"

#include <QMessageBox>
#include <QSysInfo>
#include <QtGlobal>

#include <libpq-fe.h>
#include <sqlite3.h>

namespace strata {

namespace {

/// PQlibVersion(): 150005 -> "15.5" (from 10 on: major * 10000 + minor).
QString libpqVersion()
{
    const int version = PQlibVersion();
    return version >= 100000
               ? QStringLiteral("%1.%2").arg(version / 10000).arg(version % 10000)
               : QStringLiteral("%1.%2.%3").arg(version / 10000).arg(version / 100 % 100).arg(version % 100);
}

} // namespace

QString AboutBox::text()
{
    return QObject::tr("<h3>Strata %1</h3>"
                       "<p>Migrations, verified backups and restores for the databases of trading platforms: "
                       "SQLite state files and PostgreSQL.</p>"
                       "<table>"
                       "<tr><td>Qt</td><td>&nbsp;%2 (built with %3)</td></tr>"
                       "<tr><td>SQLite</td><td>&nbsp;%4</td></tr>"
                       "<tr><td>libpq</td><td>&nbsp;%5</td></tr>"
                       "<tr><td>System</td><td>&nbsp;%6</td></tr>"
                       "</table>"
                       "<p>The user guide is under Help &gt; User guide.</p>")
        .arg(QStringLiteral(STRATA_VERSION), QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR),
             QString::fromLatin1(sqlite3_libversion()), libpqVersion(),
             QSysInfo::prettyProductName().toHtmlEscaped());
}

void AboutBox::show(QWidget* parent)
{
    QMessageBox::about(parent, QObject::tr("About Strata"), text());
}

} // namespace strata
