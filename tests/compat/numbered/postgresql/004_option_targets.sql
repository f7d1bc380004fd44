-- Migration: 004_option_targets
-- Description: Premium targets for option ideas (1-3 per option)
-- Created: 2026-01-20

CREATE TABLE IF NOT EXISTS option_targets (
    reco_id     UUID NOT NULL REFERENCES option_ideas (reco_id) ON DELETE CASCADE,
    ordinal     SMALLINT NOT NULL CHECK (ordinal BETWEEN 1 AND 3),
    name        TEXT NOT NULL,
    value       NUMERIC(12, 4) NOT NULL,
    confidence  NUMERIC(4, 3) NOT NULL,
    eta_minutes INTEGER,
    notes       TEXT,
    PRIMARY KEY (reco_id, ordinal)
);

CREATE INDEX IF NOT EXISTS idx_option_targets_reco ON option_targets (reco_id);

CREATE OR REPLACE VIEW latest_recommendations AS
SELECT DISTINCT ON (symbol) *
FROM recommendations
ORDER BY symbol, asof DESC;
