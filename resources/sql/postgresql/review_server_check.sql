-- The server's own check of a statement libpg_query could not read, which runs nothing: the statement
-- becomes the body of a temporary SQL function, which PostgreSQL parses and checks when it is created
-- (check_function_bodies), inside a transaction the review then rolls back. The placeholder is the
-- statement, dollar-quoted with a tag it does not contain.
CREATE FUNCTION pg_temp.strata_review_check() RETURNS void LANGUAGE sql AS %1
