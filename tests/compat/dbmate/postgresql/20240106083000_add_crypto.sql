-- migrate:up
ALTER TYPE asset_class ADD VALUE 'crypto';

-- migrate:down
