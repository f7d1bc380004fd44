#pragma once

#include <QByteArray>
#include <QString>

#include "common/Result.h"

namespace strata {

/// A file read whole, with its exact bytes kept for checksums and its text checked to be UTF-8.
struct TextFile
{
    QString path;
    QByteArray bytes;

    /// The text, decoded when asked: a large migration is run from its bytes and never held twice.
    QString text() const { return QString::fromUtf8(bytes); }

    /// Reads `path`; a missing, unreadable or non-UTF-8 file is bad input naming the file (and the byte
    /// offset).
    static Result<TextFile> read(const QString& path);
    /// SHA-256 of the exact bytes, as lowercase hex.
    static QString sha256(const QByteArray& bytes);
};

} // namespace strata
