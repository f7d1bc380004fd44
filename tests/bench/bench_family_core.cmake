# family_core_bench: the family view's data (FamilyReader::read) for 100 / 500 / 2,000 members, SQLite and
# PostgreSQL, split into the lineage read, the aggregate, the ordered pass and the build (goal: 500 in <= 300 ms).
add_executable(family_core_bench family_core_bench.cpp FamilyBenchRows.cpp)
target_link_libraries(family_core_bench PRIVATE strata_core strata_test_support strata_warnings)
