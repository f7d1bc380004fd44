# analytics_build_bench: AnalyticsBuilder::build of one strategy (tearsheet, four metric columns, benchmark curves,
# rolling risk, drawdowns, years, distributions, the in-sample / out-of-sample split) for 1, 10, 20 and 40 years of
# daily rows, to show the cost per 1,000 days stays flat.
add_executable(analytics_build_bench analytics_build_bench.cpp)
target_link_libraries(analytics_build_bench PRIVATE strata_core strata_warnings)
