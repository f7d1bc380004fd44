-- Migration: 003_add_user_tracking
-- Description: Add user tracking and audit tables
-- Created: 2026-01-14

CREATE TABLE IF NOT EXISTS user_actions (
    action_id   UUID PRIMARY KEY DEFAULT uuid_generate_v4(),
    user_id     UUID NOT NULL,
    action_type TEXT NOT NULL,
    reco_id     UUID REFERENCES recommendations (reco_id) ON DELETE SET NULL,
    created_at  TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP
);

CREATE INDEX IF NOT EXISTS idx_user_actions_user ON user_actions (user_id, created_at DESC);
