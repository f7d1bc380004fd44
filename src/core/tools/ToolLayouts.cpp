#include "tools/ToolLayouts.h"

#include "tools/dbmate/DbmateLayout.h"
#include "tools/flyway/FlywayLayout.h"
#include "tools/golangmigrate/GolangMigrateLayout.h"
#include "tools/goose/GooseLayout.h"
#include "tools/numbered/NumberedLayout.h"
#include "tools/prisma/PrismaLayout.h"
#include "tools/sqlx/SqlxLayout.h"
#include "tools/strata/StrataLayout.h"

namespace strata {

const std::vector<std::unique_ptr<ToolLayout>>& ToolLayouts::all()
{
    static const std::vector<std::unique_ptr<ToolLayout>> layouts = [] {
        std::vector<std::unique_ptr<ToolLayout>> list;
        list.push_back(std::make_unique<GooseLayout>());
        list.push_back(std::make_unique<DbmateLayout>());
        list.push_back(std::make_unique<SqlxLayout>());
        list.push_back(std::make_unique<FlywayLayout>());
        list.push_back(std::make_unique<GolangMigrateLayout>());
        list.push_back(std::make_unique<NumberedLayout>());
        list.push_back(std::make_unique<PrismaLayout>());
        list.push_back(std::make_unique<StrataLayout>());
        return list;
    }();
    return layouts;
}

} // namespace strata
