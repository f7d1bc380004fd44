-- Demo data for the risk_state migration set, schema v1 (SQLite).
--
-- Run once on a new v1 database (migrations/risk_state, version 1 applied, nothing else). It fills the
-- 9 tables with a plausible picture of a risk-manager daemon that has watched four futures accounts
-- for 12 weeks: 60 trading days from Monday 2026-08-31 to Friday 2026-11-20, the demo's "now" being
-- 2026-11-20 21:00:00 UTC. Every value is computed from row numbers, so the data is the same on every
-- run. Times are UTC.
--
-- Accounts: 10001 EVAL-50K-01, 10002 EVAL-100K-02, 10003 FUNDED-150K-03, 10004 PRACTICE-50K-04.
-- Day k (0..59) is 2026-08-31 + (k / 5) weeks + (k % 5) days.
--
-- Rows per table: contract_cache 9, orders 720, trade_history 614, positions 10, daily_pnl 217,
-- enforcement_log 3001, lockouts 208 (1 active), reset_schedule 4, session_state 4.

-- Contract specifications: ES, NQ (September contracts expired and December ones), MES, MNQ, CL, GC.
INSERT INTO contract_cache (contract_id, symbol, name, description, exchange, tick_size, tick_value,
                            currency, expiration_date, active, cached_at)
VALUES
    ('CON.F.US.EP.U26',  'ES',  'ESU6',  'E-mini S&P 500: September 2026',       'CME',   0.25, 12.50, 'USD', '2026-09-18', 0, '2026-08-31 12:00:04'),
    ('CON.F.US.EP.Z26',  'ES',  'ESZ6',  'E-mini S&P 500: December 2026',        'CME',   0.25, 12.50, 'USD', '2026-12-18', 1, '2026-11-20 12:00:03'),
    ('CON.F.US.ENQ.U26', 'NQ',  'NQU6',  'E-mini Nasdaq-100: September 2026',    'CME',   0.25,  5.00, 'USD', '2026-09-18', 0, '2026-08-31 12:00:04'),
    ('CON.F.US.ENQ.Z26', 'NQ',  'NQZ6',  'E-mini Nasdaq-100: December 2026',     'CME',   0.25,  5.00, 'USD', '2026-12-18', 1, '2026-11-20 12:00:03'),
    ('CON.F.US.MES.Z26', 'MES', 'MESZ6', 'Micro E-mini S&P 500: December 2026',  'CME',   0.25,  1.25, 'USD', '2026-12-18', 1, '2026-11-20 12:00:03'),
    ('CON.F.US.MNQ.Z26', 'MNQ', 'MNQZ6', 'Micro E-mini Nasdaq-100: December 2026', 'CME', 0.25,  0.50, 'USD', '2026-12-18', 1, '2026-11-20 12:00:03'),
    ('CON.F.US.CLE.F27', 'CL',  'CLF7',  'Crude Oil: January 2027',              'NYMEX', 0.01, 10.00, 'USD', '2026-12-17', 1, '2026-11-20 12:00:03'),
    ('CON.F.US.GCE.Z26', 'GC',  'GCZ6',  'Gold: December 2026',                  'COMEX', 0.10, 10.00, 'USD', '2026-12-29', 1, '2026-11-20 12:00:03'),
    ('CON.F.US.GCE.G27', 'GC',  'GCG7',  'Gold: February 2027',                  'COMEX', 0.10, 10.00, 'USD', '2027-02-24', 1, '2026-11-20 12:00:03');

-- Orders: 360 round trips (an entry and an exit order each), six a day. Order ids are 7100001 and up,
-- odd ids are entries and the next even id is the exit of the same round trip. The last ten round trips
-- (351..360, Thursday and Friday) are still open: 5 have a working stop (state OPEN), 5 had their exit
-- cancelled.
INSERT INTO orders (id, account_id, contract_id, type, side, size, limit_price, stop_price, state,
                    filled_size, filled_price, custom_tag, created_at, updated_at)
