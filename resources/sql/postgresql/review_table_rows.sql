-- The exact row count of one table, read only when the table is small (the review counts a table below a
-- few megabytes, where the estimate may say 0 for a table never analyzed). query_to_xml runs the count
-- with the name resolved to a regclass first, so the name is never pasted into SQL as text.
-- $1: the table's name, quoted as SQL writes it.
SELECT (xpath('/row/n/text()',
              query_to_xml(format('SELECT count(*) AS n FROM %s', to_regclass($1::text)), false, true, '')))[1]
           ::text::bigint AS exact_rows
