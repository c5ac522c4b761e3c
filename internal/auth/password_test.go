package auth

import (
	"context"
	"errors"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"manset/internal/news"
	"manset/internal/store/sqlite"
)

var phc = regexp.MustCompile(`^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$`)

func TestHashPasswordFormat(t *testing.T) {
	h := HashPassword("gizli-şifre-1", DefaultParams)
	m := phc.FindStringSubmatch(h)
	if m == nil || m[1] != "19456" || m[2] != "2" || m[3] != "1" {
		t.Fatalf("hash %q is not argon2id PHC with the default parameters", h)
	}
	if h2 := HashPassword("gizli-şifre-1", DefaultParams); h2 == h {
		t.Error("two hashes of one password are equal: the salt is not random")
	}
}

func TestVerifyPassword(t *testing.T) {
	h := HashPassword("gizli-şifre-1", TestParams)
	for _, tc := range []struct {
		password string
		want     bool
	}{{"gizli-şifre-1", true}, {"gizli-şifre-2", false}, {"GIZLI-ŞIFRE-1", false}, {"", false}} {
		if ok, err := VerifyPassword(h, tc.password); err != nil || ok != tc.want {
			t.Errorf("VerifyPassword(%q) = %v, %v; want %v", tc.password, ok, err, tc.want)
		}
	}
	// A hash made elsewhere with other parameters still verifies.
	other := HashPassword("başka", Params{Memory: 128, Time: 3, Threads: 2, SaltLen: 8, KeyLen: 16})
	if ok, err := VerifyPassword(other, "başka"); !ok || err != nil {
		t.Errorf("foreign parameters: %v, %v", ok, err)
	}
	if !NeedsRehash(other, TestParams) || NeedsRehash(h, TestParams) {
		t.Error("NeedsRehash wrong")
	}
}

func TestVerifyPasswordRejectsMalformed(t *testing.T) {
	good := HashPassword("x", TestParams)
	parts := strings.Split(good, "$")
	for name, h := range map[string]string{
		"empty":        "",
		"bcrypt":       "$2a$10$abcdefghijklmnopqrstuv",
		"argon2i":      strings.Replace(good, "argon2id", "argon2i", 1),
		"old version":  strings.Replace(good, "v=19", "v=16", 1),
		"huge memory":  strings.Replace(good, "m=64,", "m=4294967295,", 1),
		"zero time":    strings.Replace(good, "t=1,", "t=0,", 1),
		"bad salt":     strings.Join([]string{"", parts[1], parts[2], parts[3], "!!", parts[5]}, "$"),
		"short key":    strings.Join([]string{"", parts[1], parts[2], parts[3], parts[4], "AAAA"}, "$"),
		"extra fields": good + "$x",
	} {
		if ok, err := VerifyPassword(h, "x"); ok || err == nil {
			t.Errorf("%s: VerifyPassword(%q) = %v, %v; want an error", name, h, ok, err)
		}
	}
}

func TestValidatePassword(t *testing.T) {
	for _, tc := range []struct {
		pw string
		ok bool
	}{{"1234567", false}, {"12345678", true}, {"şşşşşşşş", true}, {strings.Repeat("a", 256), true},
		{strings.Repeat("a", 257), false}, {"\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8", false}} {
		if err := ValidatePassword(tc.pw); (err == nil) != tc.ok {
			t.Errorf("ValidatePassword(%q) = %v, want ok=%v", tc.pw, err, tc.ok)
		}
	}
}

// FuzzVerifyPassword: no stored hash, however broken, may panic or be
// accepted without matching.
func FuzzVerifyPassword(f *testing.F) {
	f.Add(HashPassword("gizli", TestParams), "gizli")
	f.Add("$argon2id$v=19$m=64,t=1,p=1$$", "")
	f.Add("$argon2id$v=19$m=-1,t=1,p=1$AAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA", "x")
	f.Fuzz(func(t *testing.T, encoded, password string) {
		if p, _, _, err := parseHash(encoded); err == nil && (p.Memory > 1<<16 || p.Time > 4) {
			t.Skip("too costly for a fuzz iteration")
		}
		ok, err := VerifyPassword(encoded, password)
		if ok && err != nil {
			t.Fatal("accepted with an error")
		}
	})
}

