// Feeds SetManifest::load a migration set's strata.yaml: name, dialects, baseline, phases, options,
// versions, hooks and the verify section.
#include "FuzzCheck.h"
#include "FuzzFolder.h"
#include "migrations/SetManifest.h"

using namespace strata;
using strata::fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const fuzz::FuzzFolder folder;
    const QString path = folder.filePath(QStringLiteral("strata.yaml"));
    folder.write(QStringLiteral("strata.yaml"),
                 QByteArray(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size)));
    const auto manifest = SetManifest::load(path);
    if (!manifest) {
        check(manifest.error().what.contains(path),
              QStringLiteral("a manifest error that does not name the file: %1").arg(manifest.error().what));
        return 0;
    }
    for (const auto& o : manifest->options)
        check(manifest->option(o.name) != nullptr, QStringLiteral("option %1 not found by name").arg(o.name));
    (void)manifest->supports(Dialect::Sqlite);
    (void)manifest->supports(Dialect::Postgres);
    return 0;
}
