DROP TRIGGER alerts_acked;
DROP TABLE alert_log;
