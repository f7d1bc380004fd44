-- Migration: 001_baseline_tables
-- Description: Schema v1 of the risk-manager state database - 9 tables and their 13 indexes
-- Created: 2026-11-21
-- strata:phase core
-- strata:dialect sqlite
--
-- This is the schema the daemon has always created. An existing v1 database is not migrated by this
-- step: Strata recognises its 9 tables and records version 1 as the baseline. The step only runs on a
-- new, empty database.
--
-- Conventions:
--   * Times are UTC text in SQLite's datetime() format, 'YYYY-MM-DD HH:MM:SS'. Trading dates are
--     'YYYY-MM-DD'.
--   * Flags are BOOLEAN columns holding 0 or 1.
--   * account_id is the broker's account id. Contract ids are the broker's (e.g. CON.F.US.EP.Z26).
--   * Enumerations stored as integers:
--       side        0 = BUY, 1 = SELL
--       orders.type 1 = MARKET, 2 = LIMIT, 3 = STOP, 4 = STOP_LIMIT (schema v2 code adds 5 = TRAILING_STOP)
--       orders.state 1 = OPEN, 2 = FILLED, 3 = CANCELLED, 4 = EXPIRED, 5 = REJECTED, 6 = PENDING
--       positions.type 1 = LONG, 2 = SHORT

-- Accounts locked out of trading by a rule (daily loss, session window, cooldown), current and past.
CREATE TABLE lockouts (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL,
    rule_id TEXT NOT NULL,
    reason TEXT NOT NULL,
    lockout_type TEXT NOT NULL DEFAULT 'HARD' CHECK (lockout_type IN ('HARD', 'COOLDOWN')),
    locked_at TEXT NOT NULL,
    locked_until TEXT NOT NULL,
    is_active BOOLEAN NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
    cleared_at TEXT,
    cleared_by TEXT,
    created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE INDEX idx_lockouts_until ON lockouts(locked_until);

-- Realized P&L per account and trading date (RULE-003 daily realized loss).
CREATE TABLE daily_pnl (
    account_id INTEGER NOT NULL,
    date TEXT NOT NULL,
    realized_pnl REAL NOT NULL DEFAULT 0,
    fees REAL NOT NULL DEFAULT 0,
    trade_count INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (account_id, date)
);

CREATE INDEX idx_daily_pnl_date ON daily_pnl(date);

-- Contract specifications fetched from the broker, keyed by contract id. symbol is the root (ES, NQ, ...).
CREATE TABLE contract_cache (
    contract_id TEXT PRIMARY KEY,
    symbol TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT,
    exchange TEXT NOT NULL,
    tick_size REAL NOT NULL CHECK (tick_size > 0),
    tick_value REAL NOT NULL CHECK (tick_value > 0),
    currency TEXT NOT NULL DEFAULT 'USD',
    expiration_date TEXT,
    active BOOLEAN NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    cached_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE INDEX idx_contract_cache_symbol ON contract_cache(symbol);

-- Fills (half-turns). profit_and_loss is NULL for an opening fill and set on the closing fill.
CREATE TABLE trade_history (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL,
    contract_id TEXT NOT NULL,
    order_id INTEGER,
    side INTEGER NOT NULL CHECK (side IN (0, 1)),
    size INTEGER NOT NULL CHECK (size > 0),
    price REAL NOT NULL,
    profit_and_loss REAL,
    fees REAL NOT NULL DEFAULT 0,
    voided BOOLEAN NOT NULL DEFAULT 0 CHECK (voided IN (0, 1)),
    timestamp TEXT NOT NULL
);

CREATE INDEX idx_trade_history_account_time ON trade_history(account_id, timestamp);
CREATE INDEX idx_trade_history_timestamp ON trade_history(timestamp);

-- The daemon's per-account session: trading date, connection, balances, trade count.
CREATE TABLE session_state (
    account_id INTEGER PRIMARY KEY,
    account_name TEXT NOT NULL,
    trading_date TEXT NOT NULL,
    session_started_at TEXT NOT NULL,
    last_event_at TEXT,
    connection_status TEXT NOT NULL DEFAULT 'DISCONNECTED'
        CHECK (connection_status IN ('CONNECTED', 'RECONNECTING', 'DISCONNECTED')),
    starting_balance REAL,
    current_balance REAL,
    high_water_balance REAL,
    trade_count INTEGER NOT NULL DEFAULT 0,
    can_trade BOOLEAN NOT NULL DEFAULT 1 CHECK (can_trade IN (0, 1)),
    updated_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- Open positions as last reported by the broker.
CREATE TABLE positions (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL,
    contract_id TEXT NOT NULL,
    type INTEGER NOT NULL CHECK (type IN (1, 2)),
    size INTEGER NOT NULL CHECK (size > 0),
    average_price REAL NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE INDEX idx_positions_account ON positions(account_id);
CREATE INDEX idx_positions_contract ON positions(contract_id);

-- Orders, working and finished.
CREATE TABLE orders (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL,
    contract_id TEXT NOT NULL,
    type INTEGER NOT NULL CHECK (type > 0),
    side INTEGER NOT NULL CHECK (side IN (0, 1)),
    size INTEGER NOT NULL CHECK (size > 0),
    limit_price REAL,
    stop_price REAL,
    state INTEGER NOT NULL CHECK (state BETWEEN 1 AND 6),
    filled_size INTEGER NOT NULL DEFAULT 0,
    filled_price REAL,
    custom_tag TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE INDEX idx_orders_account ON orders(account_id);
CREATE INDEX idx_orders_contract ON orders(contract_id);
CREATE INDEX idx_orders_state ON orders(state);

-- Every enforcement action a rule took, and whether the broker accepted it. details is JSON text.
CREATE TABLE enforcement_log (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL,
    rule_id TEXT NOT NULL,
    action TEXT NOT NULL,
    reason TEXT NOT NULL,
    contract_id TEXT,
    details TEXT,
    success BOOLEAN NOT NULL DEFAULT 1 CHECK (success IN (0, 1)),
    error_message TEXT,
    timestamp TEXT NOT NULL
);

CREATE INDEX idx_enforcement_account ON enforcement_log(account_id);
CREATE INDEX idx_enforcement_rule ON enforcement_log(rule_id);
CREATE INDEX idx_enforcement_timestamp ON enforcement_log(timestamp);

-- When each account's daily counters reset (reset_time is local wall-clock time in timezone).
CREATE TABLE reset_schedule (
    account_id INTEGER PRIMARY KEY,
    reset_time TEXT NOT NULL DEFAULT '17:00',
    timezone TEXT NOT NULL DEFAULT 'America/Chicago',
    enabled BOOLEAN NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
    last_reset_at TEXT,
    next_reset_at TEXT NOT NULL,
    updated_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);
