-- Migration: 001_strategy_management_tables
-- Description: Strategy management tables - strategy_registry, strategy_versions, strategy_performance, strategy_lineage
-- Created: 2026-11-21
-- strata:phase core
-- strata:dialect sqlite
--
-- SQLite mapping of the PostgreSQL step (01_tables.postgresql.sql):
--   * the strategystatus enum is a CHECK constraint on strategy_registry.status, with the same
--     uppercase values: 'EXPERIMENTAL', 'TESTING', 'PRODUCTION', 'RETIRED', 'DEPRECATED';
--   * JSONB columns are TEXT holding JSON;
--   * TIMESTAMPTZ columns are TEXT holding ISO-8601 UTC times ('2026-11-21T09:30:00.000Z');
--   * DOUBLE PRECISION columns are REAL, BOOLEAN columns hold 0 or 1.
-- SQLite enforces the foreign keys (and their ON DELETE actions) only on connections that set
-- PRAGMA foreign_keys = ON.

CREATE TABLE strategy_registry (
    id INTEGER PRIMARY KEY,
    strategy_id TEXT NOT NULL,
    name TEXT NOT NULL,
    version TEXT NOT NULL,
    parent_id TEXT,
    lineage_path TEXT,
    branch_name TEXT,
    merge_source TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    description TEXT,
    tags TEXT,
    status TEXT NOT NULL DEFAULT 'EXPERIMENTAL',
    signal_generator_config TEXT NOT NULL,
    risk_manager_config TEXT NOT NULL,
    position_sizer_config TEXT NOT NULL,
    regime_detector_config TEXT NOT NULL,
    parameters TEXT,
    performance_summary TEXT,
    validation_results TEXT,
    config_hash TEXT NOT NULL,
    component_hash TEXT NOT NULL,
    created_at_db TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT uq_strategy_registry_strategy_id UNIQUE (strategy_id),
    CONSTRAINT uq_strategy_name_version UNIQUE (name, version),
    CONSTRAINT ck_strategy_registry_status
        CHECK (status IN ('EXPERIMENTAL', 'TESTING', 'PRODUCTION', 'RETIRED', 'DEPRECATED')),
    CONSTRAINT fk_strategy_registry_parent FOREIGN KEY (parent_id)
        REFERENCES strategy_registry (strategy_id) ON DELETE SET NULL
);

CREATE TABLE strategy_versions (
    id INTEGER PRIMARY KEY,
    strategy_id TEXT NOT NULL,
    version TEXT NOT NULL,
    created_at TEXT NOT NULL,
    changes TEXT NOT NULL,
    performance_delta TEXT,
    is_major BOOLEAN NOT NULL DEFAULT 0,
    component_changes TEXT,
    parameter_changes TEXT,
    created_at_db TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT uq_strategy_version UNIQUE (strategy_id, version),
    CONSTRAINT ck_strategy_versions_is_major CHECK (is_major IN (0, 1)),
    CONSTRAINT fk_strategy_versions_strategy FOREIGN KEY (strategy_id)
        REFERENCES strategy_registry (strategy_id) ON DELETE CASCADE
);

CREATE TABLE strategy_performance (
    id INTEGER PRIMARY KEY,
    strategy_id TEXT NOT NULL,
    version TEXT NOT NULL,
    period_start TEXT NOT NULL,
    period_end TEXT NOT NULL,
    period_type TEXT NOT NULL,
    total_return REAL NOT NULL,
    total_return_pct REAL NOT NULL,
    sharpe_ratio REAL,
    max_drawdown REAL,
    win_rate REAL,
    total_trades INTEGER NOT NULL DEFAULT 0,
    winning_trades INTEGER NOT NULL DEFAULT 0,
    losing_trades INTEGER NOT NULL DEFAULT 0,
    avg_trade_duration_hours REAL,
    volatility REAL,
    sortino_ratio REAL,
    calmar_ratio REAL,
    var_95 REAL,
    signal_generator_contribution REAL,
    risk_manager_contribution REAL,
    position_sizer_contribution REAL,
    regime_performance TEXT,
    additional_metrics TEXT,
    test_symbol TEXT,
    test_timeframe TEXT,
    test_parameters TEXT,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT fk_strategy_performance_strategy FOREIGN KEY (strategy_id)
        REFERENCES strategy_registry (strategy_id) ON DELETE CASCADE
);

CREATE TABLE strategy_lineage (
    id INTEGER PRIMARY KEY,
    ancestor_id TEXT NOT NULL,
    descendant_id TEXT NOT NULL,
    relationship_type TEXT NOT NULL,
    generation_distance INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    evolution_reason TEXT,
    change_impact TEXT,
    performance_improvement REAL,
    risk_change REAL,
    created_at_db TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT uq_lineage_pair UNIQUE (ancestor_id, descendant_id),
    CONSTRAINT fk_strategy_lineage_ancestor FOREIGN KEY (ancestor_id)
        REFERENCES strategy_registry (strategy_id) ON DELETE CASCADE,
    CONSTRAINT fk_strategy_lineage_descendant FOREIGN KEY (descendant_id)
        REFERENCES strategy_registry (strategy_id) ON DELETE CASCADE
);
