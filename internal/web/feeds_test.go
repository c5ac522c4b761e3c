package web

import (
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"
)

func TestFeeds(t *testing.T) {
	s := newTestSite(t, 0)
	dunya := s.add(t, "Dünya & barış", "dunya", 30)
	spor := s.add(t, "Maç sonucu", "spor", 20)
	old := s.add(t, "Üç günlük haber", "dunya", 3*24*60)
	tests := []struct {
		path, ctype string
		want, not   []string
	}{
		{"/rss.xml", "application/rss+xml", []string{"/haber/" + dunya.Slug, "/haber/" + spor.Slug}, nil},
		{"/atom.xml", "application/atom+xml", []string{"/haber/" + dunya.Slug}, nil},
		{"/feed.json", "application/feed+json", []string{"/haber/" + spor.Slug}, nil},
		{"/kategori/spor/rss.xml", "application/rss+xml", []string{"/haber/" + spor.Slug}, []string{"/haber/" + dunya.Slug}},
		{"/kategori/dunya/atom.xml", "application/atom+xml", []string{"/haber/" + dunya.Slug}, []string{"/haber/" + spor.Slug}},
		{"/kategori/haberler/feed.json", "application/feed+json", []string{"/haber/" + dunya.Slug, "/haber/" + spor.Slug}, nil},
		{"/sitemap.xml", "application/xml", []string{testBaseURL + "/kategori/dunya", "/haber/" + old.Slug}, nil},
		{"/sitemap-news.xml", "application/xml", []string{"/haber/" + dunya.Slug}, []string{"/haber/" + old.Slug}},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			resp, body := s.get(t, tt.path)
			if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), tt.ctype) {
				t.Fatalf("status %d, type %q", resp.StatusCode, resp.Header.Get("Content-Type"))
			}
			mustContain(t, body, tt.want...)
			mustNotContain(t, body, tt.not...)
			if strings.HasSuffix(tt.path, ".json") {
				var v map[string]any
				if err := json.Unmarshal([]byte(body), &v); err != nil {
					t.Errorf("not JSON: %v", err)
				}
			} else if err := xml.Unmarshal([]byte(body), new(struct{})); err != nil {
				t.Errorf("not XML: %v", err)
			}
		})
	}
	s.mustGet(t, "/kategori/yok/rss.xml", 404)
}

func TestRobotsAndHealth(t *testing.T) {
	s := newTestSite(t, 0)
	body := s.mustGet(t, "/robots.txt", 200)
	mustContain(t, body, "User-agent: *", "Allow: /", "Sitemap: "+testBaseURL+"/sitemap.xml")
	if body := s.mustGet(t, "/healthz", 200); strings.TrimSpace(body) != "ok" {
		t.Errorf("healthz = %q", body)
	}
	if body := s.mustGet(t, "/readyz", 200); body != "ready" {
		t.Errorf("readyz = %q", body)
	}
	s.db.Close()
	s.mustGet(t, "/healthz", 503)
	s.mustGet(t, "/readyz", 503)
}
