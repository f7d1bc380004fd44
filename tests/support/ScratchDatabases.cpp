#include "ScratchDatabases.h"

#include <QCoreApplication>
#include <QFile>
#include <QUuid>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "connection/DatabaseOpener.h"

namespace strata::test {

QString postgresServerUrl()
{
    return qEnvironmentVariable("STRATA_TEST_PG_URL");
}

int unusedLocalPort()
{
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof(address);
    int port = 0;
    if (bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0 &&
        getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    close(fd); // bound but never listened on, and now closed: connections are refused
    return port;
}

namespace {

Result<std::unique_ptr<Database>> openServer()
{
    const QString url = postgresServerUrl();
    if (url.isEmpty())
        return Error::badInput(QStringLiteral("STRATA_TEST_PG_URL is not set: this test needs the test "
                                              "PostgreSQL server."),
                               QStringLiteral("Run the tests with ./scripts/test.sh, which starts one."));
    auto parsed = ConnectionUrl::parse(url);
    if (!parsed)
        return parsed.error();
    return DatabaseOpener::open(*parsed);
}

} // namespace

ScratchPostgres::ScratchPostgres()
{
    auto server = openServer();
    if (!server) {
        m_error = server.error().toText();
        return;
    }
    const QString name =
        QStringLiteral("strata_t_%1").arg(QUuid::createUuid().toString(QUuid::Id128).left(16));
    if (auto created = (*server)->execute(QStringLiteral("CREATE DATABASE %1").arg(name)); !created) {
        m_error = created.error().toText();
        return;
    }
    m_name = name;
    auto parsed = ConnectionUrl::parse(postgresServerUrl());
    m_url = parsed->display().section(QLatin1Char('/'), 0, -2) + QLatin1Char('/') + name;
}

ScratchPostgres::~ScratchPostgres()
{
    if (m_name.isEmpty())
        return;
    if (auto server = openServer())
        (void)(*server)->execute(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_name));
}

ScratchSqlite::ScratchSqlite(const QString& fileName)
{
    m_path = m_dir.filePath(fileName);
    QFile file(m_path);
    (void)file.open(QIODevice::WriteOnly); // an empty file is an empty SQLite database
}

} // namespace strata::test
