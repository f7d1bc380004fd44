-- Migration: 001_create_recommendations_tables
-- Description: Roll back 001 - drop option_targets, option_ideas, reco_targets and recommendations (all their data is lost)
-- Created: 2026-11-21
-- strata:dialect postgresql

-- Reverse order of the foreign keys. Dropping a table also drops its indexes and constraints.
DROP TABLE option_targets;
DROP TABLE option_ideas;
DROP TABLE reco_targets;
DROP TABLE recommendations;