WITH RECURSIVE
    seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 720),
    spec(c, root, base, tick, micro) AS (
        VALUES (0, 'ES', 6650.0, 0.25, 0), (1, 'NQ', 24600.0, 0.25, 0), (2, 'MES', 6650.0, 0.25, 1),
               (3, 'MNQ', 24600.0, 0.25, 1), (4, 'CL', 58.00, 0.01, 0), (5, 'GC', 3950.0, 0.1, 0)),
    trip AS (
        SELECT n,
               (n + 1) / 2 AS p,
               (n + 1) % 2 AS leg,
               ((n + 1) / 2 - 1) / 6 AS k
        FROM seq),
    leg AS (
        SELECT t.n, t.p, t.leg, t.k,
               10001 + t.p % 4 AS account_id,
               s.c, s.root, s.tick, s.micro,
               t.p % 2 AS entry_side,
               CASE WHEN s.micro = 1 THEN 1 + t.p % 5 ELSE 1 + t.p % 3 END AS size,
               -- entry price: a slow walk over the 60 days plus noise, on the tick grid
               round(s.base + s.tick * (((t.k * 53) % 120) * 8 + (t.p * 13) % 40), 2) AS entry_price,
               ((t.p * 37) % 41) - 16 AS move_ticks,
               datetime('2026-08-31 13:30:00',
                        printf('+%d days', (t.k / 5) * 7 + t.k % 5),
                        printf('+%d seconds', ((t.p - 1) % 6) * 3900 + (t.p * 211) % 1500)) AS entry_at
        FROM trip t
        JOIN spec s ON s.c = (t.p + t.p / 4) % 6)
SELECT
    7100000 + n,
    account_id,
    CASE
        WHEN root = 'ES' AND k < 8 THEN 'CON.F.US.EP.U26'
        WHEN root = 'ES' THEN 'CON.F.US.EP.Z26'
        WHEN root = 'NQ' AND k < 8 THEN 'CON.F.US.ENQ.U26'
        WHEN root = 'NQ' THEN 'CON.F.US.ENQ.Z26'
        WHEN root = 'MES' THEN 'CON.F.US.MES.Z26'
        WHEN root = 'MNQ' THEN 'CON.F.US.MNQ.Z26'
        WHEN root = 'CL' THEN 'CON.F.US.CLE.F27'
        ELSE 'CON.F.US.GCE.Z26'
    END,
    -- type: entries are MARKET or LIMIT, exits LIMIT (target), STOP or MARKET (flatten)
    CASE
        WHEN leg = 0 THEN CASE WHEN p % 3 = 0 THEN 2 ELSE 1 END
        WHEN p > 350 THEN 3
        WHEN move_ticks > 0 THEN 2
        WHEN p % 5 = 0 THEN 1
        ELSE 3
    END,
    CASE WHEN leg = 0 THEN entry_side ELSE 1 - entry_side END,
    size,
    -- limit_price
    CASE
        WHEN leg = 0 AND p % 3 = 0 THEN entry_price
        WHEN leg = 1 AND p <= 350 AND move_ticks > 0
            THEN round(entry_price + (1 - 2 * entry_side) * move_ticks * tick, 2)
    END,
    -- stop_price
    CASE
        WHEN leg = 1 AND p > 350 THEN round(entry_price - (1 - 2 * entry_side) * 20 * tick, 2)
        WHEN leg = 1 AND move_ticks <= 0 AND p % 5 <> 0
            THEN round(entry_price + (1 - 2 * entry_side) * move_ticks * tick, 2)
    END,
    -- state: 2 FILLED, 3 CANCELLED, 5 REJECTED, 1 OPEN
    CASE
        WHEN p > 350 THEN CASE WHEN leg = 0 THEN 2 WHEN p % 2 = 0 THEN 1 ELSE 3 END
        WHEN p % 9 = 0 THEN 3
        WHEN p % 31 = 0 THEN CASE WHEN leg = 0 THEN 5 ELSE 3 END
        ELSE 2
    END,
    -- filled_size / filled_price
    CASE WHEN (p > 350 AND leg = 0) OR (p <= 350 AND p % 9 <> 0 AND p % 31 <> 0) THEN size ELSE 0 END,
    CASE
        WHEN p > 350 AND leg = 0 THEN entry_price
        WHEN p > 350 OR p % 9 = 0 OR p % 31 = 0 THEN NULL
        WHEN leg = 0 THEN entry_price
        ELSE round(entry_price + (1 - 2 * entry_side) * move_ticks * tick, 2)
    END,
    printf('strata-demo-%d-%s', p, CASE WHEN leg = 0 THEN 'entry' ELSE 'exit' END),
    CASE WHEN leg = 0 THEN entry_at ELSE datetime(entry_at, '+2 seconds') END,
    CASE
        WHEN leg = 0 THEN datetime(entry_at, '+1 seconds')
        WHEN p > 350 AND p % 2 = 0 THEN datetime(entry_at, '+2 seconds')
        ELSE datetime(entry_at, printf('+%d seconds', 90 + (p * 97) % 2400))
    END
