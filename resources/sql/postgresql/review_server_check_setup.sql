-- Before the server's check of a statement (review_server_check.sql): check SQL function bodies as they
-- are created, for this transaction only.
SELECT set_config('check_function_bodies', 'on', true)
