-- +goose Up
-- intentionally empty: the partitioning planned here moved to 00007

-- +goose Down
