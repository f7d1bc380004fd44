CREATE TABLE holidays (
    id        serial PRIMARY KEY,
    exchange  varchar(8) NOT NULL,
    day       date NOT NULL,
    name      text NOT NULL
);
INSERT INTO holidays (exchange, day, name) VALUES
    ('XNYS', DATE '2024-12-25', 'Christmas Day'),
    ('XNYS', DATE '2024-07-04', 'Independence Day');
