#pragma once

#include <QJsonObject>

#include "analytics/FamilyView.h"

namespace strata {

/// What `strata-cli strategies family ID --json` prints (snake_case keys, stable for scripts; NaN is null):
/// {"root": ID, "members": [...], "parameters": [...], "results": [...], "edges": [...],
///  "generations": [...], "problems": [...]}
class FamilyJson
{
public:
    static QJsonObject family(const FamilyView& family);
};

} // namespace strata
