DROP VIEW IF EXISTS breach_summary;
CREATE VIEW breach_summary AS
    SELECT l.desk, l.metric, l.max_value, count(b.id) AS breaches
    FROM limits l LEFT JOIN limit_breaches b ON b.desk = l.desk AND b.metric = l.metric
    GROUP BY l.desk, l.metric, l.max_value;
