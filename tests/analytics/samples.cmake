# The benchmark, the in-sample / out-of-sample split, the analytics of one strategy and its JSON, on both engines.
strata_add_test(tst_benchmark_parsing analytics/tst_benchmark_parsing.cpp unit)
strata_add_test(tst_analytics_storage analytics/tst_analytics_storage.cpp integration sqlite postgresql)
strata_add_test(tst_sample_split analytics/tst_sample_split.cpp integration sqlite postgresql)
strata_add_test(tst_benchmark_loader analytics/tst_benchmark_loader.cpp integration sqlite postgresql)
strata_add_test(tst_cli_performance analytics/tst_cli_performance.cpp integration sqlite postgresql)
