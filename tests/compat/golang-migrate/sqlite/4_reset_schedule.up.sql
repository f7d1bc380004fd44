CREATE TABLE reset_schedule (id INTEGER PRIMARY KEY, cron TEXT NOT NULL);
INSERT INTO reset_schedule (id, cron) VALUES (1, '0 17 * * 1-5');
