#include "common/FileDigest.h"

#include <memory>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <fcntl.h>
#include <openssl/evp.h>
#include <unistd.h>

namespace strata {

namespace {

QStringList filesOf(const QString& path)
{
    if (!QFileInfo(path).isDir())
        return {path};
    QStringList files;
    QDirIterator it(path, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    files.sort();
    return files;
}

Status syncOne(const QString& path, bool directory)
{
    const int fd = ::open(QFile::encodeName(path).constData(), directory ? O_RDONLY | O_DIRECTORY : O_RDONLY);
    if (fd < 0)
        return Error::failed(QStringLiteral("Cannot open %1 to flush it to disk.").arg(path),
                             QStringLiteral("The file is complete but may not be on disk yet."),
                             QStringLiteral("Check the disk and its permissions."));
    const int rc = ::fsync(fd);
    ::close(fd);
    if (rc != 0)
        return Error::failed(QStringLiteral("Flushing %1 to disk failed (fsync).").arg(path),
                             QStringLiteral("The file may not be complete on disk."),
                             QStringLiteral("Check the disk for errors and free space."));
    return {};
}

} // namespace

Result<QString> FileDigest::sha256(const QString& path, const Progress& progress)
{
    // OpenSSL uses the CPU's SHA instructions: several times faster than a portable implementation on
    // backups of hundreds of megabytes (tests/bench/backup-bench.sh).
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> hash(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    if (!hash || EVP_DigestInit_ex(hash.get(), EVP_sha256(), nullptr) != 1)
        return Error::failed(QStringLiteral("OpenSSL could not start a SHA-256."),
                             QStringLiteral("Nothing was changed."),
                             QStringLiteral("Check the OpenSSL installation (libssl3)."));
    const QStringList files = filesOf(path);
    const qint64 total = size(path);
    qint64 done = 0;
    QByteArray buffer(4 << 20, Qt::Uninitialized);
    for (const QString& name : files) {
        QFile file(name);
        if (!file.open(QIODevice::ReadOnly))
            return Error::failed(QStringLiteral("Cannot read %1: %2.").arg(name, file.errorString()),
                                 QStringLiteral("Nothing was changed."),
                                 QStringLiteral("Check its permissions."));
        if (files.size() > 1) {
            const QByteArray fileName = QFileInfo(name).fileName().toUtf8();
            EVP_DigestUpdate(hash.get(), fileName.constData(), static_cast<size_t>(fileName.size()));
        }
        for (;;) {
            const qint64 n = file.read(buffer.data(), buffer.size());
            if (n < 0)
                return Error::failed(QStringLiteral("Reading %1 failed: %2.").arg(name, file.errorString()),
                                     QStringLiteral("Nothing was changed."),
                                     QStringLiteral("Check the disk."));
            if (n == 0)
                break;
            EVP_DigestUpdate(hash.get(), buffer.constData(), static_cast<size_t>(n));
            done += n;
            progress.report(done, total, QStringLiteral("checksum"));
            if (progress.cancelled())
                return Error::failed(QStringLiteral("The checksum of %1 was cancelled.").arg(path),
                                     QStringLiteral("Nothing was changed."), QString());
        }
    }
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(hash.get(), digest, &length);
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char*>(digest), static_cast<qsizetype>(length)).toHex());
}

Status FileDigest::sync(const QString& path)
{
    for (const QString& name : filesOf(path))
        if (auto s = syncOne(name, false); !s)
            return s;
    return syncOne(QFileInfo(path).absolutePath(), true);
}

qint64 FileDigest::size(const QString& path)
{
    qint64 total = 0;
    for (const QString& name : filesOf(path))
        total += QFileInfo(name).size();
    return total;
}

} // namespace strata
