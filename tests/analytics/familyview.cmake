# The family window, the lineage edges' figures and the strategy report (HTML opened in headless Chromium, PDF).
strata_add_gui_test(tst_family_view analytics/tst_family_view.cpp sqlite postgresql)
strata_add_gui_test(tst_report analytics/tst_report.cpp sqlite postgresql)
