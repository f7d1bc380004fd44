-- migrate:up
CREATE TABLE desks (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
INSERT INTO desks (id, name) VALUES (1, 'rates'), (2, 'credit');

-- migrate:down
DROP TABLE desks;
