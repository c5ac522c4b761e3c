package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"manset/internal/news"
	"manset/internal/turkish"
)

// defaultSearchLimit caps the hits of a query that sets no Limit.
const defaultSearchLimit = 1000

// indexArticle writes a's normalised fields to the search index, replacing
// what was there; it runs in the transaction that writes a.
func indexArticle(ctx context.Context, tx *sql.Tx, a *news.Article) error {
	_, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO article_search (rowid, title, summary, body)
		VALUES (?, ?, ?, ?)`, a.ID, turkish.NormalizeText(a.Title), turkish.NormalizeText(a.Summary),
		turkish.NormalizeText(a.BodyText))
	if err != nil {
		return fmt.Errorf("sqlite: index article %d: %w", a.ID, err)
	}
	return nil
}

// unindexArticle removes article id from the search index.
func unindexArticle(ctx context.Context, tx *sql.Tx, id int64) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM article_search WHERE rowid = ?`, id); err != nil {
		return fmt.Errorf("sqlite: unindex article %d: %w", id, err)
	}
	return nil
}

// backfillSearch indexes the articles that existed before the search
// migration, and indexes every article again when the stemmer changed
// (turkish.StemVersion differs from the one the index was built with). It
// runs at Open and does nothing once the flag is cleared.
func (db *DB) backfillSearch(ctx context.Context) error {
	var pending, version int64
	err := db.write.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'search_backfill'`).Scan(&pending)
	if err != nil {
		return err
	}
	err = db.write.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'search_stem_version'`).Scan(&version)
	if err != nil && err != sql.ErrNoRows {
		return err
	}
	if pending == 0 && version == turkish.StemVersion {
		return nil
	}
	err = db.inTx(ctx, func(tx *sql.Tx) error {
		for after := int64(0); ; {
			batch, err := articleTexts(ctx, tx, after)
			if err != nil || len(batch) == 0 {
				return err
			}
			for i := range batch {
				if err := indexArticle(ctx, tx, &batch[i]); err != nil {
					return err
				}
			}
			after = batch[len(batch)-1].ID
		}
	})
	if err == nil {
		_, err = db.write.ExecContext(ctx, `UPDATE meta SET value = 0 WHERE key = 'search_backfill'`)
	}
	if err == nil {
		_, err = db.write.ExecContext(ctx, `INSERT OR REPLACE INTO meta (key, value) VALUES ('search_stem_version', ?)`,
			turkish.StemVersion)
	}
	if err != nil {
		return fmt.Errorf("sqlite: search backfill: %w", err)
	}
	return nil
}

// articleTexts reads the indexed fields of up to 500 articles after id.
func articleTexts(ctx context.Context, tx *sql.Tx, after int64) ([]news.Article, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, title, summary, body_text FROM articles
		WHERE id > ? ORDER BY id LIMIT 500`, after)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []news.Article
	for rows.Next() {
		var a news.Article
		if err := rows.Scan(&a.ID, &a.Title, &a.Summary, &a.BodyText); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// SearchArticles returns the visible articles matching q, best BM25 score
// first. FTS5 walks the matches newest id first and stops at q.Limit, so a
// query matching half the corpus costs no more than a rare one; beyond the
// cap the total is extrapolated from how much of the id range was covered.
func (db *DB) SearchArticles(ctx context.Context, q news.SearchQuery) ([]news.SearchHit, int, error) {
	match := matchExpr(q)
	if match == "" {
		return nil, 0, news.E(news.EINVALID, "search.empty_query")
	}
	limit := q.Limit
	if limit <= 0 {
		limit = defaultSearchLimit
	}
	var hits []news.SearchHit
	var total int
	err := db.inRead(ctx, func(tx *sql.Tx) (err error) {
		if hits, err = searchHits(ctx, tx, q, match, limit); err != nil {
			return err
		}
		total, err = searchTotal(ctx, tx, hits, limit)
		return err
	})
	if err != nil {
		return nil, 0, mapErr(err, articleErrs)
	}
	slices.SortStableFunc(hits, func(a, b news.SearchHit) int {
		switch {
		case a.Score > b.Score:
			return -1
		case a.Score < b.Score:
			return 1
		}
		return 0
	})
	return hits, total, nil
}

// selectiveTerm is how many articles a term may be in for BM25 ranking.
// FTS5's bm25() first counts every article holding each query term (its
// IDF), which at a million articles costs tens of milliseconds for a common
// word; past this many, hits are scored by field instead (fieldHits).
var selectiveTerm = 5000

func searchHits(ctx context.Context, tx *sql.Tx, q news.SearchQuery, match string, limit int) ([]news.SearchHit, error) {
	wt := q.Weights
	if wt.Title <= 0 && wt.Summary <= 0 && wt.Body <= 0 {
		wt = news.SearchWeights{Title: 1, Summary: 1, Body: 1}
	}
	selective, err := allSelective(ctx, tx, append(slices.Clip(q.All), q.Any...))
	if err != nil || !selective {
		if err == nil {
			return fieldHits(ctx, tx, q, match, wt, limit)
		}
		return nil, err
	}
	return scanHits(ctx, tx, q, `-bm25(article_search, ?, ?, ?)`, []any{wt.Title, wt.Summary, wt.Body}, match, limit)
}

// scanHits runs the capped index query with score as the score column.
func scanHits(ctx context.Context, tx *sql.Tx, q news.SearchQuery, score string, scoreArgs []any, match string, limit int) ([]news.SearchHit, error) {
	w := filterWhere(news.ArticleFilter{CategoryID: q.CategoryID, VisibleAt: &q.VisibleAt})
	// CROSS JOIN keeps the index as the outer loop, so that ORDER BY rowid
	// DESC LIMIT streams from it instead of sorting every match.
	args := append(append(scoreArgs, match), w.args...)
	rows, err := tx.QueryContext(ctx, `SELECT f.rowid, `+score+`, a.display_at
		FROM article_search f CROSS JOIN articles a ON a.id = f.rowid
		WHERE article_search MATCH ? AND `+strings.Join(w.conds, " AND ")+`
		ORDER BY f.rowid DESC LIMIT ?`, append(args, limit)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	hits := []news.SearchHit{}
	for rows.Next() {
		var h news.SearchHit
		var display int64
		if err := rows.Scan(&h.ID, &h.Score, &display); err != nil {
			return nil, err
		}
		h.DisplayAt = fromMs(display)
		hits = append(hits, h)
	}
	return hits, rows.Err()
}

// allSelective reports whether every term of phrases is in at most
// selectiveTerm articles; each count stops at that bound.
func allSelective(ctx context.Context, tx *sql.Tx, phrases [][]string) (bool, error) {
	for _, p := range phrases {
		for _, t := range p {
			var n int
			err := tx.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT rowid FROM article_search
				WHERE article_search MATCH ? LIMIT ?)`, quotePhrase([]string{t}), selectiveTerm+1).Scan(&n)
			if err != nil || n > selectiveTerm {
				return false, err
			}
		}
	}
	return true, nil
}

