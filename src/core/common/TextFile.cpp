#include "common/TextFile.h"

#include <QFile>

#include <openssl/evp.h>

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

} // namespace

Result<TextFile> TextFile::read(const QString& path)
{
    QFile file(path);
    if (!file.exists())
        return Error::badInput(QStringLiteral("The file %1 does not exist.").arg(path),
                               QStringLiteral("Check the path, or restore the file from version control."));
    if (!file.open(QIODevice::ReadOnly))
        return Error::badInput(
            QStringLiteral("The file %1 cannot be read: %2.").arg(path, file.errorString()),
            QStringLiteral("Check its permissions (the user running Strata must be able to "
                           "read it)."));
    TextFile result;
    result.path = path;
    result.bytes = file.readAll();
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
    static EVP_MD* const kSha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (!kSha256 || EVP_Digest(bytes.constData(), static_cast<size_t>(bytes.size()), digest, &length, kSha256,
                               nullptr) != 1)
        qFatal("SHA-256 is not available from OpenSSL");
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(digest), length).toHex());
}

} // namespace strata
