#pragma once

#include <optional>

#include <QtGlobal>

namespace strata {

/// A performance row's period_start or period_end as FamilyReturnScan reads it, in milliseconds since the
/// epoch (UTC), or nothing when the tearsheet would not read it as a time either, so that the family view
/// skips the rows the tearsheet skips.
class FamilyRowTime
{
public:
    /// SQLite's text. The set's own forms ('2026-03-02T00:00:00.000Z', with or without the milliseconds and
    /// the Z, or a space for the T) are read here without allocating; any other text is read as the
    /// tearsheet reads it (StrategyRowDecoder::time).
    static std::optional<qint64> fromText(const char* text, qsizetype bytes);
    /// PostgreSQL's binary timestamptz: 8 bytes, big-endian microseconds since 2000-01-01 UTC; ±infinity is
    /// not a time (the tearsheet cannot read it either).
    static std::optional<qint64> fromPostgres(const char* bytes);
};

} // namespace strata
