INSERT INTO accounts (code, base_ccy) VALUES ('DESK-RATES', 'USD'), ('DESK-FX', 'EUR');
