ALTER TABLE exchange_calendar ADD COLUMN close_time time;
