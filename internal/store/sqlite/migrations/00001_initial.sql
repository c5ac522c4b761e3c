-- Initial schema: categories, sources, stories, articles, settings and the
-- content version that page caches poll. Times are unix milliseconds (UTC);
-- NULL means unknown. IDs of 0 in Go are NULL here.

-- +goose Up
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value INTEGER NOT NULL
) STRICT;

INSERT INTO meta (key, value) VALUES ('content_version', 1);

CREATE TABLE categories (
    id        INTEGER PRIMARY KEY,
    slug      TEXT NOT NULL UNIQUE,
    name      TEXT NOT NULL,
    name_key  TEXT NOT NULL, -- turkish.Lower(name): siblings match on it
    parent_id INTEGER REFERENCES categories (id) ON DELETE RESTRICT,
    position  INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE UNIQUE INDEX categories_sibling_name ON categories (COALESCE(parent_id, 0), name_key);
CREATE INDEX categories_parent ON categories (parent_id);

CREATE TABLE sources (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE,
    kind          TEXT NOT NULL,
    url           TEXT NOT NULL,
    home_url      TEXT NOT NULL DEFAULT '',
    category_slug TEXT NOT NULL DEFAULT '',
    interval_s    INTEGER NOT NULL,
    review        INTEGER NOT NULL DEFAULT 0,
    full_text     TEXT NOT NULL DEFAULT 'full',
    selector      TEXT NOT NULL DEFAULT '',
    etag          TEXT NOT NULL DEFAULT '',
    last_modified TEXT NOT NULL DEFAULT '',
    last_fetch_at INTEGER,
    next_fetch_at INTEGER,
    items_found   INTEGER NOT NULL DEFAULT 0,
    last_error    TEXT NOT NULL DEFAULT '',
    created_at    INTEGER NOT NULL
) STRICT;

CREATE INDEX sources_next_fetch ON sources (next_fetch_at);

CREATE TABLE stories (
    id         INTEGER PRIMARY KEY,
    title      TEXT NOT NULL,
    first_seen INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE articles (
    id              INTEGER PRIMARY KEY,
    slug            TEXT NOT NULL UNIQUE,
    title           TEXT NOT NULL,
    summary         TEXT NOT NULL DEFAULT '',
    body_html       TEXT NOT NULL DEFAULT '',
    body_text       TEXT NOT NULL DEFAULT '',
    category_id     INTEGER REFERENCES categories (id) ON DELETE SET NULL,
    author          TEXT NOT NULL DEFAULT '',
    image           TEXT NOT NULL DEFAULT '',
    source_id       INTEGER REFERENCES sources (id) ON DELETE SET NULL,
    source_url      TEXT NOT NULL DEFAULT '',
    canonical_url   TEXT NOT NULL DEFAULT '',
    content_hash    TEXT NOT NULL DEFAULT '',
    simhash         INTEGER NOT NULL DEFAULT 0, -- uint64 bits stored as int64
    lang            TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL CHECK (status IN ('draft', 'scheduled', 'published', 'review')),
    published_at    INTEGER,
    modified_at     INTEGER,
    imported_at     INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    category_method TEXT NOT NULL DEFAULT '',
    story_id        INTEGER REFERENCES stories (id) ON DELETE SET NULL,
    featured        INTEGER NOT NULL DEFAULT 0,
    -- The time lists sort by: the publish time when known, else the import time.
    display_at      INTEGER NOT NULL GENERATED ALWAYS AS (COALESCE(published_at, imported_at)) STORED
) STRICT;

CREATE INDEX articles_display ON articles (display_at DESC, id DESC);
CREATE INDEX articles_category_display ON articles (category_id, display_at DESC, id DESC);
CREATE INDEX articles_source_display ON articles (source_id, display_at DESC, id DESC);
CREATE INDEX articles_story ON articles (story_id);
CREATE INDEX articles_canonical_url ON articles (canonical_url);
CREATE INDEX articles_content_hash ON articles (content_hash);
CREATE INDEX articles_featured ON articles (featured) WHERE featured > 0;

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

-- +goose Down
DROP TABLE settings;
DROP TABLE articles;
DROP TABLE stories;
DROP TABLE sources;
DROP TABLE categories;
DROP TABLE meta;
