-- Built on open_days: Flyway applies repeatable scripts in the order of their descriptions
-- ("open days view" before "upcoming open days view").
CREATE OR REPLACE VIEW upcoming_open_days AS
SELECT exchange, day, close_time
FROM open_days
WHERE day >= current_date;
