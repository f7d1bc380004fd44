-- Migration: 002_orders_note
-- strata:lock-timeout 5s
-- strata:statement_timeout 10min
ALTER TABLE orders ADD COLUMN note TEXT;
