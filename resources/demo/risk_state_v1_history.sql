-- A long history for the demo risk-state database (schema v1, SQLite), for rehearsals and benchmarks on a
-- database of a real size: :rows more enforcement_log rows, one order for every 4 of them and one closed
-- position for every 40, after the demo's own rows (ids above theirs), every value computed from its row
-- number. Run after risk_state_v1_demo.sql; Strata puts the number in place of :rows
-- (strata-cli demo risk-state --out FILE --count N).
INSERT INTO enforcement_log (id, account_id, rule_id, action, reason, contract_id, details, success,
                             error_message, timestamp)
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < :rows)
SELECT 10000000 + i, 10001 + i % 4, 'RULE-00' || (1 + i % 9),
       CASE WHEN i % 3 = 0 THEN 'CLOSE_POSITION' ELSE 'ALERT' END, 'limit reached', 'CON.F.US.EP.Z26',
       '{"n":' || i || '}', i % 17 <> 0, CASE WHEN i % 17 = 0 THEN 'broker timeout' END,
       datetime('2026-08-31', '-' || (i * 7) || ' seconds')
FROM n;

INSERT INTO orders (id, account_id, contract_id, type, side, size, limit_price, stop_price, state, filled_size,
                    filled_price, custom_tag, created_at, updated_at)
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < :rows / 4)
SELECT 9000000 + i, 10001 + i % 4, 'CON.F.US.EP.Z26', 1 + i % 4, i % 2, 1 + i % 5, 5900 + i % 100, NULL,
       2 + i % 5, 0, NULL, NULL, datetime('2026-08-31', '-' || (i * 28) || ' seconds'),
       datetime('2026-08-31', '-' || (i * 28) || ' seconds')
FROM n;

INSERT INTO positions (id, account_id, contract_id, type, size, average_price, created_at, updated_at)
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < :rows / 40)
SELECT 9000000 + i, 10001 + i % 4, 'CON.F.US.EP.Z26', 1 + i % 2, 1 + i % 5, 5900 + i % 100,
       datetime('2026-08-31', '-' || (i * 300) || ' seconds'), datetime('2026-08-31', '-' || (i * 300) || ' seconds')
FROM n;
