# metrics_bench: the full metric table (strategy and benchmark columns), the ten worst drawdowns and the
# rolling beta and volatility (126 and 252 days) of ten years of daily returns (goal: <= 20 ms), and of 1, 10,
# 20 and 40 years to show the cost per 1,000 days stays flat.
add_executable(metrics_bench metrics_bench.cpp)
target_link_libraries(metrics_bench PRIVATE strata_core strata_test_support strata_warnings)
