DROP VIEW open_lockouts;
