-- Development fixtures, loaded by `make dev-db` with psql after `migrate up`. migrate itself skips this file:
-- its name has no .up/.down.
INSERT INTO accounts (code, base_ccy) VALUES ('DEV-SANDBOX', 'USD');
