package fetch

import (
	"net/netip"
	"net/url"
	"strconv"
	"strings"

	"manset/internal/news"
)

// blockedPrefixes are ranges a news fetcher has no business reaching: they
// are internal, reserved or special-purpose, so a URL that resolves there is
// an SSRF attempt or a misconfiguration. netip's own predicates cover the
// loopback, private, link-local, multicast and unspecified ranges.
var blockedPrefixes = mustPrefixes(
	"0.0.0.0/8",          // "this network"
	"100.64.0.0/10",      // carrier-grade NAT, often the cloud's internal side
	"192.0.0.0/24",       // IETF protocol assignments
	"192.0.2.0/24",       // documentation
	"198.18.0.0/15",      // benchmarking
	"198.51.100.0/24",    // documentation
	"203.0.113.0/24",     // documentation
	"240.0.0.0/4",        // reserved, includes 255.255.255.255
	"::/96",              // IPv4-compatible (deprecated), includes :: and ::1
	"64:ff9b:1::/48",     // local-use NAT64
	"100::/64",           // discard-only
	"2001::/23",          // IETF protocol assignments, includes Teredo
	"2001:db8::/32",      // documentation
	"fec0::/10",          // site-local (deprecated)
	"fc00::/7",           // unique local
	"ff00::/8",           // multicast
	"fe80::/10",          // link-local
	"::ffff:0:0:0/96",    // SIIT IPv4-translated
	"5f00::/16",          // SRv6 SIDs
	"3fff::/20",          // documentation (2024)
	"169.254.0.0/16",     // link-local, cloud metadata at 169.254.169.254
	"127.0.0.0/8",        // loopback
	"10.0.0.0/8",         // private
	"172.16.0.0/12",      // private
	"192.168.0.0/16",     // private
	"224.0.0.0/4",        // multicast
	"255.255.255.255/32", // broadcast
)

func mustPrefixes(ss ...string) []netip.Prefix {
	out := make([]netip.Prefix, len(ss))
	for i, s := range ss {
		out[i] = netip.MustParsePrefix(s)
	}
	return out
}

// isBlockedAddr reports whether a connection to a must be refused. An
// IPv4-mapped IPv6 address is judged as the IPv4 address it carries, and
// NAT64 and 6to4 addresses as the IPv4 address they embed, because that is
// where the packets end up.
func isBlockedAddr(a netip.Addr) bool {
	if !a.IsValid() {
		return true
	}
	a = a.Unmap().WithZone("")
	if a.IsLoopback() || a.IsPrivate() || a.IsUnspecified() || a.IsMulticast() ||
		a.IsLinkLocalUnicast() || a.IsLinkLocalMulticast() || a.IsInterfaceLocalMulticast() {
		return true
	}
	if v4, ok := embeddedIPv4(a); ok {
		return isBlockedAddr(v4)
	}
	for _, p := range blockedPrefixes {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

var (
	nat64Prefix = netip.MustParsePrefix("64:ff9b::/96")
	sixToFour   = netip.MustParsePrefix("2002::/16")
)

// embeddedIPv4 returns the IPv4 address inside a NAT64 or 6to4 address.
func embeddedIPv4(a netip.Addr) (netip.Addr, bool) {
	if !a.Is6() {
		return netip.Addr{}, false
	}
	b := a.As16()
	switch {
	case nat64Prefix.Contains(a):
		return netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]}), true
	case sixToFour.Contains(a):
		return netip.AddrFrom4([4]byte{b[2], b[3], b[4], b[5]}), true
	}
	return netip.Addr{}, false
}

// checkDialAddr is the SSRF guard proper: it runs after DNS resolution, on
// the very address the socket is about to connect to, so neither a hostname
// that resolves to an internal address nor DNS rebinding gets past it.
func (f *Fetcher) checkDialAddr(address string) error {
	if f.cfg.AllowPrivate {
		return nil
	}
	ap, err := netip.ParseAddrPort(address)
	if err != nil || f.blocked(ap) {
		return forbiddenAddr(address)
	}
	return nil
}

// isBlocked is the default guard predicate; the port does not matter.
func isBlocked(ap netip.AddrPort) bool { return isBlockedAddr(ap.Addr()) }

func forbiddenAddr(address string) error {
	return news.E(news.EFORBIDDEN, "fetch.private_address", address)
}

// checkURL parses raw and refuses what the fetcher never requests: other
// schemes than http(s), URLs with credentials, URLs without a host. A host
// written as an IP literal is checked here already, before any request.
func (f *Fetcher) checkURL(raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return nil, news.WrapError(news.EINVALID, "fetch.bad_url_quoted", err, raw)
	}
	return u, f.checkParsedURL(u)
}

func (f *Fetcher) checkParsedURL(u *url.URL) error {
	switch {
	case u.Scheme != "http" && u.Scheme != "https":
		return news.E(news.EFORBIDDEN, "fetch.bad_scheme", u.Redacted())
	case u.User != nil:
		return news.E(news.EFORBIDDEN, "fetch.userinfo", u.Redacted())
	case u.Hostname() == "":
		return news.E(news.EINVALID, "fetch.no_host", u.String())
	}
	if f.cfg.AllowPrivate {
		return nil
	}
	// Names are judged when dialled, on the addresses they resolve to.
	a, err := netip.ParseAddr(u.Hostname())
	if err != nil {
		return nil
	}
	port, _ := strconv.ParseUint(u.Port(), 10, 16)
	if port == 0 {
		port = map[string]uint64{"http": 80, "https": 443}[u.Scheme]
	}
	if f.blocked(netip.AddrPortFrom(a, uint16(port))) {
		return forbiddenAddr(u.Host)
	}
	return nil
}
