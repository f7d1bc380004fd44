CREATE TABLE alert_log (alert_id INTEGER NOT NULL, note TEXT NOT NULL);
CREATE TRIGGER alerts_acked AFTER UPDATE OF acked_at ON alerts
BEGIN
    INSERT INTO alert_log (alert_id, note) VALUES (NEW.id, 'acked');
END;
