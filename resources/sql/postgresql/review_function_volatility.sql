-- Whether a function a column default calls is volatile (random(), clock_timestamp(), nextval(), a user's
-- function marked VOLATILE): PostgreSQL then writes the value into every row, rewriting the table. A name
-- the catalog does not know counts as volatile.
-- $1: the function's name.
SELECT coalesce(bool_or(p.provolatile = 'v'), true) FROM pg_proc p WHERE p.proname = $1::text