FROM leg;

-- Fills: one per filled order. The exit fill carries the round trip's gross P&L. Fees are per contract
-- and side: 1.40 (ES, NQ), 0.37 (MES, MNQ), 1.50 (CL, GC).
INSERT INTO trade_history (id, account_id, contract_id, order_id, side, size, price, profit_and_loss,
                           fees, voided, timestamp)
SELECT
    o.id - 7100000 + 52000000,
    o.account_id,
    o.contract_id,
    o.id,
    o.side,
    o.filled_size,
    o.filled_price,
    CASE
        WHEN o.id % 2 = 1 THEN NULL
        ELSE round((o.filled_price - e.filled_price) * (1 - 2 * e.side) / cc.tick_size * cc.tick_value
                   * o.filled_size, 2)
    END,
    round(o.filled_size * CASE cc.symbol WHEN 'MES' THEN 0.37 WHEN 'MNQ' THEN 0.37
                                         WHEN 'CL' THEN 1.50 WHEN 'GC' THEN 1.50 ELSE 1.40 END, 2),
    0,
    o.updated_at
FROM orders o
JOIN contract_cache cc ON cc.contract_id = o.contract_id
LEFT JOIN orders e ON e.id = o.id - 1 AND o.id % 2 = 0
WHERE o.state = 2
ORDER BY o.id;

-- Open positions: the ten round trips that have not been closed.
INSERT INTO positions (id, account_id, contract_id, type, size, average_price, created_at, updated_at)
SELECT
    3300000 + (o.id - 7100000 + 1) / 2,
    o.account_id,
    o.contract_id,
    CASE o.side WHEN 0 THEN 1 ELSE 2 END,
    o.filled_size,
    o.filled_price,
    o.created_at,
    datetime(o.updated_at, printf('+%d seconds', 5 + (o.id * 13) % 600))
FROM orders o
WHERE o.id % 2 = 1 AND o.id > 7100700
ORDER BY o.id;

-- Daily realized P&L per account and trading date, from the fills.
INSERT INTO daily_pnl (account_id, date, realized_pnl, fees, trade_count, updated_at)
SELECT
    account_id,
    date(timestamp),
    round(coalesce(sum(profit_and_loss), 0) - sum(fees), 2),
    round(sum(fees), 2),
    count(profit_and_loss),
    max(timestamp)
FROM trade_history
GROUP BY account_id, date(timestamp)
ORDER BY date(timestamp), account_id;

-- Enforcement actions: 3000 over the 60 days (50 a day), most of them stop-loss grace and contract
-- limit enforcement. About 4% failed at the broker.
INSERT INTO enforcement_log (id, account_id, rule_id, action, reason, contract_id, details, success,
                             error_message, timestamp)
