# Tests of the console's sessions part.
strata_add_test(tst_sessions console/tst_sessions.cpp integration sqlite postgresql)
target_include_directories(tst_sessions PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/console)
strata_add_gui_test(tst_sessions_page console/tst_sessions_page.cpp sqlite postgresql)
target_include_directories(tst_sessions_page PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/console ${CMAKE_CURRENT_SOURCE_DIR}/gui)
strata_add_test(tst_table_health console/tst_table_health.cpp integration sqlite postgresql)
target_include_directories(tst_table_health PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/console)
