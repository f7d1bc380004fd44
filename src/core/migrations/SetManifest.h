#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include "common/Result.h"
#include "connection/ConnectionUrl.h"
#include "run/HookSpec.h"

namespace strata {

/// A migration set's `strata.yaml`: its name, dialects, how to recognise a database that predates
/// tracking (baseline), the phases and options, and the descriptions of its versions.
struct SetManifest
{
    struct Phase
    {
        QString name;
        QString description;
    };
    struct Option
    {
        QString name;
        QString description;
        bool defaultOn = false;
    };
    struct Baseline
    {
        qint64 version = 0; ///< 0: the set has no baseline
        QString description;
        QStringList tables;
    };

    /// What a database at `version` or later must have (with `option` on, when one is named): the set's
    /// own verification checks.
    struct Expectation
    {
        qint64 version = 0;
        QString option;
        QStringList tables;
        QStringList indexes;
        QStringList columns; ///< "table.column"
    };

    QString name;
    QString description;
    QList<Dialect> dialects; ///< empty: any
    Baseline baseline;
    QList<Phase> phases;
    QList<Option> options;
    QMap<qint64, QString> versionDescriptions;
    QList<Expectation> expectations;
    HookSpec preHook;          ///< hooks.pre: e.g. stop the daemon (run in the set's folder)
    HookSpec postHook;         ///< hooks.post: e.g. start the daemon
    QStringList sampleQueries; ///< queries that must run (seed 004's "sample queries")
    /// Flyway's `${name}` placeholders and their values (`placeholders:` map); names compare without case.
    QMap<QString, QString> placeholders;

    bool supports(Dialect dialect) const { return dialects.isEmpty() || dialects.contains(dialect); }
    const Option* option(const QString& name) const;
    /// The manifest at `path`; a YAML error is bad input naming the file and line.
    static Result<SetManifest> load(const QString& path);
};

} // namespace strata
