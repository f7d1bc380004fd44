-- migrate:up

-- migrate:down

