package storetest

import (
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"manset/internal/news"
	"manset/internal/store"
)

func runUsers(t *testing.T, open Opener) {
	run(t, open, []subtest{
		{"CreateAndRead", testUserCreateAndRead},
		{"ErrEmailTakenAnyCase", testUserErrEmailTaken},
		{"Update", testUserUpdate},
		{"ErrNotFound", testUserErrNotFound},
		{"ErrInvalid", testUserErrInvalid},
	})
}

func runSessions(t *testing.T, open Opener) {
	run(t, open, []subtest{
		{"CreateReadTouchDelete", testSessionLifecycle},
		{"DeleteUserSessionsKeepsOne", testSessionDeleteUserSessions},
		{"PurgeExpired", testSessionPurgeExpired},
		{"ErrRawTokenRefused", testSessionErrRawToken},
		{"ResetTokenSingleUse", testResetSingleUse},
		{"ResetTokenExpires", testResetExpires},
		{"ResetTokensCancelled", testResetCancelled},
		{"ResetTokenConcurrentUse", testResetConcurrent},
	})
}

// user creates a reader with the given e-mail.
func user(t *testing.T, s store.Store, email string) news.User {
	t.Helper()
	u := news.User{Email: email, Name: "Ayşe Yılmaz", Role: news.RoleReader, PasswordHash: "$argon2id$x"}
	must(t, s.CreateUser(ctx(t), &u))
	return u
}

// hash returns a fake hex SHA-256 made of one repeated digit.
func hash(c byte) string { return strings.Repeat(string(c), 64) }

func testUserCreateAndRead(t *testing.T, s store.Store) {
	u := news.User{Email: " Ayse@Ornek.Example ", Name: " Ayşe ", Role: news.RoleEditor, PasswordHash: "h"}
	must(t, s.CreateUser(ctx(t), &u))
	if u.ID == 0 || u.CreatedAt.IsZero() || u.Email != "ayse@ornek.example" || u.Name != "Ayşe" {
		t.Fatalf("CreateUser left %+v", u)
	}
	for _, email := range []string{"ayse@ornek.example", "AYSE@ornek.EXAMPLE"} {
		got, err := s.UserByEmail(ctx(t), email)
		must(t, err)
		if got != u {
			t.Errorf("UserByEmail(%q) = %+v, want %+v", email, got, u)
		}
	}
	got, err := s.User(ctx(t), u.ID)
	must(t, err)
	if got != u {
		t.Errorf("User = %+v, want %+v", got, u)
	}
	user(t, s, "mehmet@ornek.example")
	list, err := s.ListUsers(ctx(t))
	must(t, err)
	if len(list) != 2 || list[0].ID != u.ID {
		t.Errorf("ListUsers = %+v", list)
	}
}

func testUserErrEmailTaken(t *testing.T, s store.Store) {
	user(t, s, "ayse@ornek.example")
	u := news.User{Email: "AYSE@Ornek.example", Name: "Başka"}
	wantCode(t, s.CreateUser(ctx(t), &u), news.ECONFLICT)
	other := user(t, s, "mehmet@ornek.example")
	other.Email = "Ayse@ornek.example"
	wantCode(t, s.UpdateUser(ctx(t), &other), news.ECONFLICT)
}

func testUserUpdate(t *testing.T, s store.Store) {
	u := user(t, s, "ayse@ornek.example")
	u.Role, u.Name, u.Disabled, u.PasswordHash = news.RoleAdmin, "Ayşe Y.", true, "yeni"
	created := u.CreatedAt
	u.CreatedAt = time.Time{}
	must(t, s.UpdateUser(ctx(t), &u))
	if !u.CreatedAt.Equal(created) {
		t.Errorf("CreatedAt = %v, want %v", u.CreatedAt, created)
	}
	got, err := s.User(ctx(t), u.ID)
	must(t, err)
	if got != u {
		t.Errorf("after update = %+v, want %+v", got, u)
	}
}

func testUserErrNotFound(t *testing.T, s store.Store) {
	_, err := s.User(ctx(t), 42)
	wantCode(t, err, news.ENOTFOUND)
	_, err = s.UserByEmail(ctx(t), "yok@ornek.example")
	wantCode(t, err, news.ENOTFOUND)
	u := news.User{ID: 42, Email: "yok@ornek.example", Name: "Yok"}
	wantCode(t, s.UpdateUser(ctx(t), &u), news.ENOTFOUND)
}

func testUserErrInvalid(t *testing.T, s store.Store) {
	for _, u := range []news.User{
		{Email: "gecersiz", Name: "Ad"},
		{Email: "a@ornek.example", Name: ""},
		{Email: "a@ornek.example", Name: "Ad", Role: "root"},
	} {
		wantCode(t, s.CreateUser(ctx(t), &u), news.EINVALID)
	}
}

func testSessionLifecycle(t *testing.T, s store.Store) {
	u := user(t, s, "ayse@ornek.example")
	sess := news.Session{TokenHash: hash('a'), UserID: u.ID, ExpiresAt: at(60), Remember: true, Data: `{"x":1}`}
	must(t, s.CreateSession(ctx(t), &sess))
	got, err := s.SessionByTokenHash(ctx(t), hash('a'))
	must(t, err)
	if got.UserID != u.ID || !got.ExpiresAt.Equal(at(60)) || !got.Remember || got.Data != `{"x":1}` || got.CreatedAt.IsZero() {
		t.Errorf("session = %+v", got)
	}
	must(t, s.TouchSession(ctx(t), hash('a'), at(30), at(90)))
	got, err = s.SessionByTokenHash(ctx(t), hash('a'))
	must(t, err)
	if !got.ExpiresAt.Equal(at(90)) || !got.LastSeenAt.Equal(at(30)) {
		t.Errorf("after touch = %+v", got)
	}
	must(t, s.DeleteSession(ctx(t), hash('a')))
	_, err = s.SessionByTokenHash(ctx(t), hash('a'))
	wantCode(t, err, news.ENOTFOUND)
	wantCode(t, s.TouchSession(ctx(t), hash('a'), at(30), at(90)), news.ENOTFOUND)
	must(t, s.DeleteSession(ctx(t), hash('a'))) // already gone: not an error
}

