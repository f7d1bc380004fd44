CREATE TABLE limits (
    desk      TEXT NOT NULL,
    metric    TEXT NOT NULL,
    max_value REAL NOT NULL,
    PRIMARY KEY (desk, metric)
);