func TestTokens(t *testing.T) {
	a, b := NewToken(), NewToken()
	if a == b || len(a) != 43 || !wellFormed(a) || strings.ContainsAny(a, "+/=") {
		t.Errorf("tokens %q %q", a, b)
	}
	if h := HashToken(a); len(h) != 64 || h == a || h != HashToken(a) {
		t.Errorf("hash %q", h)
	}
}

func TestLimiter(t *testing.T) {
	c := &clock{t: time.Unix(0, 0)}
	l := NewLimiter(Rule{Every: time.Minute, Burst: 2}, 3, c.Now)
	for i, want := range []string{"", "", news.ERATELIMIT} {
		if got := news.ErrorCode(l.Allow(t.Context(), "198.51.100.1")); got != want {
			t.Errorf("attempt %d: %q, want %q", i, got, want)
		}
	}
	if l.Allow(t.Context(), "198.51.100.2") != nil {
		t.Error("one key's limit hit another")
	}
	c.Advance(time.Minute)
	if l.Allow(t.Context(), "198.51.100.1") != nil {
		t.Error("no token back after a minute")
	}
	// The map stays bounded under a flood of keys.
	for i := range 100 {
		l.Allow(t.Context(), strings.Repeat("k", i+1))
	}
	if n := l.Len(); n > 3 {
		t.Errorf("limiter holds %d keys, max 3", n)
	}
}

// TestLimiterEvictsIdleFirst: keys idle long enough to be full again are
// dropped before any key still under a limit.
func TestLimiterEvictsIdleFirst(t *testing.T) {
	c := &clock{t: time.Unix(0, 0)}
	l := NewLimiter(Rule{Every: time.Minute, Burst: 1}, 2, c.Now)
	l.Allow(t.Context(), "idle")
	c.Advance(2 * time.Minute)
	l.Allow(t.Context(), "busy") // now busy is out of tokens
	l.Allow(t.Context(), "new")  // full: evicts idle only
	if err := l.Allow(t.Context(), "busy"); news.ErrorCode(err) != news.ERATELIMIT {
		t.Errorf("busy key was forgotten: %v", err)
	}
}

// failingBuckets stands for a database that does not answer.
type failingBuckets struct{}

func (failingBuckets) TakeRateToken(context.Context, string, time.Duration, int, time.Time) (bool, error) {
	return false, errors.New("database down")
}

// Limiters of two nodes sharing the database's buckets count together, so
// spreading attempts over nodes does not multiply the limit; a database
// that fails leaves each node its own limit instead of none.
func TestSharedLimiter(t *testing.T) {
	db, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "manset.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	c := &clock{t: time.Unix(1000, 0)}
	rule := Rule{Every: time.Minute, Burst: 3}
	nodeA := NewLimiter(rule, 10, c.Now).Shared(db, "login-ip", nil)
	nodeB := NewLimiter(rule, 10, c.Now).Shared(db, "login-ip", nil)
	var allowed int
	for i := range 8 {
		node := nodeA
		if i%2 == 1 {
			node = nodeB
		}
		if node.Allow(t.Context(), "198.51.100.7") == nil {
			allowed++
		}
	}
	if allowed != 3 {
		t.Errorf("8 attempts over two nodes with a burst of 3: %d allowed", allowed)
	}
	other := NewLimiter(rule, 10, c.Now).Shared(db, "signup-ip", nil)
	if other.Allow(t.Context(), "198.51.100.7") != nil {
		t.Error("another limit's bucket was used")
	}
	down := NewLimiter(rule, 10, c.Now).Shared(failingBuckets{}, "login-ip", nil)
	for i, want := range []string{"", "", "", news.ERATELIMIT} {
		if got := news.ErrorCode(down.Allow(t.Context(), "198.51.100.7")); got != want {
			t.Errorf("database down, attempt %d: %q, want %q", i, got, want)
		}
	}
}