WITH RECURSIVE
    seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 3000),
    ev AS (
        SELECT n,
               (n - 1) / 50 AS k,
               10001 + (n * 3 + n / 11) % 4 AS account_id,
               CASE
                   WHEN (n * 7 + n / 13) % 40 < 10 THEN 'RULE-008'
                   WHEN (n * 7 + n / 13) % 40 < 16 THEN 'RULE-001'
                   WHEN (n * 7 + n / 13) % 40 < 20 THEN 'RULE-002'
                   WHEN (n * 7 + n / 13) % 40 < 25 THEN 'RULE-006'
                   WHEN (n * 7 + n / 13) % 40 < 28 THEN 'RULE-007'
                   WHEN (n * 7 + n / 13) % 40 < 32 THEN 'RULE-012'
                   WHEN (n * 7 + n / 13) % 40 < 34 THEN 'RULE-011'
                   WHEN (n * 7 + n / 13) % 40 < 35 THEN 'RULE-003'
                   WHEN (n * 7 + n / 13) % 40 < 36 THEN 'RULE-004'
                   WHEN (n * 7 + n / 13) % 40 < 37 THEN 'RULE-005'
                   WHEN (n * 7 + n / 13) % 40 < 38 THEN 'RULE-009'
                   WHEN (n * 7 + n / 13) % 40 < 39 THEN 'RULE-010'
                   ELSE 'RULE-008'
               END AS rule_id,
               CASE (n * 5 + n / 7) % 6
                   WHEN 0 THEN 'CON.F.US.EP.Z26' WHEN 1 THEN 'CON.F.US.ENQ.Z26'
                   WHEN 2 THEN 'CON.F.US.MES.Z26' WHEN 3 THEN 'CON.F.US.MNQ.Z26'
                   WHEN 4 THEN 'CON.F.US.CLE.F27' ELSE 'CON.F.US.GCE.Z26'
               END AS contract_id,
               CASE WHEN n % 47 = 0 OR n % 53 = 0 OR n % 89 = 0 THEN 0 ELSE 1 END AS success,
               2 + (n * 7) % 15 AS qty
        FROM seq)
