CREATE INDEX lockouts_expiry ON lockouts (expires_at) WHERE expires_at IS NOT NULL;
