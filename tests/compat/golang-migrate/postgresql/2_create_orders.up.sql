BEGIN;

CREATE TYPE order_side AS ENUM ('buy', 'sell');
CREATE TYPE order_status AS ENUM ('new', 'working', 'filled', 'cancelled');

CREATE TABLE orders (
    id          bigserial PRIMARY KEY,
    account_id  bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    symbol      text NOT NULL,
    side        order_side NOT NULL,
    qty         numeric(18, 4) NOT NULL CHECK (qty > 0),
    limit_px    numeric(18, 6),
    status      order_status NOT NULL DEFAULT 'new',
    placed_at   timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX orders_account_idx ON orders (account_id, placed_at DESC);

COMMIT;
