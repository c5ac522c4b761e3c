-- Every outlet that carried an article: the first copy and each near copy
-- dedup folded into it, with the outlet's own headline and time, so the
-- article page can say who published first.

-- +goose Up
CREATE TABLE article_sources (
    id           INTEGER PRIMARY KEY,
    article_id   INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    source_id    INTEGER REFERENCES sources (id) ON DELETE SET NULL,
    url          TEXT NOT NULL,
    title        TEXT NOT NULL DEFAULT '',
    published_at INTEGER,
    seen_at      INTEGER NOT NULL,
    UNIQUE (article_id, url)
) STRICT;

-- Near-copy lookups load the SimHashes of recent articles at start.
CREATE INDEX articles_imported ON articles (imported_at);

-- +goose Down
DROP INDEX articles_imported;
DROP TABLE article_sources;
