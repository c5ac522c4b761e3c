package storetest

import (
	"reflect"
	"testing"
	"time"

	"manset/internal/news"
	"manset/internal/store"
)

func runSettings(t *testing.T, open Opener) {
	run(t, open, []subtest{
		{"UnsetIsEmpty", testSettingUnsetIsEmpty},
		{"SetReplaceAndList", testSettingSetReplaceAndList},
		{"EmptyValueKept", testSettingEmptyValueKept},
		{"ErrKeyRequired", testSettingErrKeyRequired},
	})
}

func testSettingUnsetIsEmpty(t *testing.T, s store.Store) {
	v, err := s.Setting(ctx(t), "site.disclaimer")
	if err != nil || v != "" {
		t.Errorf("unset setting = %q, %v; want empty, nil", v, err)
	}
}

func testSettingSetReplaceAndList(t *testing.T, s store.Store) {
	must(t, s.SetSetting(ctx(t), "site.name", "Manşet"))
	must(t, s.SetSetting(ctx(t), "site.disclaimer", "Eski metin"))
	must(t, s.SetSetting(ctx(t), "site.disclaimer", "Haberler kaynaklarının sorumluluğundadır; İĞÜŞÖÇ."))
	v, err := s.Setting(ctx(t), "site.disclaimer")
	must(t, err)
	if v != "Haberler kaynaklarının sorumluluğundadır; İĞÜŞÖÇ." {
		t.Errorf("disclaimer = %q", v)
	}
	all, err := s.AllSettings(ctx(t))
	must(t, err)
	want := map[string]string{"site.name": "Manşet", "site.disclaimer": v}
	if !reflect.DeepEqual(all, want) {
		t.Errorf("AllSettings = %q, want %q", all, want)
	}
}

func testSettingEmptyValueKept(t *testing.T, s store.Store) {
	must(t, s.SetSetting(ctx(t), "ads.top", ""))
	all, err := s.AllSettings(ctx(t))
	must(t, err)
	if v, ok := all["ads.top"]; !ok || v != "" {
		t.Errorf("empty setting missing from AllSettings: %q", all)
	}
}

func testSettingErrKeyRequired(t *testing.T, s store.Store) {
	wantCode(t, s.SetSetting(ctx(t), " ", "x"), news.EINVALID)
}

func runSources(t *testing.T, open Opener) {
	run(t, open, []subtest{
		{"CreateAndRead", testSourceCreateAndRead},
		{"DefaultsFilled", testSourceDefaultsFilled},
		{"UpdateFetchState", testSourceUpdateFetchState},
		{"ListInOrderAdded", testSourceListInOrderAdded},
		{"DeleteKeepsArticles", testSourceDeleteKeepsArticles},
		{"Errors", testSourceErrors},
	})
}

func testSourceCreateAndRead(t *testing.T, s store.Store) {
	want := news.Source{
		Name: "Örnek Gazete", Kind: news.SourceSitemap, URL: "https://gazete.example/sitemap.xml",
		HomeURL: "https://gazete.example/", CategorySlug: "dunya", Interval: 30 * time.Minute,
		Review: true, FullText: "excerpt", Selector: "article .icerik",
	}
	must(t, s.CreateSource(ctx(t), &want))
	if want.ID == 0 || want.CreatedAt.IsZero() {
		t.Fatalf("CreateSource did not set ID and CreatedAt: %+v", want)
	}
	got, err := s.Source(ctx(t), want.ID)
	must(t, err)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("read back differs:\n got %+v\nwant %+v", got, want)
	}
	byName, err := s.SourceByName(ctx(t), "Örnek Gazete")
	must(t, err)
	if byName.ID != want.ID {
		t.Errorf("SourceByName = %d, want %d", byName.ID, want.ID)
	}
}

func testSourceDefaultsFilled(t *testing.T, s store.Store) {
	src := news.Source{Name: "Ajans", Kind: news.SourceFeed, URL: "https://ajans.example/rss"}
	must(t, s.CreateSource(ctx(t), &src))
	got, err := s.Source(ctx(t), src.ID)
	must(t, err)
	if got.Interval != 15*time.Minute || got.FullText != "full" || got.LastFetchAt != nil {
		t.Errorf("defaults: interval %v, full text %q, last fetch %v", got.Interval, got.FullText, got.LastFetchAt)
	}
}

