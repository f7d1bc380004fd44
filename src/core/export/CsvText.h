#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include "connection/ConnectionUrl.h"

namespace strata {

/// One CSV field exactly as the engine's own tool writes it, so that a file exported by Strata and one
/// written by psql or sqlite3 compare byte for byte:
/// - psql (COPY ... CSV): quoted when empty or holding a comma, a double quote, CR or LF, or when it is
///   \. alone in a row of one column (where it would read as the end of data); NULL is an empty unquoted
///   field.
/// - sqlite3 -csv: quoted when empty or holding a comma or any byte that is a control character, a space,
///   a double or single quote, DEL or not ASCII; NULL is an empty unquoted field.
class CsvText
{
public:
    /// `onlyColumn`: the row has this one field.
    static void appendField(QByteArray& out, QByteArrayView text, Dialect dialect, bool onlyColumn = false);
    static void appendNull(QByteArray&) {}
};

} // namespace strata
