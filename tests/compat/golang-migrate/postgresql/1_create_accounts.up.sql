CREATE TABLE accounts (
    id          bigserial PRIMARY KEY,
    code        text NOT NULL UNIQUE,
    base_ccy    char(3) NOT NULL DEFAULT 'USD',
    created_at  timestamptz NOT NULL DEFAULT now()
);
