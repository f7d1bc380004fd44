ALTER TYPE settlement_cycle ADD VALUE 'T+3';
