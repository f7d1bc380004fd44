-- migrate:up
CREATE INDEX orders_status ON orders (status) WHERE status <> 'filled';
CREATE VIEW desk_exposure AS
    SELECT d.name, p.symbol, p.qty FROM desks d JOIN positions p ON p.desk_id = d.id;

-- migrate:down
DROP VIEW desk_exposure;
DROP INDEX orders_status;