// fieldHits scores the newest matches by where all the query's phrases
// occur together: the body weight, plus the title's and the summary's.
func fieldHits(ctx context.Context, tx *sql.Tx, q news.SearchQuery, match string, wt news.SearchWeights, limit int) ([]news.SearchHit, error) {
	hits, err := scanHits(ctx, tx, q, `?`, []any{wt.Body}, match, limit)
	if err != nil || len(hits) == 0 {
		return hits, err
	}
	byID := make(map[int64]*news.SearchHit, len(hits))
	for i := range hits {
		byID[hits[i].ID] = &hits[i]
	}
	positive := matchExpr(news.SearchQuery{All: q.All, Any: q.Any})
	from := hits[len(hits)-1].ID
	for _, f := range []struct {
		col string
		w   float64
	}{{"title", wt.Title}, {"summary", wt.Summary}} {
		if err := addFieldScore(ctx, tx, byID, "{"+f.col+"} : "+positive, from, f.w); err != nil {
			return nil, err
		}
	}
	// With several Any phrases, each one an article holds adds to its
	// score, as BM25 would: related news shares more words, not just one.
	if len(q.Any) > 1 {
		for _, p := range q.Any {
			if err := addFieldScore(ctx, tx, byID, quotePhrase(p), from, wt.Body); err != nil {
				return nil, err
			}
		}
	}
	return hits, nil
}

// addFieldScore adds w to the score of every hit (id ≥ from) that match
// selects.
func addFieldScore(ctx context.Context, tx *sql.Tx, byID map[int64]*news.SearchHit, match string, from int64, w float64) error {
	if match == "" {
		return nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT rowid FROM article_search WHERE article_search MATCH ? AND rowid >= ?`,
		match, from)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return err
		}
		if h := byID[id]; h != nil {
			h.Score += w
		}
	}
	return rows.Err()
}

// searchTotal is len(hits) when the cap was not reached, else an estimate
// that assumes matches spread evenly over article ids.
func searchTotal(ctx context.Context, tx *sql.Tx, hits []news.SearchHit, limit int) (int, error) {
	if len(hits) < limit {
		return len(hits), nil
	}
	var maxID int64
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(id), 0) FROM articles`).Scan(&maxID); err != nil {
		return 0, err
	}
	minID := maxID
	for _, h := range hits {
		minID = min(minID, h.ID)
	}
	covered := float64(maxID-minID+1) / float64(max(maxID, 1))
	return max(len(hits), int(float64(len(hits))/covered)), nil
}

// matchExpr builds the FTS5 query: every phrase of All, at least one of Any,
// none of None. Terms
// are quoted so that no query word is read as an FTS5 operator.
func matchExpr(q news.SearchQuery) string {
	var all, anyOf []string
	for _, p := range q.All {
		if s := quotePhrase(p); s != "" {
			all = append(all, s)
		}
	}
	for _, p := range q.Any {
		if s := quotePhrase(p); s != "" {
			anyOf = append(anyOf, s)
		}
	}
	if len(anyOf) > 0 {
		all = append(all, "("+strings.Join(anyOf, " OR ")+")")
	}
	if len(all) == 0 {
		return ""
	}
	expr := "(" + strings.Join(all, " AND ") + ")"
	for _, p := range q.None {
		if s := quotePhrase(p); s != "" {
			expr += " NOT " + s
		}
	}
	return expr
}

func quotePhrase(terms []string) string {
	var words []string
	for _, t := range terms {
		if t = strings.TrimSpace(t); t != "" {
			words = append(words, strings.ReplaceAll(t, `"`, `""`))
		}
	}
	if len(words) == 0 {
		return ""
	}
	return `"` + strings.Join(words, " ") + `"`
}

// RecentArticleTexts returns the text of up to limit of the newest visible
// articles, title, summary and body joined by blank lines.
func (db *DB) RecentArticleTexts(ctx context.Context, visibleAt time.Time, limit int) ([]string, error) {
	w := filterWhere(news.ArticleFilter{VisibleAt: &visibleAt})
	rows, err := db.read.QueryContext(ctx, `SELECT a.title || char(10,10) || a.summary || char(10,10) || a.body_text
		FROM articles a`+w.sql()+` ORDER BY a.display_at DESC, a.id DESC LIMIT ?`, append(w.args, limit)...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: recent article texts: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, fmt.Errorf("sqlite: recent article texts: %w", err)
		}
		out = append(out, s)
	}
	return out, rows.Err()
}
