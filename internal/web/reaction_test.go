package web

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"manset/internal/auth"
	"manset/internal/news"
)

// reactionResp is the reactions API's answer.
type reactionResp struct {
	Counts map[string]int `json:"counts"`
	Mine   *string        `json:"mine"`
}

func (r reactionResp) mine() string {
	if r.Mine == nil {
		return ""
	}
	return *r.Mine
}

func (s *engageSite) reactAPI(t testing.TB, c *http.Client, method string, id int64, kind string) reactionResp {
	t.Helper()
	var body any
	if kind != "" {
		body = map[string]string{"kind": kind}
	}
	resp, b := s.do(t, c, method, fmt.Sprintf("/api/v1/articles/%d/reactions", id), body)
	want(t, resp, b, http.StatusOK)
	var out reactionResp
	decode(t, b, &out)
	return out
}

// pageCounts reads the reaction counts a reader without JavaScript sees.
func pageCounts(t testing.TB, body string) map[string]int {
	t.Helper()
	out := map[string]int{}
	re := regexp.MustCompile(`data-kind="([a-z-]+)">.*?<span class="reaction-count">(\d+)</span>`)
	for _, m := range re.FindAllStringSubmatch(body, -1) {
		n, _ := strconv.Atoi(m[2])
		out[m[1]] = n
	}
	if len(out) != len(news.Reactions) {
		t.Fatalf("page shows %d reaction buttons, want %d", len(out), len(news.Reactions))
	}
	return out
}

func TestReactionsAPI(t *testing.T) {
	site := newEngageSite(t, "http://manset.example")
	a := site.add(t, "Tepki haberi", "dunya", 5)
	alice, bob := site.client(t), site.client(t)

	got := site.reactAPI(t, alice, "GET", a.ID, "")
	if got.mine() != "" || len(got.Counts) != 6 || got.Counts["begendim"] != 0 {
		t.Fatalf("fresh article: %+v", got)
	}
	steps := []struct {
		who        *http.Client
		method     string
		kind       string
		wantMine   string
		wantCounts map[string]int
	}{
		{alice, "POST", "begendim", "begendim", map[string]int{"begendim": 1}},
		{alice, "POST", "begendim", "begendim", map[string]int{"begendim": 1}}, // idempotent
		{bob, "POST", "begendim", "begendim", map[string]int{"begendim": 2}},
		{alice, "POST", "sevdim", "sevdim", map[string]int{"begendim": 1, "sevdim": 1}}, // moves
		{bob, "DELETE", "", "", map[string]int{"sevdim": 1}},
		{bob, "DELETE", "", "", map[string]int{"sevdim": 1}},
	}
	for i, st := range steps {
		got := site.reactAPI(t, st.who, st.method, a.ID, st.kind)
		if got.mine() != st.wantMine {
			t.Errorf("step %d: mine %q, want %q", i, got.mine(), st.wantMine)
		}
		for _, r := range news.Reactions {
			if got.Counts[string(r.Kind)] != st.wantCounts[string(r.Kind)] {
				t.Errorf("step %d: counts %v, want %v", i, got.Counts, st.wantCounts)
				break
			}
		}
	}
	if got := site.reactAPI(t, alice, "GET", a.ID, ""); got.mine() != "sevdim" {
		t.Errorf("alice's GET mine = %q", got.mine())
	}
	resp, body := site.do(t, alice, "POST", fmt.Sprintf("/api/v1/articles/%d/reactions", a.ID), map[string]string{"kind": "kizdim"})
	want(t, resp, body, http.StatusBadRequest)
	resp, body = site.do(t, alice, "POST", "/api/v1/articles/999999/reactions", map[string]string{"kind": "sevdim"})
	want(t, resp, body, http.StatusNotFound)
	ck := site.jarCookie(t, alice, readerCookie)
	if ck == "" {
		t.Fatal("no anonymous reader cookie")
	}
}

