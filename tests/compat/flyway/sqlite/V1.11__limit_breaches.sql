CREATE TABLE limit_breaches (
    id        INTEGER PRIMARY KEY,
    desk      TEXT NOT NULL,
    metric    TEXT NOT NULL,
    value     REAL NOT NULL,
    at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    FOREIGN KEY (desk, metric) REFERENCES limits (desk, metric)
);
