# The metric table, drawdown periods, rolling risk and return series of the strategy analytics, against
# values computed by hand (tests/analytics/HandComputedSeries.h).
strata_add_test(tst_metric_calculator analytics/tst_metric_calculator.cpp unit)
strata_add_test(tst_drawdown_periods analytics/tst_drawdown_periods.cpp unit)
