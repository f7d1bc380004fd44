-- Orders above the desk limit wait for the risk check. PostgreSQL lets a new enum value be used only once
-- the transaction that added it has committed, hence the COMMIT in the middle.
ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'held' AFTER 'new';
COMMIT;

BEGIN;
UPDATE orders SET status = 'held' WHERE status = 'new' AND qty > 1000000;
COMMIT;
