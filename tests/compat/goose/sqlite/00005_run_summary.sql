-- +goose Up
CREATE VIEW run_summary AS
    SELECT r.id, r.strategy, count(x.day) AS days, sum(x.ret) AS total_ret
    FROM runs r LEFT JOIN run_returns x ON x.run_id = r.id
    GROUP BY r.id, r.strategy;
INSERT INTO runs (id, strategy) VALUES (1, 'mean-reversion');

-- +goose Down
DELETE FROM runs WHERE id = 1;
DROP VIEW run_summary;
