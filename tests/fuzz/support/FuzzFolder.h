#pragma once

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

namespace strata::fuzz {

/// A fresh, empty folder for one fuzz input, removed with everything in it when it goes. It lives under
/// TMPDIR, which scripts/fuzz.sh points at a memory-backed folder: the targets write files for every input.
class FuzzFolder
{
public:
    FuzzFolder();

    QString path() const { return m_dir.path(); }
    QString filePath(const QString& relative) const { return m_dir.filePath(relative); }

    /// Writes `bytes` to `relative`, a file name or "folder/file" (the folder made as needed; a name ending
    /// in '/' makes only the folder). False, and nothing written, when the name is not such a plain name.
    bool write(const QString& relative, const QByteArray& bytes) const;

    /// Lays out a folder from one input: each line "=== NAME" starts the file NAME (as write() takes it)
    /// and the lines up to the next such line are its contents; text before the first such line is
    /// ignored. Writes at most `maxFiles` files and returns how many it wrote.
    int writeFiles(const QByteArray& input, int maxFiles) const;

private:
    QTemporaryDir m_dir;
};

} // namespace strata::fuzz
