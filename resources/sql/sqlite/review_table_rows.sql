-- The rows of one table for the review, counted up to a bound so that a huge table never costs a full
-- count: %1 is the quoted table name, ?1 the bound plus one (a result above the bound means "more than").
SELECT count(*) FROM (SELECT 1 FROM %1 LIMIT ?1)
