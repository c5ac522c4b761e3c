-- Readers and newsroom: users, sessions, password resets, reactions,
-- comments, the audit log, article revisions and daily views. Tokens are
-- stored only as hex SHA-256, never as issued.

-- +goose Up
-- AUTOINCREMENT: user ids end up in reader keys ("u:12"), audit entries and
-- revisions; a deleted user's id must never come back as someone else.
CREATE TABLE users (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    email         TEXT NOT NULL COLLATE NOCASE UNIQUE,
    name          TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('reader', 'editor', 'admin')),
    password_hash TEXT NOT NULL DEFAULT '',
    disabled      INTEGER NOT NULL DEFAULT 0,
    created_at    INTEGER NOT NULL
) STRICT;

CREATE TABLE sessions (
    token_hash   TEXT PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at   INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    remember     INTEGER NOT NULL DEFAULT 0,
    data         TEXT NOT NULL DEFAULT ''
) STRICT, WITHOUT ROWID;

CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

CREATE TABLE password_resets (
    token_hash TEXT PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

CREATE INDEX password_resets_user ON password_resets (user_id);

-- One row per reader and article: the primary key is what makes "one
-- reaction per reader" hold under concurrent votes.
CREATE TABLE reactions (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    reader     TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('begendim', 'dikkatimi-cekti', 'dogru-bilgi',
                                             'essiz-bilgi', 'alkisliyorum', 'sevdim')),
    created_at INTEGER NOT NULL,
    PRIMARY KEY (article_id, reader)
) STRICT, WITHOUT ROWID;

-- Counts per article are answered from this index alone.
CREATE INDEX reactions_kind ON reactions (article_id, kind);
CREATE INDEX reactions_reader ON reactions (reader);
CREATE INDEX reactions_created ON reactions (created_at);

CREATE TABLE comments (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    parent_id  INTEGER REFERENCES comments (id) ON DELETE CASCADE,
    user_id    INTEGER REFERENCES users (id) ON DELETE SET NULL,
    status     TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'spam', 'deleted')),
    created_at INTEGER NOT NULL,
    name       TEXT NOT NULL,
    email      TEXT NOT NULL DEFAULT '' COLLATE NOCASE,
    ip         TEXT NOT NULL DEFAULT '',
    body       TEXT NOT NULL
) STRICT;

CREATE INDEX comments_article ON comments (article_id, status, created_at);
CREATE INDEX comments_status ON comments (status, created_at DESC, id DESC);
CREATE INDEX comments_parent ON comments (parent_id);
CREATE INDEX comments_user ON comments (user_id, status);
CREATE INDEX comments_email ON comments (email, status);

CREATE TABLE audit_log (
    id       INTEGER PRIMARY KEY,
    at       INTEGER NOT NULL,
    actor_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    action   TEXT NOT NULL,
    target   TEXT NOT NULL DEFAULT '',
    detail   TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX audit_log_at ON audit_log (at DESC, id DESC);

CREATE TABLE article_revisions (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    editor_id  INTEGER REFERENCES users (id) ON DELETE SET NULL,
    at         INTEGER NOT NULL,
    status     TEXT NOT NULL,
    title      TEXT NOT NULL,
    summary    TEXT NOT NULL,
    body_text  TEXT NOT NULL,
    body_html  TEXT NOT NULL
) STRICT;

CREATE INDEX article_revisions_article ON article_revisions (article_id, at DESC, id DESC);

CREATE TABLE daily_views (
    day        TEXT NOT NULL, -- YYYY-MM-DD in the site's time zone
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    views      INTEGER NOT NULL,
    PRIMARY KEY (day, article_id)
) STRICT, WITHOUT ROWID;

-- +goose Down
DROP TABLE daily_views;
DROP TABLE article_revisions;
DROP TABLE audit_log;
DROP TABLE comments;
DROP TABLE reactions;
DROP TABLE password_resets;
DROP TABLE sessions;
DROP TABLE users;
