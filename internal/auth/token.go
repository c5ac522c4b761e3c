package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
)

// tokenLen is the length of an encoded token: 32 random bytes, base64url.
var tokenLen = base64.RawURLEncoding.EncodedLen(32)

// NewToken returns 32 random bytes, base64url-encoded without padding:
// a session or reset token for the client. Only its HashToken is stored.
func NewToken() string {
	b := make([]byte, 32)
	rand.Read(b) // never fails: crypto/rand panics rather than return short
	return base64.RawURLEncoding.EncodeToString(b)
}

// HashToken returns the hex SHA-256 of token, the form the store keeps. A
// plain hash suffices: tokens carry 256 random bits, so there is nothing to
// guess that a slow hash would protect.
func HashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// wellFormed reports whether token could be one of ours, sparing the
// database lookups of garbage cookies.
func wellFormed(token string) bool {
	if len(token) != tokenLen {
		return false
	}
	_, err := base64.RawURLEncoding.DecodeString(token)
	return err == nil
}