func testSourceUpdateFetchState(t *testing.T, s store.Store) {
	src := news.Source{Name: "Ajans", Kind: news.SourceFeed, URL: "https://ajans.example/rss"}
	must(t, s.CreateSource(ctx(t), &src))
	src.ETag, src.LastModified, src.ItemsFound = `"abc"`, "Fri, 15 Mar 2024 09:00:00 GMT", 12
	src.LastFetchAt, src.NextFetchAt, src.LastError = ptr(at(0)), ptr(at(15)), "zaman aşımı"
	must(t, s.UpdateSource(ctx(t), &src))
	got, err := s.Source(ctx(t), src.ID)
	must(t, err)
	if !reflect.DeepEqual(got, src) {
		t.Errorf("after update:\n got %+v\nwant %+v", got, src)
	}
}

func testSourceListInOrderAdded(t *testing.T, s store.Store) {
	for _, name := range []string{"Zeta", "Alfa", "Çınar"} {
		must(t, s.CreateSource(ctx(t), &news.Source{Name: name, Kind: news.SourcePage, URL: "https://x.example/"}))
	}
	list, err := s.ListSources(ctx(t))
	must(t, err)
	var names []string
	for _, src := range list {
		names = append(names, src.Name)
	}
	if !reflect.DeepEqual(names, []string{"Zeta", "Alfa", "Çınar"}) {
		t.Errorf("ListSources = %q", names)
	}
}

func testSourceDeleteKeepsArticles(t *testing.T, s store.Store) {
	src := news.Source{Name: "Ajans", Kind: news.SourceFeed, URL: "https://ajans.example/rss"}
	must(t, s.CreateSource(ctx(t), &src))
	a := article(t, s, "Ajans haberi", func(a *news.Article) { a.SourceID = src.ID })
	must(t, s.DeleteSource(ctx(t), src.ID))
	got, err := s.Article(ctx(t), a.ID)
	must(t, err)
	if got.SourceID != 0 || got.SourceName != "" {
		t.Errorf("article keeps deleted source: %d %q", got.SourceID, got.SourceName)
	}
}

func testSourceErrors(t *testing.T, s store.Store) {
	src := news.Source{Name: "Ajans", Kind: news.SourceFeed, URL: "https://ajans.example/rss"}
	must(t, s.CreateSource(ctx(t), &src))
	dup := src
	wantCode(t, s.CreateSource(ctx(t), &dup), news.ECONFLICT)
	wantCode(t, s.CreateSource(ctx(t), &news.Source{Name: "Kötü", Kind: news.SourceFeed, URL: "ftp://x"}), news.EINVALID)
	_, err := s.Source(ctx(t), 404)
	wantCode(t, err, news.ENOTFOUND)
	_, err = s.SourceByName(ctx(t), "ajans") // names match exactly
	wantCode(t, err, news.ENOTFOUND)
	missing := src
	missing.ID = 404
	wantCode(t, s.UpdateSource(ctx(t), &missing), news.ENOTFOUND)
	wantCode(t, s.DeleteSource(ctx(t), 404), news.ENOTFOUND)
}

func runStories(t *testing.T, open Opener) {
	run(t, open, []subtest{
		{"CreateAndRead", testStoryCreateAndRead},
	})
}

func testStoryCreateAndRead(t *testing.T, s store.Store) {
	st := news.Story{Title: "Deprem", FirstSeen: at(0)}
	must(t, s.CreateStory(ctx(t), &st))
	got, err := s.Story(ctx(t), st.ID)
	must(t, err)
	if got.Title != "Deprem" || !got.FirstSeen.Equal(at(0)) || got.UpdatedAt.IsZero() {
		t.Errorf("story = %+v", got)
	}
	_, err = s.Story(ctx(t), 404)
	wantCode(t, err, news.ENOTFOUND)
	wantCode(t, s.CreateStory(ctx(t), &news.Story{}), news.EINVALID)
}