func testSessionDeleteUserSessions(t *testing.T, s store.Store) {
	u, other := user(t, s, "ayse@ornek.example"), user(t, s, "mehmet@ornek.example")
	for i, c := range []byte("abc") {
		owner := u.ID
		if i == 2 {
			owner = other.ID
		}
		must(t, s.CreateSession(ctx(t), &news.Session{TokenHash: hash(c), UserID: owner, ExpiresAt: at(60)}))
	}
	n, err := s.DeleteUserSessions(ctx(t), u.ID, hash('a'))
	must(t, err)
	if n != 1 {
		t.Errorf("deleted %d sessions, want 1", n)
	}
	for c, want := range map[byte]bool{'a': true, 'b': false, 'c': true} {
		_, err := s.SessionByTokenHash(ctx(t), hash(c))
		if (err == nil) != want {
			t.Errorf("session %c exists = %v, want %v", c, err == nil, want)
		}
	}
}

func testSessionPurgeExpired(t *testing.T, s store.Store) {
	u := user(t, s, "ayse@ornek.example")
	must(t, s.CreateSession(ctx(t), &news.Session{TokenHash: hash('a'), UserID: u.ID, ExpiresAt: at(10)}))
	must(t, s.CreateSession(ctx(t), &news.Session{TokenHash: hash('b'), UserID: u.ID, ExpiresAt: at(30)}))
	must(t, s.CreatePasswordReset(ctx(t), hash('c'), u.ID, at(10)))
	n, err := s.PurgeExpiredSessions(ctx(t), at(20))
	must(t, err)
	if n != 2 {
		t.Errorf("purged %d, want 2", n)
	}
	if _, err := s.SessionByTokenHash(ctx(t), hash('b')); err != nil {
		t.Errorf("live session purged: %v", err)
	}
}

func testSessionErrRawToken(t *testing.T, s store.Store) {
	u := user(t, s, "ayse@ornek.example")
	raw := news.Session{TokenHash: "dGhpcyBpcyBhIHJhdyB0b2tlbg", UserID: u.ID, ExpiresAt: at(10)}
	wantCode(t, s.CreateSession(ctx(t), &raw), news.EINVALID)
	wantCode(t, s.CreatePasswordReset(ctx(t), "raw-token", u.ID, at(10)), news.EINVALID)
}

func testResetSingleUse(t *testing.T, s store.Store) {
	u := user(t, s, "ayse@ornek.example")
	must(t, s.CreatePasswordReset(ctx(t), hash('a'), u.ID, at(60)))
	must(t, s.CreatePasswordReset(ctx(t), hash('b'), u.ID, at(60)))
	id, err := s.ConsumePasswordReset(ctx(t), hash('a'), at(0))
	must(t, err)
	if id != u.ID {
		t.Errorf("user %d, want %d", id, u.ID)
	}
	_, err = s.ConsumePasswordReset(ctx(t), hash('a'), at(0))
	wantCode(t, err, news.EINVALID)
	_, err = s.ConsumePasswordReset(ctx(t), hash('b'), at(0)) // the user's other token went too
	wantCode(t, err, news.EINVALID)
}

// testResetCancelled: cancelling a user's reset tokens leaves other
// users' tokens alone.
func testResetCancelled(t *testing.T, s store.Store) {
	u := user(t, s, "ayse@ornek.example")
	other := user(t, s, "mehmet@ornek.example")
	must(t, s.CreatePasswordReset(ctx(t), hash('a'), u.ID, at(60)))
	must(t, s.CreatePasswordReset(ctx(t), hash('b'), u.ID, at(60)))
	must(t, s.CreatePasswordReset(ctx(t), hash('c'), other.ID, at(60)))
	must(t, s.DeletePasswordResets(ctx(t), u.ID))
	for _, c := range []byte{'a', 'b'} {
		_, err := s.ConsumePasswordReset(ctx(t), hash(c), at(0))
		wantCode(t, err, news.EINVALID)
	}
	if id, err := s.ConsumePasswordReset(ctx(t), hash('c'), at(0)); err != nil || id != other.ID {
		t.Errorf("other user's token: id %d, %v", id, err)
	}
}

func testResetExpires(t *testing.T, s store.Store) {
	u := user(t, s, "ayse@ornek.example")
	must(t, s.CreatePasswordReset(ctx(t), hash('a'), u.ID, at(60)))
	_, err := s.ConsumePasswordReset(ctx(t), hash('a'), at(60))
	wantCode(t, err, news.EINVALID)
}

// testResetConcurrent: of many simultaneous uses of one token, one wins.
func testResetConcurrent(t *testing.T, s store.Store) {
	u := user(t, s, "ayse@ornek.example")
	must(t, s.CreatePasswordReset(ctx(t), hash('a'), u.ID, at(60)))
	var wins atomic.Int32
	var wg sync.WaitGroup
	for range 10 {
		wg.Go(func() {
			if _, err := s.ConsumePasswordReset(ctx(t), hash('a'), at(0)); err == nil {
				wins.Add(1)
			} else if news.ErrorCode(err) != news.EINVALID {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if n := wins.Load(); n != 1 {
		t.Errorf("token used %d times, want once", n)
	}
}
