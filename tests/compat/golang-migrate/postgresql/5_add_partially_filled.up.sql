ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'partially_filled' AFTER 'working';
