#include "migrations/SetManifest.h"

#include <QFileInfo>

#include <yaml-cpp/yaml.h>

#include "common/TextFile.h"

namespace strata {

namespace {

QString str(const YAML::Node& node)
{
    return node && node.IsScalar() ? QString::fromStdString(node.as<std::string>()) : QString();
}

} // namespace

const SetManifest::Option* SetManifest::option(const QString& optionName) const
{
    for (const auto& o : options)
        if (o.name == optionName)
            return &o;
    return nullptr;
}

Result<SetManifest> SetManifest::load(const QString& path)
{
    auto file = TextFile::read(path);
    if (!file)
        return file.error();
    SetManifest manifest;
    try {
        const YAML::Node root = YAML::Load(file->bytes.toStdString());
        if (!root.IsMap())
            return Error::badInput(QStringLiteral("%1 is not a YAML mapping.").arg(path),
                                   QStringLiteral("See docs/migration-sets.md for the manifest's keys."));
        manifest.name = str(root["name"]);
        manifest.description = str(root["description"]);
        if (const auto dialects = root["dialects"]) {
            for (const auto& d : dialects) {
                const QString name = str(d);
                if (name == QLatin1String("sqlite"))
                    manifest.dialects << Dialect::Sqlite;
                else if (name == QLatin1String("postgresql") || name == QLatin1String("postgres"))
                    manifest.dialects << Dialect::Postgres;
                else
                    return Error::badInput(QStringLiteral("%1:%2: \"%3\" is not a dialect Strata knows.")
                                               .arg(path)
                                               .arg(d.Mark().line + 1)
                                               .arg(name),
                                           QStringLiteral("Use sqlite or postgresql."));
            }
        }
        if (const auto baseline = root["baseline"]) {
            manifest.baseline.version = baseline["version"] ? baseline["version"].as<long long>() : 1;
            manifest.baseline.description = str(baseline["description"]);
            for (const auto& t : baseline["tables"])
                manifest.baseline.tables << str(t);
        }
        for (const auto& p : root["phases"]) {
            if (p.IsScalar())
                manifest.phases.append({str(p), {}});
            else
                manifest.phases.append({str(p["name"]), str(p["description"])});
        }
        for (const auto& o : root["options"]) {
            Option option;
            option.name = QString::fromStdString(o.first.as<std::string>());
            option.description = str(o.second["description"]);
            option.defaultOn = o.second["default"] ? o.second["default"].as<bool>() : false;
            manifest.options << option;
        }
        for (const auto& v : root["versions"])
            manifest.versionDescriptions.insert(v.first.as<long long>(), str(v.second["description"]));
        if (const auto placeholders = root["placeholders"]) {
            if (!placeholders.IsMap())
                return Error::badInput(QStringLiteral("%1:%2: placeholders must be a map of names to values.")
                                           .arg(path)
                                           .arg(placeholders.Mark().line + 1),
                                       QStringLiteral("Write it like:\nplaceholders:\n  schema: trading"));
            for (const auto& p : placeholders)
                manifest.placeholders.insert(QString::fromStdString(p.first.as<std::string>()),
                                             str(p.second));
        }
        if (const auto hooks = root["hooks"]) {
            const QString folder = QFileInfo(path).absolutePath();
            auto hook = [&](const YAML::Node& node, HookSpec& out) {
                if (!node)
                    return;
                out.command = node.IsScalar() ? str(node) : str(node["command"]);
                if (node.IsMap() && node["timeout"])
                    out.timeoutSeconds = node["timeout"].as<int>();
                out.workingDirectory = folder;
            };
            hook(hooks["pre"], manifest.preHook);
            hook(hooks["post"], manifest.postHook);
        }
        if (const auto verify = root["verify"]) {
            for (const auto& e : verify["expect"]) {
                Expectation expectation;
                expectation.version = e["version"] ? e["version"].as<long long>() : 0;
                expectation.option = str(e["option"]);
                for (const auto& t : e["tables"])
                    expectation.tables << str(t);
                for (const auto& i : e["indexes"])
                    expectation.indexes << str(i);
                for (const auto& c : e["columns"])
                    expectation.columns << str(c);
                manifest.expectations << expectation;
            }
            for (const auto& q : verify["queries"])
                manifest.sampleQueries << str(q);
        }
    } catch (const YAML::Exception& e) {
        return Error::badInput(QStringLiteral("%1:%2: the manifest is not valid YAML: %3")
                                   .arg(path)
                                   .arg(e.mark.line + 1)
                                   .arg(QString::fromStdString(e.msg)),
                               QStringLiteral("Fix the YAML (see docs/migration-sets.md for the keys)."));
    }
    return manifest;
}

} // namespace strata
