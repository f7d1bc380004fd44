-- Migration: 002_add_sample_data
-- Description: Sample recommendations for the demo dashboard
-- Created: 2026-01-12

INSERT INTO recommendations (reco_id, symbol, horizon, side, entry_price, confidence_overall, expected_move_pct)
VALUES ('0b6f3c1e-6d1e-4f7a-9a52-2f1d3c4b5a60', 'AAPL', 'swing', 'BUY', 187.25, 0.72, 4.50),
       ('4c2a9e7d-1b3f-4e6a-8d5c-7f9e0a1b2c3d', 'TSLA', 'day', 'SELL', 242.10, 0.61, -2.10);

INSERT INTO reco_targets (reco_id, ordinal, name, target_type, value, confidence)
VALUES ('0b6f3c1e-6d1e-4f7a-9a52-2f1d3c4b5a60', 1, 'Target 1', 'price', 192.00, 0.65),
       ('0b6f3c1e-6d1e-4f7a-9a52-2f1d3c4b5a60', 2, 'First Resistance', 'technical', 196.50, 0.40);
