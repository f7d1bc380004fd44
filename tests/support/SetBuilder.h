#pragma once

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

namespace strata::test {

/// A migration set written file by file into a temporary folder.
class SetBuilder
{
public:
    SetBuilder();
    /// Writes `relativePath` (folders are created) with exactly these bytes.
    SetBuilder& file(const QString& relativePath, const QByteArray& bytes);
    SetBuilder& remove(const QString& relativePath);
    QString path() const { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
};

/// A bundled set of the source tree (migrations/NAME).
QString bundledSet(const QString& name);

} // namespace strata::test
