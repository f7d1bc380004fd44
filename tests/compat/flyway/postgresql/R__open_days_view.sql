CREATE OR REPLACE VIEW open_days AS
SELECT c.exchange, c.day, c.close_time
FROM exchange_calendar c
WHERE c.is_open
  AND NOT EXISTS (SELECT 1 FROM holidays h WHERE h.exchange = c.exchange AND h.day = c.day);
