package fetch

import (
	"net/netip"
	"strconv"
	"testing"
	"time"
)

// FuzzParseRetryAfter checks that any header value gives a wait between 0
// and maxBackoff, and that small delay-seconds are read exactly.
func FuzzParseRetryAfter(f *testing.F) {
	for _, s := range []string{"120", "0", " 7 ", "-5", "1.5", "99999999999999999999999",
		"Fri, 14 Mar 2025 09:01:30 GMT", "Friday, 14-Mar-25 09:01:30 GMT", "Fri Mar 14 09:01:30 2025",
		"Thu, 01 Jan 1970 00:00:00 GMT", "yarın", ""} {
		f.Add(s)
	}
	now := time.Date(2025, 3, 14, 9, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := parseRetryAfter(s, now)
		if d < 0 || d > maxBackoff {
			t.Fatalf("parseRetryAfter(%q) = %s, out of [0, %s]", s, d, maxBackoff)
		}
		if !ok && d != 0 {
			t.Fatalf("parseRetryAfter(%q) = %s with ok=false", s, d)
		}
		if n, err := strconv.Atoi(s); err == nil && isDigits(s) && n <= 3600 {
			if !ok || d != time.Duration(n)*time.Second {
				t.Fatalf("parseRetryAfter(%q) = %s, %v; want %ds", s, d, ok, n)
			}
		}
	})
}

// FuzzIsBlockedAddr checks the classifier's invariants on any 16 bytes: an
// IPv4-mapped address is judged as its IPv4 address, every range netip
// calls special is blocked, and NAT64 cannot smuggle a blocked IPv4.
func FuzzIsBlockedAddr(f *testing.F) {
	for _, s := range []string{"127.0.0.1", "::ffff:10.0.0.1", "169.254.169.254", "fc00::1", "::1",
		"64:ff9b::7f00:1", "2002:a00:1::", "93.184.216.34", "2606:4700::1111", "100.64.0.1"} {
		b := netip.MustParseAddr(s).As16()
		f.Add(b[:])
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) != 16 {
			return
		}
		a := netip.AddrFrom16([16]byte(b))
		got := isBlockedAddr(a)
		if a.Is4In6() && got != isBlockedAddr(a.Unmap()) {
			t.Fatalf("%s and %s judged differently", a, a.Unmap())
		}
		u := a.Unmap()
		special := u.IsLoopback() || u.IsPrivate() || u.IsUnspecified() || u.IsMulticast() ||
			u.IsLinkLocalUnicast() || u.IsLinkLocalMulticast()
		if special && !got {
			t.Fatalf("%s allowed, but it is special-purpose", a)
		}
		if u.Is4() {
			v4 := u.As4()
			nat64 := netip.AddrFrom16([16]byte{0, 0x64, 0xff, 0x9b, 10: 0, 11: 0, 12: v4[0], 13: v4[1], 14: v4[2], 15: v4[3]})
			if isBlockedAddr(nat64) != isBlockedAddr(u) {
				t.Fatalf("NAT64 %s judged unlike %s", nat64, u)
			}
		}
	})
}