func TestReactionFormToggleAndFreshPage(t *testing.T) {
	site := newEngageSite(t, "http://manset.example")
	a := site.add(t, "Formla tepki", "dunya", 5)
	path := "/haber/" + a.Slug
	c := site.client(t)
	if got := pageCounts(t, mustStatus(t, site, c, path, http.StatusOK)); got["essiz-bilgi"] != 0 {
		t.Fatalf("counts before: %v", got)
	}
	press := func(kind string) {
		t.Helper()
		resp, body := site.do(t, c, "POST", path+"/tepki", url.Values{"kind": {kind}})
		want(t, resp, body, http.StatusSeeOther)
		if loc := resp.Header.Get("Location"); loc != path+"#reactions" {
			t.Fatalf("Location %q", loc)
		}
	}
	steps := []struct {
		kind string
		want map[string]int
	}{
		{"essiz-bilgi", map[string]int{"essiz-bilgi": 1}},
		{"alkisliyorum", map[string]int{"alkisliyorum": 1}},
		{"alkisliyorum", map[string]int{}}, // pressing again withdraws
	}
	for i, st := range steps {
		press(st.kind)
		// The page was cached before the vote: a reader without scripts
		// must see the new count at once.
		got := pageCounts(t, mustStatus(t, site, site.client(t), path, http.StatusOK))
		for _, r := range news.Reactions {
			if got[string(r.Kind)] != st.want[string(r.Kind)] {
				t.Fatalf("step %d: page counts %v, want %v", i, got, st.want)
			}
		}
	}
	resp, body := site.do(t, c, "POST", path+"/tepki", url.Values{"kind": {"<script>"}})
	want(t, resp, body, http.StatusBadRequest)
}

