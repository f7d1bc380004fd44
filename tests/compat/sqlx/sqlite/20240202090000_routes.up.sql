CREATE TABLE routes (
    rule     TEXT NOT NULL,
    channel  TEXT NOT NULL,
    PRIMARY KEY (rule, channel)
);
INSERT INTO routes (rule, channel) VALUES ('max_loss', 'pager'), ('max_loss', 'email');
