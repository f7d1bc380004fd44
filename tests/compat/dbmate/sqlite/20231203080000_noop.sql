-- migrate:up
-- nothing: the audit table this reserved was never built

-- migrate:down
