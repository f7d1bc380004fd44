-- +goose Up
CREATE TABLE strategies (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text NOT NULL UNIQUE,
    owner       text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE strategy_versions (
    strategy_id bigint NOT NULL REFERENCES strategies (id) ON DELETE CASCADE,
    version     integer NOT NULL,
    params      jsonb NOT NULL DEFAULT '{}'::jsonb,
    PRIMARY KEY (strategy_id, version)
);

-- +goose Down
DROP TABLE strategy_versions;
DROP TABLE strategies;
