-- Leases: a named duty (the fetch scheduler) held by one process at a time
-- until expires_at; the holder renews it, and when it dies another process
-- takes over once the lease runs out.

-- +goose Up
CREATE TABLE leases (
    name       TEXT PRIMARY KEY,
    holder     TEXT NOT NULL,
    expires_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

-- +goose Down
DROP TABLE leases;