SELECT
    n,
    account_id,
    rule_id,
    CASE rule_id
        WHEN 'RULE-001' THEN 'CLOSE_EXCESS_CONTRACTS'
        WHEN 'RULE-002' THEN 'CLOSE_EXCESS_CONTRACTS'
        WHEN 'RULE-003' THEN 'CLOSE_ALL_AND_LOCKOUT'
        WHEN 'RULE-004' THEN 'CLOSE_ALL_POSITIONS'
        WHEN 'RULE-005' THEN 'CLOSE_ALL_POSITIONS'
        WHEN 'RULE-006' THEN 'COOLDOWN'
        WHEN 'RULE-007' THEN 'COOLDOWN'
        WHEN 'RULE-008' THEN 'CLOSE_POSITION'
        WHEN 'RULE-009' THEN 'CLOSE_ALL_POSITIONS'
        WHEN 'RULE-010' THEN 'ALERT'
        WHEN 'RULE-011' THEN 'CANCEL_ORDER'
        ELSE 'MODIFY_STOP'
    END,
    CASE rule_id
        WHEN 'RULE-001' THEN printf('Account holds %d contracts, limit is %d', qty + 1, qty)
        WHEN 'RULE-002' THEN printf('%d contracts of %s, per-instrument limit is %d', qty, contract_id, qty - 1)
        WHEN 'RULE-003' THEN printf('Daily realized loss %.2f reached the limit of -1000.00', -1000.0 - (n % 23) * 12.5)
        WHEN 'RULE-004' THEN printf('Unrealized loss %.2f breached the limit of -750.00', -750.0 - (n % 17) * 25.0)
        WHEN 'RULE-005' THEN printf('Unrealized profit %.2f reached the target of 1500.00', 1500.0 + (n % 19) * 25.0)
        WHEN 'RULE-006' THEN printf('%d trades in the last 60 minutes, limit is 8', 9 + n % 3)
        WHEN 'RULE-007' THEN printf('Loss of %.2f on one trade, cooling down for 15 minutes', 200.0 + (n % 29) * 10.0)
        WHEN 'RULE-008' THEN printf('Position open %d seconds without a stop-loss, grace period is 15 seconds', 16 + n % 20)
        WHEN 'RULE-009' THEN 'Positions open at the end of the allowed session window'
        WHEN 'RULE-010' THEN 'Broker authorization lost, trading paused until reconnect'
        WHEN 'RULE-011' THEN printf('Order on blocked symbol %s', contract_id)
        ELSE printf('Stop moved to break-even after %d ticks in profit', 8 + n % 9)
    END,
    CASE WHEN rule_id IN ('RULE-006', 'RULE-007', 'RULE-010') THEN NULL ELSE contract_id END,
    printf('{"rule":"%s","contracts":%d,"positions_closed":%d,"orders_cancelled":%d}',
           rule_id, qty, CASE WHEN rule_id IN ('RULE-006', 'RULE-007', 'RULE-010', 'RULE-011', 'RULE-012')
                              THEN 0 ELSE 1 + n % 3 END,
           CASE WHEN rule_id IN ('RULE-011', 'RULE-003', 'RULE-009') THEN 1 + n % 2 ELSE 0 END),
    success,
    CASE
        WHEN success = 1 THEN NULL
        WHEN n % 3 = 0 THEN 'Gateway timeout after 5000 ms'
        WHEN n % 3 = 1 THEN 'Order rejected by the broker: market closed'
        ELSE 'Position already flat'
    END,
    datetime('2026-08-31 13:30:00',
             printf('+%d days', (k / 5) * 7 + k % 5),
             printf('+%d seconds', ((n - 1) % 50) * 480 + (n * 17) % 400))
FROM ev;

-- One more enforcement action after the generated ones: account 10002 hit its daily loss limit this
-- afternoon (it gets the active lockout below).
INSERT INTO enforcement_log (id, account_id, rule_id, action, reason, contract_id, details, success,
                             error_message, timestamp)
VALUES (3001, 10002, 'RULE-003', 'CLOSE_ALL_AND_LOCKOUT',
        'Daily realized loss -1062.50 reached the limit of -1000.00', 'CON.F.US.MES.Z26',
        '{"rule":"RULE-003","contracts":3,"positions_closed":1,"orders_cancelled":2}', 1, NULL,
        '2026-11-20 20:41:07');

-- Lockouts, one per successful lockout action: a daily-loss lockout (RULE-003) lasts until the 17:00
-- Chicago reset (22:00 UTC until 2026-11-01, 23:00 UTC after), and every fourth cooldown action
-- (RULE-006, RULE-007) locks the account for 15 minutes. Lockouts still running at the demo's "now"
-- are active.
INSERT INTO lockouts (id, account_id, rule_id, reason, lockout_type, locked_at, locked_until, is_active,
                      cleared_at, cleared_by, created_at)
SELECT
    row_id,
    account_id,
    rule_id,
    reason,
    lockout_type,
    timestamp,
    locked_until,
    CASE WHEN locked_until > '2026-11-20 21:00:00' THEN 1 ELSE 0 END,
    CASE WHEN locked_until > '2026-11-20 21:00:00' THEN NULL ELSE locked_until END,
    CASE
        WHEN locked_until > '2026-11-20 21:00:00' THEN NULL
        WHEN lockout_type = 'HARD' THEN 'DAILY_RESET'
        ELSE 'AUTO_EXPIRY'
    END,
    timestamp
