#pragma once

#include <QString>
#include <QStringList>

namespace strata {

/// The value of a module-level assignment in a Python file, as far as Strata reads it without running
/// Python: None, a string, a tuple or list of strings, or anything else (kept as its source text).
struct PythonLiteral
{
    enum class Kind { None, String, Strings, Other };

    Kind kind = Kind::Other;
    QString text;        ///< Kind::String: the decoded string; Kind::Other: the expression as written
    QStringList strings; ///< Kind::Strings: the items, in order
    int line = 0;        ///< the line of the assignment

    /// None, "", () and [] are empty; a string is one item; a tuple or list its items. Alembic reads
    /// down_revision, branch_labels and depends_on this way (util.to_tuple).
    QStringList items() const;
    bool isEmpty() const { return items().isEmpty(); }
};

} // namespace strata
