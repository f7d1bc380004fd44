# family_view_bench: the family view of 100 / 500 / 2,000 strategies built (FamilyBuilder) and drawn in the family
# window offscreen (table, parallel coordinates, attribution) until painted (goal: 500 in <= 300 ms).
add_executable(family_view_bench family_view_bench.cpp)
target_link_libraries(family_view_bench PRIVATE strata_gui strata_warnings)
