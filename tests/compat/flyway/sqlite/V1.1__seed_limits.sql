INSERT INTO limits (desk, metric, max_value) VALUES ('rates', 'dv01', 250000), ('fx', 'delta', 5e7);
