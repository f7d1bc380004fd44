CREATE INDEX limit_breaches_desk ON limit_breaches (desk, at);
