-- Full-text search index. The columns hold turkish.NormalizeText of each
-- field (lowercased, apostrophe suffix dropped, stemmed, folded to ASCII),
-- written by the store in the same transaction as the article; the
-- tokenizer only splits that text on spaces and must apply no language
-- rules of its own. Contentless: the original text lives in articles, and
-- snippets are cut from it, so the index keeps no copy.
-- The rowid is the article id.

-- +goose Up
CREATE VIRTUAL TABLE article_search USING fts5 (
    title, summary, body,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0'
);

-- Existing articles are indexed by the store at Open (normalising needs Go),
-- which clears this flag when done.
INSERT INTO meta (key, value) VALUES ('search_backfill', 1);

-- +goose Down
DELETE FROM meta WHERE key = 'search_backfill';
DROP TABLE article_search;
