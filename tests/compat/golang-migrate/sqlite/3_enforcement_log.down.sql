DROP TRIGGER enforcement_log_no_update;
DROP TABLE enforcement_log;
