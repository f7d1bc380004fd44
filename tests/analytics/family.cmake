# The family view (FamilyReader, FamilyBuilder, strata-cli strategies family) on both engines.
strata_add_test(tst_family_reader analytics/tst_family_reader.cpp integration sqlite postgresql)
strata_add_test(tst_family_demo analytics/tst_family_demo.cpp integration sqlite postgresql)
strata_add_test(tst_family_tearsheet analytics/tst_family_tearsheet.cpp integration sqlite postgresql)
strata_add_test(tst_family_parameters analytics/tst_family_parameters.cpp unit)
strata_add_test(tst_family_builder analytics/tst_family_builder.cpp unit)
