CREATE INDEX alerts_unacked ON alerts (raised_at) WHERE acked_at IS NULL;
