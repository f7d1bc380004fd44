#pragma once

#include <QString>

namespace strata {

/// Catalog text (types, defaults, predicates, view and trigger bodies) in a form where two spellings of
/// the same thing compare equal: SQLite keeps DDL as it was typed, so `DEFAULT 0` and `default  0`, or
/// `"qty"` and `qty`, must not read as drift. String literals are kept exactly.
class DefinitionText
{
public:
    /// Lower-case outside quotes, identifier quotes ("", ``) dropped, whitespace runs collapsed and removed
    /// next to punctuation, a trailing semicolon dropped, redundant outer parentheses removed.
    static QString normalise(const QString& text);
};

} // namespace strata
