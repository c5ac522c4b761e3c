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

// findAfterReopen stores a, runs tamper on the closed database file with
// the article's id as ?1, opens it again (Open does its index upkeep) and
// checks that a search for word finds a.
func findAfterReopen(t *testing.T, a news.Article, tamper, word string) {
	t.Helper()
	path := tempPath(t)
	db := mustOpen(t, path)
	if err := db.CreateArticle(t.Context(), &a); err != nil {
		t.Fatal(err)
	}
	db.Close()
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = raw.Exec(tamper, a.ID)
	raw.Close()
	if err != nil {
		t.Fatal(err)
	}
	db = mustOpen(t, path)
	hits, _, err := db.SearchArticles(t.Context(), news.SearchQuery{All: [][]string{{turkish.Stem(word)}}})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 1 || hits[0].ID != a.ID {
		t.Errorf("%q found %+v, want article %d", word, hits, a.ID)
	}
}

// An article written before the search migration is indexed at the next
// Open.
func TestSearchBackfill(t *testing.T) {
	a := news.Article{Title: "Eski haber: fındık hasadı", BodyText: "Karadeniz'de hasat."}
	findAfterReopen(t, a, `DELETE FROM article_search WHERE ?1 > 0;
		UPDATE meta SET value = 1 WHERE key = 'search_backfill'`, "fındık")
}

// An index built with another stemmer is rebuilt at the next Open, so a
// stemming fix reaches the articles already stored.
func TestSearchReindexAfterStemmerChange(t *testing.T) {
	a := news.Article{Title: "Derbide goller", BodyText: "İkinci yarıda üç gol."}
	// what an older stemmer left: other terms, and an older version number
	findAfterReopen(t, a, `DELETE FROM article_search WHERE rowid = ?1;
		INSERT INTO article_search (rowid, title, summary, body) VALUES (?1, 'eski', '', 'eski');
		UPDATE meta SET value = 1 WHERE key = 'search_stem_version'`, "gol")
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
