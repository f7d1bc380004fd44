# Tests of the console's query part.
strata_add_test(tst_console_session console/tst_console_session.cpp integration sqlite postgresql)
strata_add_test(tst_console_statements console/tst_console_statements.cpp unit sqlite)
strata_add_test(tst_export console/tst_export.cpp integration sqlite postgresql)
strata_add_gui_test(tst_export_dialog console/tst_export_dialog.cpp sqlite postgresql)
strata_add_test(tst_cli_query console/tst_cli_query.cpp integration sqlite postgresql)
