-- Add migration script here
CREATE TABLE curves (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name        text NOT NULL,
    currency    char(3) NOT NULL,
    as_of       date NOT NULL,
    UNIQUE (name, currency, as_of)
);

CREATE TABLE curve_points (
    curve_id    uuid NOT NULL REFERENCES curves (id) ON DELETE CASCADE,
    tenor_days  integer NOT NULL CHECK (tenor_days > 0),
    rate        double precision NOT NULL,
    PRIMARY KEY (curve_id, tenor_days)
);
