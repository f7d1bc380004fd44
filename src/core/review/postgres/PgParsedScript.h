#pragma once

#include <QByteArray>
#include <QList>

#include "review/postgres/PgStatement.h"

namespace strata {

/// A step file split into statements and parsed with PostgreSQL's own parser (libpg_query): the whole
/// file in one parse when it parses, else statement by statement so that one bad statement does not hide
/// the others.
class PgParsedScript
{
public:
    static QList<PgStatement> parse(const QByteArray& script, int firstLine);
};

} // namespace strata
