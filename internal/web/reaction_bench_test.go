package web

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/cookiejar"
	"testing"
	"time"

	"manset/internal/auth"
	"manset/internal/news"
)

// BenchmarkReactionAPI measures votes through the real handler stack and
// SQLite file, each from a new anonymous reader (a new row per vote).
func BenchmarkReactionAPI(b *testing.B) {
	site := newEngageSite(b, "http://manset.example", func(cfg *Config, _ *Deps, _ *auth.Config) {
		cfg.EngageLimits.Reactions = auth.Rule{Every: time.Microsecond, Burst: 1 << 20}
	})
	a := site.add(b, "Ölçüm", "dunya", 5)
	path := fmt.Sprintf("%s/api/v1/articles/%d/reactions", site.ts.URL, a.ID)
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			jar, _ := cookiejar.New(nil)
			c := &http.Client{Jar: jar}
			kind := news.Reactions[i%len(news.Reactions)].Kind
			i++
			resp, err := c.Post(path, "application/json", bytes.NewReader([]byte(`{"kind":"`+string(kind)+`"}`)))
			if err != nil {
				b.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				b.Fatalf("status %d", resp.StatusCode)
			}
		}
	})
	b.StopTimer()
	counts, err := site.db.ReactionCounts(b.Context(), a.ID)
	if err != nil {
		b.Fatal(err)
	}
	sum := 0
	for _, n := range counts {
		sum += n
	}
	if sum != b.N {
		b.Fatalf("%d votes counted, %d cast", sum, b.N)
	}
}
