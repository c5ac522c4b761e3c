// Package auth runs Manşet's accounts: argon2id passwords, database-backed
// sessions, password resets through a Mailer, roles, and the rate limits
// that keep login and signup from being brute-forced. It declares the small
// store interface it needs; HTTP lives in internal/web.
package auth

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"

	"manset/internal/news"
)

// Password length limits, in characters. The upper one bounds the work an
// attacker can make us do per request.
const (
	MinPasswordLen = 8
	MaxPasswordLen = 256
)

// Params are argon2id's cost parameters.
type Params struct {
	Memory  uint32 // KiB
	Time    uint32 // passes
	Threads uint8
	SaltLen uint32 // bytes
	KeyLen  uint32 // bytes
}

// DefaultParams follow OWASP's minimum for argon2id (19 MiB, 2 passes, 1
// lane): about 30 ms on one core, so two cores can check ~60 logins/s.
var DefaultParams = Params{Memory: 19 * 1024, Time: 2, Threads: 1, SaltLen: 16, KeyLen: 32}

// TestParams are cheap, for tests only: never use them for real accounts.
var TestParams = Params{Memory: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}

// Bounds on parameters read back from a stored hash, so that a corrupted
// or hostile hash cannot make one verification take all the memory.
const (
	maxMemory  = 1 << 20 // 1 GiB
	maxTime    = 20
	maxThreads = 16
)

var b64 = base64.RawStdEncoding

// ValidatePassword checks a new password's length.
func ValidatePassword(password string) error {
	n := utf8.RuneCountInString(password)
	if n < MinPasswordLen || n > MaxPasswordLen || !utf8.ValidString(password) {
		return news.E(news.EINVALID, "auth.password_length", MinPasswordLen, MaxPasswordLen)
	}
	return nil
}

// HashPassword returns the PHC string of password under p:
// $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>, base64 without padding.
func HashPassword(password string, p Params) string {
	salt := make([]byte, p.SaltLen)
	rand.Read(salt) // never fails: crypto/rand panics rather than return short
	key := argon2.IDKey([]byte(password), salt, p.Time, p.Memory, p.Threads, p.KeyLen)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, p.Memory, p.Time, p.Threads, b64.EncodeToString(salt), b64.EncodeToString(key))
}

// errBadHash says a stored hash cannot be parsed; it never reaches readers.
var errBadHash = errors.New("auth: malformed password hash")

// parseHash reads a PHC argon2id string.
func parseHash(encoded string) (p Params, salt, key []byte, err error) {
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" || parts[2] != fmt.Sprintf("v=%d", argon2.Version) {
		return p, nil, nil, errBadHash
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.Memory, &p.Time, &p.Threads); err != nil {
		return p, nil, nil, errBadHash
	}
	if p.Memory == 0 || p.Memory > maxMemory || p.Time == 0 || p.Time > maxTime || p.Threads == 0 || p.Threads > maxThreads {
		return p, nil, nil, errBadHash
	}
	if salt, err = b64.DecodeString(parts[4]); err != nil || len(salt) < 8 || len(salt) > 64 {
		return p, nil, nil, errBadHash
	}
	if key, err = b64.DecodeString(parts[5]); err != nil || len(key) < 16 || len(key) > 64 {
		return p, nil, nil, errBadHash
	}
	p.SaltLen, p.KeyLen = uint32(len(salt)), uint32(len(key))
	return p, salt, key, nil
}

// VerifyPassword reports whether password matches the PHC string
// encoded, comparing in constant time. A malformed hash is an error.
func VerifyPassword(encoded, password string) (bool, error) {
	p, salt, key, err := parseHash(encoded)
	if err != nil {
		return false, err
	}
	got := argon2.IDKey([]byte(password), salt, p.Time, p.Memory, p.Threads, p.KeyLen)
	return subtle.ConstantTimeCompare(got, key) == 1, nil
}

// NeedsRehash reports whether encoded was made with other parameters than
// p, so a login can upgrade it.
func NeedsRehash(encoded string, p Params) bool {
	got, _, _, err := parseHash(encoded)
	return err != nil || got.Memory != p.Memory || got.Time != p.Time || got.Threads != p.Threads ||
		got.KeyLen != p.KeyLen || got.SaltLen != p.SaltLen
}
