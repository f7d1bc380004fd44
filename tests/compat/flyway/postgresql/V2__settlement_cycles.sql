CREATE TYPE settlement_cycle AS ENUM ('T+0', 'T+1', 'T+2');
CREATE TABLE settlement_rules (
    asset_class text PRIMARY KEY,
    cycle       settlement_cycle NOT NULL DEFAULT 'T+2'
);