func TestConcurrentVotes(t *testing.T) {
	site := newEngageSite(t, "http://manset.example")
	a := site.add(t, "Kalabalık", "dunya", 5)
	const voters = 50
	var wg sync.WaitGroup
	errs := make(chan error, voters)
	for i := range voters {
		wg.Go(func() {
			kind := news.Reactions[i%len(news.Reactions)].Kind
			resp, body := site.do(t, site.client(t), "POST", fmt.Sprintf("/api/v1/articles/%d/reactions", a.ID),
				map[string]string{"kind": string(kind)})
			if resp.StatusCode != http.StatusOK {
				errs <- fmt.Errorf("voter %d: %d %s", i, resp.StatusCode, body)
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	got := site.reactAPI(t, nil, "GET", a.ID, "")
	sum := 0
	for _, n := range got.Counts {
		sum += n
	}
	if sum != voters || got.Counts["begendim"] != 9 || got.Counts["sevdim"] != 8 {
		t.Errorf("counts %v (sum %d), want 50 votes: 9 for the first two kinds, 8 for the rest", got.Counts, sum)
	}
	page := pageCounts(t, mustStatus(t, site, nil, "/haber/"+a.Slug, http.StatusOK))
	if page["begendim"] != 9 {
		t.Errorf("page counts %v", page)
	}
}

func TestAnonymousVoteMergesOnLogin(t *testing.T) {
	site := newEngageSite(t, "http://manset.example")
	a := site.add(t, "Önce anonim", "dunya", 5)
	b := site.add(t, "Sonra üye", "dunya", 6)
	site.register(t, site.client(t), "uye@example.com")
	member := site.client(t)
	resp, body := site.do(t, member, "POST", "/api/v1/auth/login", map[string]string{"email": "uye@example.com", "password": testPassword})
	want(t, resp, body, http.StatusOK)
	site.reactAPI(t, member, "POST", b.ID, "dogru-bilgi")
	site.do(t, member, "POST", "/api/v1/auth/logout", nil)

	site.reactAPI(t, member, "POST", a.ID, "dikkatimi-cekti") // anonymous now
	site.reactAPI(t, member, "POST", b.ID, "sevdim")          // the account's own vote must win
	resp, body = site.do(t, member, "POST", "/giris", url.Values{"email": {"uye@example.com"}, "password": {testPassword}})
	want(t, resp, body, http.StatusSeeOther)

	if got := site.reactAPI(t, member, "GET", a.ID, ""); got.mine() != "dikkatimi-cekti" || got.Counts["dikkatimi-cekti"] != 1 {
		t.Errorf("article a after login: %+v", got)
	}
	if got := site.reactAPI(t, member, "GET", b.ID, ""); got.mine() != "dogru-bilgi" || got.Counts["sevdim"] != 0 || got.Counts["dogru-bilgi"] != 1 {
		t.Errorf("article b after login: mine %q counts %v", got.mine(), got.Counts)
	}
	// Another browser of the same account sees the merged vote.
	other := site.client(t)
	site.do(t, other, "POST", "/api/v1/auth/login", map[string]string{"email": "uye@example.com", "password": testPassword})
	if got := site.reactAPI(t, other, "GET", a.ID, ""); got.mine() != "dikkatimi-cekti" {
		t.Errorf("second browser sees mine %q", got.mine())
	}
}

// Per-IP limits count an IPv6 client by its /64: one subscriber gets a
// whole /64 and must not get a fresh allowance from each address in it.
func TestReactionLimitIPv6Prefix(t *testing.T) {
	site := newEngageSite(t, "http://manset.example", func(cfg *Config, _ *Deps, _ *auth.Config) {
		cfg.ClientIPHeader = "X-Forwarded-For"
		cfg.EngageLimits.Reactions = auth.Rule{Every: time.Hour, Burst: 2}
	})
	a := site.add(t, "Sınırlı", "dunya", 5)
	path := fmt.Sprintf("/api/v1/articles/%d/reactions", a.ID)
	react := func(ip string) int {
		resp, _ := site.do(t, nil, "POST", path, map[string]any{"kind": "begendim"}, "X-Forwarded-For", ip)
		return resp.StatusCode
	}
	for i, ip := range []string{"2001:db8:1:2::1", "2001:db8:1:2::2"} {
		if got := react(ip); got != http.StatusOK {
			t.Fatalf("reaction %d from %s: status %d", i, ip, got)
		}
	}
	if got := react("2001:db8:1:2:ffff::3"); got != http.StatusTooManyRequests {
		t.Errorf("3rd reaction from the same /64: status %d, want 429", got)
	}
	if got := react("2001:db8:1:3::1"); got != http.StatusOK {
		t.Errorf("another /64: status %d, want 200", got)
	}
	if got := react("198.51.100.7"); got != http.StatusOK {
		t.Errorf("an IPv4 client: status %d, want 200", got)
	}
}

// Two nodes on one database share the reaction limit: a client spreading
// its votes over both gets the limit once, not twice.
func TestReactionLimitAcrossNodes(t *testing.T) {
	site := newEngageSite(t, "http://manset.example")
	cfg := Config{BaseURL: "http://manset.example", Now: site.clock.Now, PollInterval: time.Hour,
		ClientIPHeader: "X-Forwarded-For", EngageLimits: EngageLimits{Reactions: auth.Rule{Every: time.Hour, Burst: 3}}}
	var nodes [2]*httptest.Server
	for i := range nodes {
		nodes[i] = httptest.NewServer(New(cfg, Deps{Reader: site.db, Engage: site.db, Buckets: site.db}).Handler())
		defer nodes[i].Close()
	}
	a := site.add(t, "İki düğüm", "dunya", 5)
	path := fmt.Sprintf("/api/v1/articles/%d/reactions", a.ID)
	var ok, limited int
	for i := range 8 {
		req, _ := http.NewRequest("POST", nodes[i%2].URL+path, strings.NewReader(`{"kind":"begendim"}`))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-Forwarded-For", "198.51.100.44")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		switch resp.StatusCode {
		case http.StatusOK:
			ok++
		case http.StatusTooManyRequests:
			limited++
		default:
			t.Fatalf("vote %d: status %d", i, resp.StatusCode)
		}
	}
	if ok != 3 || limited != 5 {
		t.Errorf("8 votes over two nodes, burst 3: %d allowed, %d limited", ok, limited)
	}
}
