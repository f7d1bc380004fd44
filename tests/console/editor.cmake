# Tests of the console's editor part.
strata_add_gui_test(tst_console_editor console/tst_console_editor.cpp sqlite postgresql)
strata_add_gui_test(tst_console_window console/tst_console_window.cpp sqlite postgresql)
strata_add_gui_test(tst_console_results console/tst_console_results.cpp sqlite postgresql)
