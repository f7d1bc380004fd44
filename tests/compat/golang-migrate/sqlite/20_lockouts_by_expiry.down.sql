DROP INDEX lockouts_expiry;
