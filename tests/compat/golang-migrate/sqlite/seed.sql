-- Local development data: `sqlite3 state.db < migrations/seed.sql` after `migrate up`.
-- migrate itself skips this file: its name has no version.
INSERT INTO lockouts (account, reason) VALUES ('DEV-001', 'demo lockout');
