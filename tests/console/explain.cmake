# Tests of the console's explain part.
strata_add_test(tst_explain console/tst_explain.cpp integration sqlite postgresql)
strata_add_gui_test(tst_explain_panel console/tst_explain_panel.cpp sqlite postgresql)
