#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include "common/Result.h"
#include "migrations/MigrationStep.h"
#include "migrations/SetManifest.h"

namespace strata {

/// One entry at the top of a migrations folder, as the layouts see it. Its bytes are read once, when the
/// first layout that takes its name asks for them.
class LayoutFile
{
public:
    LayoutFile(QString root, QString relativePath, bool isDir);

    const QString& root() const { return m_root; }
    const QString& relativePath() const { return m_relativePath; }
    /// The last part of the path: what the tools match their name rules against.
    QString fileName() const;
    QString absolutePath() const;
    bool isDir() const { return m_isDir; }
    /// The exact bytes, checked to be UTF-8; a missing, unreadable or non-UTF-8 file is bad input naming it.
    Result<QByteArray> bytes() const;

private:
    QString m_root;
    QString m_relativePath;
    bool m_isDir = false;
    mutable std::optional<Result<QByteArray>> m_bytes;
};

/// What a layout made of one entry of the folder.
struct LayoutPart
{
    enum class Kind {
        Forward,      ///< a step: its forward script and, when the file holds one, its rollback
        Rollback,     ///< the rollback of a step whose forward script is another file (paired by `pairKey`)
        Ignored,      ///< a file the layout's tool reads but that is no step (`reason` says what it is)
        ProviderLock, ///< Prisma's migration_lock.toml: `reason` holds the provider it names
    };
    Kind kind = Kind::Forward;
    MigrationStep
        step;        ///< Rollback: the slot fields and the rollback script; empty rollbackPath = no rollback
    QString pairKey; ///< the key a forward file and its rollback file share
    QString path;    ///< the file, relative to the folder (Rollback, Ignored)
    QString reason;  ///< Ignored: why; ProviderLock: the provider
};

/// What a layout may need besides the file: the set's manifest (Flyway's placeholders).
struct LayoutContext
{
    const SetManifest& manifest;
};

/// One tool's layout of a migrations folder: which names it takes, and how its tool reads such a file
/// (sections, markers, empty files, transactions). A layout follows its tool's own rules exactly; see
/// docs/migration-sets.md. Adding a tool's layout is adding one of these and listing it in ToolLayouts.
class ToolLayout
{
public:
    virtual ~ToolLayout() = default;

    /// "golang-migrate", "dbmate", ...: the value of MigrationStep::layout for its steps.
    virtual QString name() const = 0;
    /// Whether the entry's name is one this layout's tool takes as a migration.
    virtual bool takesName(const LayoutFile& file) const = 0;
    /// Whether the layout must see the file's bytes to know it is its tool's (goose and dbmate markers).
    virtual bool needsContent() const { return false; }
    /// With needsContent(): whether these bytes are its tool's.
    virtual bool takesContent(const QByteArray& bytes) const
    {
        Q_UNUSED(bytes);
        return true;
    }
    /// Reads a file this layout took. A file that breaks the tool's rules is bad input naming it.
    virtual Result<QList<LayoutPart>> read(const LayoutFile& file, const LayoutContext& context) const = 0;
    /// Whether this entry shows the folder is this tool's (a golang-migrate `.up.` file, a Flyway script, a
    /// dbmate or goose file, a Prisma migration). Seed 001's and Strata's own files do not: their names are
    /// other tools' too.
    virtual bool marksFolder(const LayoutFile& file) const
    {
        Q_UNUSED(file);
        return false;
    }
    /// In a folder this layout's tool marks as its own, whether it also reads the files of `layout` (sqlx
    /// reads seed 001's and golang-migrate's names).
    virtual bool readsFilesOf(const QString& layout) const
    {
        Q_UNUSED(layout);
        return false;
    }
    /// In a folder this tool marks as its own, what it makes of an entry another layout would take: the
    /// reason it skips it (listed as ignored), or an error when the tool would read it and refuse it.
    virtual Result<QString> otherLayoutsFile(const LayoutFile& file) const
    {
        Q_UNUSED(file);
        return QStringLiteral("%1 reads only its own files here").arg(name());
    }
    /// For an entry no layout took: why this layout's tool would not take it either, when that is worth
    /// saying (a Flyway callback); empty otherwise.
    virtual QString ignoredReason(const LayoutFile& file) const
    {
        Q_UNUSED(file);
        return {};
    }
};

} // namespace strata
