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

-- Small columns that lists filter and sort on come first, the bodies last:
-- SQLite reads a row's columns in order, and a column stored after a long
-- body can only be reached through the body's overflow pages.
-- AUTOINCREMENT: article ids appear in public URLs, so a deleted article's
-- id must never come back as a different article.
CREATE TABLE articles (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    status          TEXT NOT NULL CHECK (status IN ('draft', 'scheduled', 'published', 'review')),
    published_at    INTEGER,
    modified_at     INTEGER,
    imported_at     INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    -- The time lists sort by: the publish time when known, else the import
    -- time. A plain column (the CHECK keeps it right) rather than a generated
    -- one, because SQLite reads generated columns from the table even when
    -- an index holds them, and listings must run from the index alone.
    display_at      INTEGER NOT NULL CHECK (display_at = COALESCE(published_at, imported_at)),
    category_id     INTEGER REFERENCES categories (id) ON DELETE SET NULL,
    source_id       INTEGER REFERENCES sources (id) ON DELETE SET NULL,
    story_id        INTEGER REFERENCES stories (id) ON DELETE SET NULL,
    featured        INTEGER NOT NULL DEFAULT 0,
    simhash         INTEGER NOT NULL DEFAULT 0, -- uint64 bits stored as int64
    slug            TEXT NOT NULL UNIQUE,
    lang            TEXT NOT NULL DEFAULT '',
    category_method TEXT NOT NULL DEFAULT '',
    content_hash    TEXT NOT NULL DEFAULT '',
    canonical_url   TEXT NOT NULL DEFAULT '',
    source_url      TEXT NOT NULL DEFAULT '',
    title           TEXT NOT NULL,
    author          TEXT NOT NULL DEFAULT '',
    image           TEXT NOT NULL DEFAULT '',
    summary         TEXT NOT NULL DEFAULT '',
    body_text       TEXT NOT NULL DEFAULT '',
    body_html       TEXT NOT NULL DEFAULT ''
) STRICT;

-- The listing indexes carry status and published_at so that the reader
-- visibility test and COUNT(*) are answered from the index alone.
CREATE INDEX articles_display ON articles (display_at DESC, id DESC, status, published_at);
CREATE INDEX articles_category_display ON articles (category_id, display_at DESC, id DESC, status, published_at);
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