FROM (
    SELECT
        id AS row_id,
        account_id,
        rule_id,
        reason,
        CASE WHEN action = 'COOLDOWN' THEN 'COOLDOWN' ELSE 'HARD' END AS lockout_type,
        timestamp,
        CASE
            WHEN action = 'COOLDOWN' THEN datetime(timestamp, '+15 minutes')
            WHEN date(timestamp) < '2026-11-01' THEN date(timestamp) || ' 22:00:00'
            ELSE date(timestamp) || ' 23:00:00'
        END AS locked_until
    FROM enforcement_log
    WHERE success = 1
      AND (action = 'CLOSE_ALL_AND_LOCKOUT' OR (action = 'COOLDOWN' AND id % 4 = 0))
)
ORDER BY row_id;

-- Daily reset at 17:00 Chicago time (23:00 UTC since 2026-11-01). The practice account has had its
-- resets disabled since 2026-10-30.
INSERT INTO reset_schedule (account_id, reset_time, timezone, enabled, last_reset_at, next_reset_at, updated_at)
VALUES
    (10001, '17:00', 'America/Chicago', 1, '2026-11-19 23:00:00', '2026-11-20 23:00:00', '2026-11-19 23:00:01'),
    (10002, '17:00', 'America/Chicago', 1, '2026-11-19 23:00:00', '2026-11-20 23:00:00', '2026-11-19 23:00:01'),
    (10003, '17:00', 'America/Chicago', 1, '2026-11-19 23:00:00', '2026-11-20 23:00:00', '2026-11-19 23:00:01'),
    (10004, '17:00', 'America/Chicago', 0, '2026-10-30 22:00:00', '2026-11-20 23:00:00', '2026-10-30 22:00:02');

-- Session of the current trading date, one row per account. Balances start from the account size and
-- add the realized P&L of the fills.
INSERT INTO session_state (account_id, account_name, trading_date, session_started_at, last_event_at,
                           connection_status, starting_balance, current_balance, high_water_balance,
                           trade_count, can_trade, updated_at)
SELECT
    a.account_id,
    a.account_name,
    '2026-11-20',
    '2026-11-19 23:00:00',
    max((SELECT max(timestamp) FROM enforcement_log WHERE account_id = a.account_id),
        (SELECT max(timestamp) FROM trade_history WHERE account_id = a.account_id)),
    a.connection_status,
    round(a.size + coalesce((SELECT sum(coalesce(profit_and_loss, 0) - fees) FROM trade_history
                             WHERE account_id = a.account_id AND timestamp < '2026-11-19 23:00:00'), 0), 2),
    round(a.size + coalesce((SELECT sum(coalesce(profit_and_loss, 0) - fees) FROM trade_history
                             WHERE account_id = a.account_id), 0), 2),
    round(a.size + max(0, coalesce((SELECT max(running) FROM (
              SELECT sum(coalesce(profit_and_loss, 0) - fees) OVER (ORDER BY timestamp, id) AS running
              FROM trade_history WHERE account_id = a.account_id)), 0)), 2),
    (SELECT count(*) FROM trade_history WHERE account_id = a.account_id AND timestamp >= '2026-11-19 23:00:00'),
    CASE WHEN EXISTS (SELECT 1 FROM lockouts WHERE account_id = a.account_id AND is_active = 1) THEN 0 ELSE 1 END,
    '2026-11-20 21:00:00'
FROM (
    SELECT 10001 AS account_id, 'EVAL-50K-01' AS account_name, 50000.0 AS size, 'CONNECTED' AS connection_status
    UNION ALL SELECT 10002, 'EVAL-100K-02', 100000.0, 'CONNECTED'
    UNION ALL SELECT 10003, 'FUNDED-150K-03', 150000.0, 'CONNECTED'
    UNION ALL SELECT 10004, 'PRACTICE-50K-04', 50000.0, 'DISCONNECTED'
) a
ORDER BY a.account_id;
