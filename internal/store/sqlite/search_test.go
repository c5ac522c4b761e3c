package sqlite_test

import (
	"database/sql"
	"testing"

	"manset/internal/news"
	"manset/internal/store"
	"manset/internal/store/sqlite"
	"manset/internal/store/storetest"
	"manset/internal/turkish"
)

// An article written before the search migration is indexed at the next
// Open.
func TestSearchBackfill(t *testing.T) {
	path := tempPath(t)
	db := mustOpen(t, path)
	a := news.Article{Title: "Eski haber: fındık hasadı", BodyText: "Karadeniz'de hasat."}
	if err := db.CreateArticle(t.Context(), &a); err != nil {
		t.Fatal(err)
	}
	db.Close()
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = raw.Exec(`DELETE FROM article_search; UPDATE meta SET value = 1 WHERE key = 'search_backfill'`)
	raw.Close()
	if err != nil {
		t.Fatal(err)
	}
	db = mustOpen(t, path)
	q := news.SearchQuery{All: [][]string{{turkish.Stem("fındık")}, {turkish.Stem("karadeniz")}}}
	hits, _, err := db.SearchArticles(t.Context(), q)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 1 || hits[0].ID != a.ID {
		t.Errorf("after backfill hits = %+v, want article %d", hits, a.ID)
	}
}

// An index built with another stemmer is rebuilt at the next Open, so a
// stemming fix reaches the articles already stored.
func TestSearchReindexAfterStemmerChange(t *testing.T) {
	path := tempPath(t)
	db := mustOpen(t, path)
	a := news.Article{Title: "Derbide goller", BodyText: "İkinci yarıda üç gol."}
	if err := db.CreateArticle(t.Context(), &a); err != nil {
		t.Fatal(err)
	}
	db.Close()
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	// what an older stemmer left: other terms, and an older version number
	_, err = raw.Exec(`DELETE FROM article_search WHERE rowid = ?1;
		INSERT INTO article_search (rowid, title, summary, body) VALUES (?1, 'eski', '', 'eski');
		UPDATE meta SET value = 1 WHERE key = 'search_stem_version'`, a.ID)
	raw.Close()
	if err != nil {
		t.Fatal(err)
	}
	db = mustOpen(t, path)
	hits, _, err := db.SearchArticles(t.Context(), news.SearchQuery{All: [][]string{{turkish.Stem("gol")}}})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 1 || hits[0].ID != a.ID {
		t.Errorf("after the stemmer change hits = %+v, want article %d", hits, a.ID)
	}
}

// The search contract holds on the field-scoring path that common terms
// take on a large corpus.
func TestSearchFieldScoring(t *testing.T) {
	defer sqlite.SetSelectiveTerm(0)()
	storetest.RunSearch(t, func(t *testing.T) store.Store {
		db, err := sqlite.Open(t.Context(), tempPath(t))
		if err != nil {
			t.Fatal(err)
		}
		return db
	})
}
