#include "tools/alembic/AlembicRevisionFile.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStringDecoder>

#include "common/TextFile.h"
#include "tools/alembic/PythonModule.h"

namespace strata {

namespace {

const QString kRemedy =
    QStringLiteral("Alembic 1.8 writes revision files like this:\n"
                   "  revision = 'ae1027a6acf'\n"
                   "  down_revision = None   (or 'the parent id', or ('a', 'b') for a merge)\n"
                   "Correct %1, or move it out of the versions folder.");

Error badRevisionFile(const QString& path, const QString& what)
{
    return Error::badInput(QStringLiteral("%1: %2").arg(path, what), kRemedy.arg(path),
                           QStringLiteral("Nothing was run; the database is unchanged."));
}

/// The ids of a variable, or an error when Strata cannot read its value without running Python.
Result<QStringList> ids(const PythonModule& module, const QString& name, const QString& path)
{
    const auto it = module.assignments.constFind(name);
    if (it == module.assignments.cend())
        return QStringList{};
    if (it->kind == PythonLiteral::Kind::Other)
        return badRevisionFile(path,
                               QStringLiteral("line %1 sets %2 to `%3`, which is not a string, a tuple or "
                                              "list of strings, or None; Strata reads revision files "
                                              "without running them.")
                                   .arg(it->line)
                                   .arg(name, it->text.left(80)));
    return it->items();
}

} // namespace

bool AlembicRevisionFile::isRevisionFileName(const QString& fileName)
{
    // Alembic 1.8.1, script/base.py: _only_source_rev_file = r"(?!\.\#|__init__)(.*\.py)$" (re.match).
    static const QRegularExpression name(QStringLiteral("^(?!\\.#|__init__)(.*\\.py)$"));
    return name.match(fileName).hasMatch();
}

Result<AlembicRevision> AlembicRevisionFile::read(const QString& absolutePath, const QString& path)
{
    QFile file(absolutePath);
    if (!file.open(QIODevice::ReadOnly))
        return Error::badInput(
            QStringLiteral("The Alembic revision %1 cannot be read: %2.").arg(path, file.errorString()),
            QStringLiteral("Check the file's permissions, then run the command again."));
    const QByteArray bytes = file.readAll();
    auto revision = parse(bytes, path);
    if (revision)
        revision->checksum = TextFile::sha256(bytes);
    return revision;
}

Result<AlembicRevision> AlembicRevisionFile::parse(const QByteArray& bytes, const QString& path)
{
    QByteArray body = bytes;
    if (body.startsWith("\xEF\xBB\xBF"))
        body.remove(0, 3); // a UTF-8 byte order mark, which Python accepts
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8.decode(body);
    if (utf8.hasError()) {
        const qsizetype at = QString::fromUtf8(body).indexOf(QChar::ReplacementCharacter);
        return Error::badInput(
            QStringLiteral(
                "%1 is not UTF-8 (first bad byte near character %2): Strata reads Alembic revision "
                "files as UTF-8, Python's default for source files.")
                .arg(path)
                .arg(at),
            QStringLiteral("Save %1 as UTF-8 (e.g. iconv -f latin1 -t utf-8), then run the command again.")
                .arg(path),
            QStringLiteral("Nothing was run; the database is unchanged."));
    }
    // Python reads source with universal newlines: a docstring written on Windows splits on its blank line.
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    auto module = PythonModule::scan(text, path);
    if (!module)
        return module.error();

    AlembicRevision rev;
    rev.path = path;
    const auto revision = module->assignments.constFind(QStringLiteral("revision"));
    if (revision == module->assignments.cend()) {
        // Alembic 0.1's files: no variable, the id is the file name (script/base.py, _legacy_rev).
        static const QRegularExpression legacy(QStringLiteral("^([a-f0-9]+)\\.py$"));
        const auto m = legacy.match(QFileInfo(path).fileName());
        if (!m.hasMatch())
            return badRevisionFile(path,
                                   QStringLiteral("it sets no `revision` variable, so Alembic cannot tell "
                                                  "which revision it is."));
        rev.revision = m.captured(1);
    } else if (revision->kind != PythonLiteral::Kind::String || revision->text.isEmpty()) {
        return badRevisionFile(path, QStringLiteral("line %1 sets revision to `%2`; a revision id is a "
                                                    "non-empty string.")
                                         .arg(revision->line)
                                         .arg(revision->kind == PythonLiteral::Kind::None
                                                  ? QStringLiteral("None")
                                                  : revision->text.left(80)));
    } else {
        rev.revision = revision->text;
    }
    static const QRegularExpression illegal(QStringLiteral("[@+-]"));
    if (rev.revision.contains(illegal))
        return badRevisionFile(path,
                               QStringLiteral("the revision id '%1' holds '@', '-' or '+', which Alembic "
                                              "does not allow in an id.")
                                   .arg(rev.revision));

    if (!module->assignments.contains(QStringLiteral("down_revision")))
        return badRevisionFile(path, QStringLiteral("it sets no `down_revision` variable (None for the first "
                                                    "revision), which Alembic requires of every revision."));
    auto down = ids(*module, QStringLiteral("down_revision"), path);
    if (!down)
        return down.error();
    auto labels = ids(*module, QStringLiteral("branch_labels"), path);
    if (!labels)
        return labels.error();
    auto depends = ids(*module, QStringLiteral("depends_on"), path);
    if (!depends)
        return depends.error();
    rev.downRevisions = *down;
    rev.branchLabels = *labels;
    rev.dependsOn = *depends;
    rev.downRevisions.removeDuplicates();
    if (rev.downRevisions.contains(rev.revision) || rev.dependsOn.contains(rev.revision))
        return badRevisionFile(path, QStringLiteral("revision %1 names itself in its down_revision or "
                                                    "depends_on: a cycle.")
                                         .arg(rev.revision));

    // Alembic's Script.doc: the docstring, stripped, up to its first blank line.
    const QString doc = module->docstring.trimmed();
    rev.message = doc.section(QStringLiteral("\n\n"), 0, 0);

    const auto upgrade = module->functions.constFind(QStringLiteral("upgrade"));
    rev.upgradeIsEmpty = upgrade == module->functions.cend() || upgrade->trivial;
    const auto downgrade = module->functions.constFind(QStringLiteral("downgrade"));
    rev.hasDowngrade = downgrade != module->functions.cend();
    rev.downgradeIsEmpty = !rev.hasDowngrade || downgrade->trivial;
    return rev;
}

} // namespace strata
