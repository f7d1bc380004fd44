#include "tools/alembic/AlembicConfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace strata {

namespace {

QString absoluteFrom(const QString& folder, const QString& location)
{
    return QDir::cleanPath(QDir(folder).absoluteFilePath(location));
}

} // namespace

QString AlembicConfig::scriptLocation() const
{
    return absoluteFrom(QFileInfo(path).absolutePath(), value(QStringLiteral("script_location")));
}

Result<QStringList> AlembicConfig::versionLocations() const
{
    const QString raw = value(QStringLiteral("version_locations"));
    if (raw.trimmed().isEmpty())
        return QStringList{};
    // Alembic 1.8.1 (script/base.py, from_config): version_path_separator is space, os, ':' or ';'; without
    // it, spaces and commas (the legacy default). Any other value stops Alembic with a ValueError.
    const bool set = options.contains(QStringLiteral("version_path_separator"));
    const QString separator = value(QStringLiteral("version_path_separator"));
    QStringList parts;
    if (!set)
        parts = raw.split(QRegularExpression(QStringLiteral("[\\s,]+")), Qt::SkipEmptyParts);
    else if (separator == QLatin1String("os") || separator == QLatin1String(":"))
        parts = raw.split(QLatin1Char(':'), Qt::SkipEmptyParts);
    else if (separator == QLatin1String(";"))
        parts = raw.split(QLatin1Char(';'), Qt::SkipEmptyParts);
    else if (separator == QLatin1String("space"))
        parts = raw.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    else
        return Error::badInput(
            QStringLiteral("%1: version_path_separator '%2' is none of space, os, ':' or ';', "
                           "so Alembic stops before reading any revision.")
                .arg(path, separator),
            QStringLiteral("Set version_path_separator to os (and put a comment, if any, on "
                           "a line of its own)."));
    QStringList folders;
    for (const QString& p : parts)
        if (!p.trimmed().isEmpty())
            folders << absoluteFrom(QFileInfo(path).absolutePath(), p.trimmed());
    return folders;
}

bool AlembicConfig::flag(const QString& key) const
{
    const QString v = value(key).trimmed().toLower();
    return v == QLatin1String("true") || v == QLatin1String("yes") || v == QLatin1String("on") ||
           v == QLatin1String("1");
}

Result<AlembicConfig> AlembicConfig::load(const QString& iniPath)
{
    QFile file(iniPath);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return Error::badInput(QStringLiteral("%1 cannot be read: %2.").arg(iniPath, file.errorString()),
                               QStringLiteral("Check the file's permissions, then run the command again."));
    AlembicConfig config;
    config.path = QFileInfo(iniPath).absoluteFilePath();
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    static const QRegularExpression section(QStringLiteral("^\\[([^\\]]+)\\]"));
    static const QRegularExpression option(QStringLiteral("^([^=:\\s][^=:]*?)\\s*[=:]\\s*(.*)$"));
    bool inAlembic = false;
    QString last;
    for (const QString& raw : lines) {
        QString line = raw;
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        const QString trimmed = line.trimmed();
        if (trimmed.startsWith(QLatin1Char('#')) || trimmed.startsWith(QLatin1Char(';')))
            continue;
        if (trimmed.isEmpty()) {
            last.clear();
            continue;
        }
        if (!line.isEmpty() && line[0].isSpace()) { // a continuation of the last option's value
            if (inAlembic && !last.isEmpty())
                config.options[last] += QLatin1Char('\n') + trimmed;
            continue;
        }
        if (const auto m = section.match(line); m.hasMatch()) {
            inAlembic = m.captured(1) == QLatin1String("alembic");
            last.clear();
            continue;
        }
        if (const auto m = option.match(line); m.hasMatch() && inAlembic) {
            last = m.captured(1).trimmed().toLower();
            config.options.insert(last, m.captured(2).trimmed());
        }
    }
    const QString here = QFileInfo(iniPath).absolutePath();
    for (auto it = config.options.begin(); it != config.options.end(); ++it)
        it->replace(QStringLiteral("%(here)s"), here).replace(QStringLiteral("%%"), QStringLiteral("%"));
    const QString location = config.value(QStringLiteral("script_location"));
    if (location.isEmpty())
        return Error::badInput(
            QStringLiteral("%1 has no script_location in its [alembic] section, so Alembic cannot find the "
                           "migration scripts.")
                .arg(iniPath),
            QStringLiteral(
                "Add `script_location = migrations` (the folder holding env.py and versions/) under "
                "[alembic]."));
    if (location.contains(QLatin1Char(':')) && !QFileInfo(location).isAbsolute() &&
        !QDir(here).exists(location))
        return Error::badInput(
            QStringLiteral("%1: script_location %2 names a Python package's folder, which Strata cannot read "
                           "without running Python.")
                .arg(iniPath, location),
            QStringLiteral("Give script_location as a folder path, relative to the .ini or %(here)s/..."));
    return config;
}

} // namespace strata
