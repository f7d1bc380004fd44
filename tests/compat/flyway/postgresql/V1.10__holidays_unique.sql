-- 1.10 comes after 1.2: Flyway compares each part of a version as a number.
ALTER TABLE holidays ADD CONSTRAINT holidays_exchange_day_key UNIQUE (exchange, day);
