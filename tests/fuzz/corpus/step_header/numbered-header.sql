-- Migration: 001_create_recommendations_tables
-- Description: Trading recommendations with price targets and option ideas
-- Created: 2026-11-21

CREATE TABLE recommendations (id SERIAL PRIMARY KEY);
