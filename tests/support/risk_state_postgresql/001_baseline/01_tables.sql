-- Migration: 001_baseline_tables
-- Description: Schema v1 of the risk-manager state database (the tables the v2 run touches), PostgreSQL
-- Created: 2026-12-06
-- strata:phase core

CREATE TABLE positions (
    id BIGINT PRIMARY KEY,
    account_id INTEGER NOT NULL,
    contract_id TEXT NOT NULL,
    type INTEGER NOT NULL CHECK (type IN (1, 2)),
    size INTEGER NOT NULL CHECK (size > 0),
    average_price DOUBLE PRECISION NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX idx_positions_account ON positions(account_id);
CREATE INDEX idx_positions_contract ON positions(contract_id);

CREATE TABLE orders (
    id BIGINT PRIMARY KEY,
    account_id INTEGER NOT NULL,
    contract_id TEXT NOT NULL,
    type INTEGER NOT NULL CHECK (type > 0),
    side INTEGER NOT NULL CHECK (side IN (0, 1)),
    size INTEGER NOT NULL CHECK (size > 0),
    limit_price DOUBLE PRECISION,
    stop_price DOUBLE PRECISION,
    state INTEGER NOT NULL CHECK (state BETWEEN 1 AND 6),
    filled_size INTEGER NOT NULL DEFAULT 0,
    filled_price DOUBLE PRECISION,
    custom_tag TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX idx_orders_account ON orders(account_id);
CREATE INDEX idx_orders_contract ON orders(contract_id);
CREATE INDEX idx_orders_state ON orders(state);

CREATE TABLE enforcement_log (
    id BIGINT PRIMARY KEY,
    account_id INTEGER NOT NULL,
    rule_id TEXT NOT NULL,
    action TEXT NOT NULL,
    reason TEXT NOT NULL,
    contract_id TEXT,
    details TEXT,
    success BOOLEAN NOT NULL DEFAULT true,
    error_message TEXT,
    timestamp TEXT NOT NULL
);
CREATE INDEX idx_enforcement_account ON enforcement_log(account_id);
CREATE INDEX idx_enforcement_rule ON enforcement_log(rule_id);
CREATE INDEX idx_enforcement_timestamp ON enforcement_log(timestamp);
