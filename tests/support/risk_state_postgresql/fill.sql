-- Fills a v1 risk_state database (PostgreSQL) the way the demo's daemon would after a long while: :rows
-- enforcement_log rows, one order per 4 of them and one position per 40, every value computed from its row
-- number. Not a migration step: run with psql -v rows=N -f fill.sql.
INSERT INTO enforcement_log (id, account_id, rule_id, action, reason, contract_id, details, success,
                             error_message, timestamp)
SELECT i, 10001 + i % 4, 'RULE-00' || (1 + i % 9), CASE WHEN i % 3 = 0 THEN 'CLOSE_POSITION' ELSE 'ALERT' END,
       'limit reached', 'CON.F.US.EP.Z26', '{"n":' || i || '}', i % 17 <> 0,
       CASE WHEN i % 17 = 0 THEN 'broker timeout' END,
       to_char(timestamp '2026-08-31' + i * interval '7 seconds', 'YYYY-MM-DD HH24:MI:SS')
FROM generate_series(1, :rows) AS i;
INSERT INTO orders (id, account_id, contract_id, type, side, size, limit_price, stop_price, state, filled_size,
                    filled_price, custom_tag, created_at, updated_at)
SELECT i, 10001 + i % 4, 'CON.F.US.EP.Z26', 1 + i % 4, i % 2, 1 + i % 5, 5900 + i % 100, NULL, 1 + i % 6, 0, NULL,
       NULL, to_char(timestamp '2026-08-31' + i * interval '28 seconds', 'YYYY-MM-DD HH24:MI:SS'),
       to_char(timestamp '2026-08-31' + i * interval '28 seconds', 'YYYY-MM-DD HH24:MI:SS')
FROM generate_series(1, :rows / 4) AS i;
INSERT INTO positions (id, account_id, contract_id, type, size, average_price, created_at, updated_at)
SELECT i, 10001 + i % 4, 'CON.F.US.EP.Z26', 1 + i % 2, 1 + i % 5, 5900 + i % 100,
       to_char(timestamp '2026-08-31' + i * interval '5 minutes', 'YYYY-MM-DD HH24:MI:SS'),
       to_char(timestamp '2026-08-31' + i * interval '5 minutes', 'YYYY-MM-DD HH24:MI:SS')
FROM generate_series(1, :rows / 40) AS i;
ANALYZE;
