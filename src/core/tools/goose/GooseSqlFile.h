#pragma once

#include <QByteArray>
#include <QString>

#include "common/Result.h"

namespace strata {

/// One goose SQL migration file, read as goose v3's SQL parser reads it (see docs/migration-sets.md):
/// the "-- +goose Up" section runs forward, the "-- +goose Down" section is the rollback.
struct GooseSqlFile
{
    QByteArray up;       ///< the Up section's lines, annotations kept as the comments they are
    int upFirstLine = 1; ///< the file line the Up section's text starts on
    QByteArray down;     ///< the Down section's lines; empty when the file has none
    int downFirstLine = 1;
    bool noTransaction = false; ///< "-- +goose NO TRANSACTION"

    /// Whether the file carries goose annotations: a line that, trimmed, starts with "--" and holds "+goose".
    static bool recognises(const QByteArray& bytes);
    /// Splits the file as goose does, or an error naming the file and line.
    static Result<GooseSqlFile> parse(const QByteArray& bytes, const QString& path);
};

} // namespace strata
