CREATE VIEW open_lockouts AS
    SELECT account, reason, locked_at FROM lockouts
    WHERE expires_at IS NULL OR expires_at > datetime('now');
