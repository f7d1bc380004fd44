-- strata:lock-timeout 5000
-- strata:statement-timeout 99999999h
SELECT 1;
