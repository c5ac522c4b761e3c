-- The log of content writes, so that every process's page cache drops only
-- the pages a write touched. Each row names one article (0: something
-- site-wide, such as a category or a setting). The writer is single, so
-- seq grows without holes except where old rows were pruned; a reader that
-- finds a hole drops everything.

-- +goose Up
CREATE TABLE content_changes (
    seq        INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL
) STRICT;
INSERT INTO content_changes (article_id) VALUES (0);

-- +goose Down
DROP TABLE content_changes;
