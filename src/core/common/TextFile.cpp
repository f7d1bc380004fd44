#include "common/TextFile.h"

#include <cerrno>
#include <cstring>

#include <QFile>

#include <fcntl.h>
#include <openssl/evp.h>
#include <sys/stat.h>
#include <unistd.h>

namespace strata {

namespace {

/// Offset of the first byte that is not valid UTF-8, or -1.
qsizetype firstInvalidUtf8(const QByteArray& bytes)
{
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.constData());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        int extra = 0;
        if (c < 0x80)
            extra = 0;
        else if (c >= 0xC2 && c <= 0xDF)
            extra = 1;
        else if (c >= 0xE0 && c <= 0xEF)
            extra = 2;
        else if (c >= 0xF0 && c <= 0xF4)
            extra = 3;
        else
            return i;
        for (int k = 1; k <= extra; ++k) {
            if (i + k >= n || (p[i + k] & 0xC0) != 0x80)
                return i;
        }
        i += extra + 1;
    }
    return -1;
}

/// The bytes of a file on disk with plain system calls: open, fstat, read, close. QFile costs three more
/// system calls a file (and its own buffering), which a folder of 1,000 migrations pays on every command.
/// Returns false with errno set when the file cannot be read.
bool readFromDisk(const QString& path, QByteArray& bytes)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    struct stat st = {};
    if (::fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
        const int error = S_ISDIR(st.st_mode) ? EISDIR : errno;
        ::close(fd);
        errno = error;
        return false;
    }
    // The size is a hint: a file that grows or shrinks while it is read is read to its end all the same.
    bytes.resize(static_cast<qsizetype>(st.st_size) + 1);
    qsizetype used = 0;
    for (;;) {
        if (used == bytes.size())
            bytes.resize(bytes.size() * 2 + 4096);
        const ssize_t n = ::read(fd, bytes.data() + used, static_cast<size_t>(bytes.size() - used));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            const int error = errno;
            ::close(fd);
            errno = error;
            return false;
        }
        if (n == 0)
            break;
        used += n;
    }
    ::close(fd);
    bytes.truncate(used);
    return true;
}

} // namespace

Result<TextFile> TextFile::read(const QString& path)
{
    TextFile result;
    result.path = path;
    // The bundled sets are Qt resources (":/migrations/..."), which only QFile reads.
    if (path.startsWith(QLatin1Char(':')) || path.startsWith(QLatin1String("qrc:"))) {
        QFile file(path);
        if (!file.exists())
            return Error::badInput(
                QStringLiteral("The file %1 does not exist.").arg(path),
                QStringLiteral("Check the path, or restore the file from version control."));
        if (!file.open(QIODevice::ReadOnly))
            return Error::badInput(
                QStringLiteral("The file %1 cannot be read: %2.").arg(path, file.errorString()),
                QStringLiteral("Check its permissions (the user running Strata must be able to read it)."));
        result.bytes = file.readAll();
    } else if (!readFromDisk(path, result.bytes)) {
        if (errno == ENOENT)
            return Error::badInput(
                QStringLiteral("The file %1 does not exist.").arg(path),
                QStringLiteral("Check the path, or restore the file from version control."));
        return Error::badInput(
            QStringLiteral("The file %1 cannot be read: %2.")
                .arg(path, QString::fromLocal8Bit(strerror(errno))),
            QStringLiteral("Check its permissions (the user running Strata must be able to read it)."));
    }
    const qsizetype bad = firstInvalidUtf8(result.bytes);
    if (bad >= 0) {
        const qsizetype line = result.bytes.left(bad).count('\n') + 1;
        return Error::badInput(
            QStringLiteral("The file %1 is not UTF-8 text: byte %2 (line %3) is not valid UTF-8.")
                .arg(path)
                .arg(bad)
                .arg(line),
            QStringLiteral("Save the file as UTF-8 (e.g. iconv -f LATIN1 -t UTF-8) and try again."));
    }
    // A NUL is valid UTF-8 but ends the text for SQLite, libpq and libpg_query: whatever follows it would
    // never run, and the step would still be recorded as applied.
    if (const qsizetype nul = result.bytes.indexOf('\0'); nul >= 0)
        return Error::badInput(
            QStringLiteral("The file %1 has a NUL byte at byte %2 (line %3): text files cannot hold one.")
                .arg(path)
                .arg(nul)
                .arg(result.bytes.left(nul).count('\n') + 1),
            QStringLiteral("Remove the byte (an editor that shows control characters, or tr -d '\\000'), or "
                           "check whether the file was damaged in transfer."));
    return result;
}

QString TextFile::sha256(const QByteArray& bytes)
{
    // OpenSSL's SHA-256, as FileDigest's: Qt's own is several times slower, and every command hashes every
    // migration file of the set (a 42 MB step file took 0.35 s with Qt's, 0.1 s with OpenSSL's).
    // The algorithm is fetched once: EVP_sha256() makes OpenSSL 3 look it up again on every call, which cost
    // more than hashing a small migration file (16,000 instructions a file, `status` on 1,000 files).
    // Each thread keeps one digest context: making and freeing one per file (what EVP_Digest does) cost more
    // than the hashing itself.
    static EVP_MD* const kSha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    struct Context
    {
        EVP_MD_CTX* ctx = EVP_MD_CTX_new();
        ~Context() { EVP_MD_CTX_free(ctx); }
    };
    thread_local Context context;
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (!kSha256 || !context.ctx || EVP_DigestInit_ex2(context.ctx, kSha256, nullptr) != 1 ||
        EVP_DigestUpdate(context.ctx, bytes.constData(), static_cast<size_t>(bytes.size())) != 1 ||
        EVP_DigestFinal_ex(context.ctx, digest, &length) != 1)
        qFatal("SHA-256 is not available from OpenSSL");
    static const char kHex[] = "0123456789abcdef";
    QString hex(static_cast<qsizetype>(length) * 2, Qt::Uninitialized);
    QChar* out = hex.data();
    for (unsigned int i = 0; i < length; ++i) {
        *out++ = QLatin1Char(kHex[digest[i] >> 4]);
        *out++ = QLatin1Char(kHex[digest[i] & 0x0F]);
    }
    return hex;
}

} // namespace strata
