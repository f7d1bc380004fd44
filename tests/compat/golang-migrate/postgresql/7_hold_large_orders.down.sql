-- The enum value stays (PostgreSQL cannot drop one); held orders go back to new.
UPDATE orders SET status = 'new' WHERE status = 'held';
