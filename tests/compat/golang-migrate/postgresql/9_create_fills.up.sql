CREATE TABLE fills (
    id        bigserial PRIMARY KEY,
    order_id  bigint NOT NULL REFERENCES orders (id),
    qty       numeric(18, 4) NOT NULL,
    px        numeric(18, 6) NOT NULL,
    filled_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX fills_order_idx ON fills (order_id);
