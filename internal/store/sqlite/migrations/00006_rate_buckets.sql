-- Token buckets of the rate limits (login, signup, reset, comments,
-- reactions, KAI, search) when several processes must share them. tokens
-- is fractional: a bucket refills continuously. allowed records whether the
-- last take found a token, so one upsert both updates and answers.

-- +goose Up
CREATE TABLE rate_buckets (
    key        TEXT PRIMARY KEY,
    tokens     REAL NOT NULL,
    updated_at INTEGER NOT NULL,
    allowed    INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

-- +goose Down
DROP TABLE rate_buckets;
