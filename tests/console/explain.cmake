# Tests of the console's explain part.
strata_add_test(tst_explain console/tst_explain.cpp integration sqlite postgresql)
