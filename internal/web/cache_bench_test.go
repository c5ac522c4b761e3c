package web

import (
	"fmt"
	"math/rand/v2"
	"net/http"
	"testing"
)

// BenchmarkCacheHitRateTrickle measures the page cache's hit rate while
// new articles keep arriving: readers request article pages (Zipf-skewed:
// a few stories are read most) and the home page, and one new article is
// stored every trickleEvery requests. "whole" drops the whole cache on each
// write (as before per-article invalidation), "per-article" drops what the
// write touched. Run: go test -run x -bench CacheHitRate ./internal/web/
func BenchmarkCacheHitRateTrickle(b *testing.B) {
	const articles, requests, trickleEvery = 300, 6000, 100
	for _, mode := range []string{"whole", "per-article"} {
		b.Run(mode, func(b *testing.B) {
			s := newTestSite(b, 0)
			paths := make([]string, articles)
			for i := range paths {
				a := s.add(b, fmt.Sprintf("Okunan haber %d", i), "dunya", 10+i)
				paths[i] = "/haber/" + a.Slug
			}
			h := s.srv.Handler()
			rec := &recorder{header: http.Header{}}
			var hits, total int
			for b.Loop() {
				rng := rand.New(rand.NewPCG(1, 2))
				zipf := rand.NewZipf(rng, 1.1, 1, articles-1)
				s.srv.Invalidate()
				for i := range requests {
					path := "/"
					if i%10 != 0 {
						path = paths[zipf.Uint64()]
					}
					if s.srv.pages.get(path, s.clock.Now()) != nil {
						hits++
					}
					total++
					rec.reset()
					h.ServeHTTP(rec, httptestRequest(path))
					if i%trickleEvery == trickleEvery-1 {
						a := s.add(b, fmt.Sprintf("Yeni gelen haber %d", i), "spor", 0)
						if mode == "whole" {
							s.srv.contentChanged(nil)
						} else {
							s.srv.contentChanged([]int64{a.ID})
						}
					}
				}
			}
			b.ReportMetric(100*float64(hits)/float64(total), "hit%")
		})
	}
}
