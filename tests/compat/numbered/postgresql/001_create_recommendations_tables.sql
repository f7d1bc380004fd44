-- Migration: 001_create_recommendations_tables
-- Description: Recommendations, their target ladders and option ideas
-- Created: 2026-01-10

CREATE EXTENSION IF NOT EXISTS "uuid-ossp";

CREATE TABLE IF NOT EXISTS recommendations (
    reco_id            UUID PRIMARY KEY DEFAULT uuid_generate_v4(),
    asof               TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    symbol             TEXT NOT NULL,
    horizon            TEXT NOT NULL,
    side               TEXT NOT NULL CHECK (side IN ('BUY', 'SELL', 'HOLD')),
    entry_price        NUMERIC(12, 4),
    confidence_overall NUMERIC(4, 3) NOT NULL CHECK (confidence_overall BETWEEN 0 AND 1),
    expected_move_pct  NUMERIC(6, 2),
    rationale          JSONB NOT NULL DEFAULT '{}'::jsonb,
    quality            JSONB
);

CREATE INDEX IF NOT EXISTS idx_reco_symbol_asof ON recommendations (symbol, asof DESC);
CREATE INDEX IF NOT EXISTS idx_reco_horizon_conf ON recommendations (horizon, confidence_overall DESC);
CREATE INDEX IF NOT EXISTS idx_reco_side ON recommendations (side);
CREATE INDEX IF NOT EXISTS idx_reco_asof ON recommendations (asof DESC);

CREATE TABLE IF NOT EXISTS reco_targets (
    reco_id     UUID NOT NULL REFERENCES recommendations (reco_id) ON DELETE CASCADE,
    ordinal     SMALLINT NOT NULL CHECK (ordinal BETWEEN 1 AND 5),
    name        TEXT NOT NULL,
    target_type TEXT NOT NULL CHECK (target_type IN ('price', 'percentage', 'technical')),
    value       NUMERIC(12, 4) NOT NULL,
    confidence  NUMERIC(4, 3) NOT NULL CHECK (confidence BETWEEN 0 AND 1),
    eta_minutes INTEGER,
    notes       TEXT,
    PRIMARY KEY (reco_id, ordinal)
);

CREATE INDEX IF NOT EXISTS idx_reco_targets_reco ON reco_targets (reco_id);

CREATE TABLE IF NOT EXISTS option_ideas (
    reco_id            UUID PRIMARY KEY REFERENCES recommendations (reco_id) ON DELETE CASCADE,
    option_type        TEXT NOT NULL CHECK (option_type IN ('CALL', 'PUT')),
    expiry             DATE NOT NULL,
    strike             NUMERIC(12, 4) NOT NULL,
    option_entry_price NUMERIC(12, 4),
    greeks             JSONB,
    iv                 JSONB,
    notes              TEXT
);
