# The tearsheet window's analytics on the real widgets, on a demo database of each engine.
strata_add_gui_test(tst_tearsheet_analytics analytics/tst_tearsheet_analytics.cpp sqlite postgresql)
