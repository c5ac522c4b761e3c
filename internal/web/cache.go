package web

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// defaultCacheBytes bounds the page cache (raw plus gzip bytes).
const defaultCacheBytes = 64 << 20

// Cache-Control for cached pages. "no-cache" lets browsers and a CDN keep
// the page but makes them revalidate with the ETag each time: a correction
// by an editor reaches readers at once, and the revalidation costs us one
// map lookup and a 304.
var (
	hdrPageCacheControl = []string{"public, no-cache"}
	hdrVaryEncoding     = []string{"Accept-Encoding"}
	hdrGzip             = []string{"gzip"}
)

// page is one rendered response before it enters the cache.
type page struct {
	body        []byte
	contentType string
	// expires is when the page may have gone stale by itself (a scheduled
	// article due, or a short TTL for lists).
	expires time.Time
	// articleID is set on article pages, whose views are counted; pages
	// without one are listings (home, categories, feeds, sitemaps).
	articleID int64
	// shows lists the other articles an article page links to (related
	// news, the story's timeline): their changes make it stale too.
	shows []int64
}

// pageEntry is a cached page with its precomputed headers, so a hit only
// copies slices into the header map and writes bytes.
type pageEntry struct {
	raw, gz          []byte
	etag, etagGz     string
	hdrType          []string
	hdrVary          []string
	hdrETag          []string
	hdrETagGz        []string
	hdrLen, hdrLenGz []string
	expires          time.Time
	articleID        int64
	shows            []int64
	lastUsed         atomic.Int64
}

func (e *pageEntry) size() int { return len(e.raw) + len(e.gz) + 256 }

func newPageEntry(p page) *pageEntry {
	sum := sha256.Sum256(p.body)
	tag := base64.RawURLEncoding.EncodeToString(sum[:12])
	e := &pageEntry{
		raw:     p.body,
		etag:    `"` + tag + `"`,
		etagGz:  `"` + tag + `-gz"`,
		hdrType: []string{p.contentType},
		expires: p.expires,

		articleID: p.articleID,
		shows:     p.shows,
	}
	e.hdrVary = hdrVaryEncoding
	if strings.HasPrefix(p.contentType, "text/html") {
		e.hdrVary = hdrVaryHTML
	}
	e.hdrETag = []string{e.etag}
	e.hdrETagGz = []string{e.etagGz}
	e.hdrLen = []string{strconv.Itoa(len(e.raw))}
	if gz := gzipBytes(p.body); len(gz) < len(p.body) {
		e.gz = gz
		e.hdrLenGz = []string{strconv.Itoa(len(gz))}
	}
	return e
}

func gzipBytes(b []byte) []byte {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.DefaultCompression)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

// pageCache is a size-bounded map of rendered pages with approximate LRU
// eviction. A generation counter keeps a render that raced with an
// invalidation from storing stale bytes.
type pageCache struct {
	mu       sync.RWMutex
	entries  map[string]*pageEntry
	bytes    int
	maxBytes int
	gen      uint64
	clock    atomic.Int64 // logical time for lastUsed
}

func newPageCache(maxBytes int) *pageCache {
	return &pageCache{entries: make(map[string]*pageEntry), maxBytes: maxBytes}
}

// get returns the live entry for key, or nil.
func (c *pageCache) get(key string, now time.Time) *pageEntry {
	c.mu.RLock()
	e := c.entries[key]
	c.mu.RUnlock()
	if e == nil || (!e.expires.IsZero() && !now.Before(e.expires)) {
		return nil
	}
	e.lastUsed.Store(c.clock.Add(1))
	return e
}

// generation returns the current generation, to pass to put later.
func (c *pageCache) generation() uint64 {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.gen
}

// put stores e unless the cache was cleared since gen was read.
func (c *pageCache) put(key string, e *pageEntry, gen uint64) {
	if e.size() > c.maxBytes/8 {
		return // one huge page must not flush everything else
	}
	e.lastUsed.Store(c.clock.Add(1))
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen != c.gen {
		return
	}
	if old := c.entries[key]; old != nil {
		c.bytes -= old.size()
	}
	c.entries[key] = e
	c.bytes += e.size()
	if c.bytes > c.maxBytes {
		c.evictLocked()
	}
}

// evictLocked drops the least recently used entries until the cache is at
// three quarters of its bound, so eviction scans run rarely.
func (c *pageCache) evictLocked() {
	target := c.maxBytes * 3 / 4
	for c.bytes > target && len(c.entries) > 0 {
		var oldKey string
		var oldest int64 = -1
		for k, e := range c.entries {
			if u := e.lastUsed.Load(); oldest < 0 || u < oldest {
				oldKey, oldest = k, u
			}
		}
		c.bytes -= c.entries[oldKey].size()
		delete(c.entries, oldKey)
	}
}

// clear drops every entry and starts a new generation.
func (c *pageCache) clear() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.entries = make(map[string]*pageEntry)
	c.bytes = 0
	c.gen++
}

// delete drops one page, in every locale. It also starts a new generation, so that a
// render of that page begun before the write does not store old bytes;
// other pages rendering at that moment just skip the cache once.
func (c *pageCache) delete(key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, k := range append([]string{key}, localeKeys(key)...) {
		if e := c.entries[k]; e != nil {
			c.bytes -= e.size()
			delete(c.entries, k)
		}
	}
	c.gen++
}

// dropArticles drops the pages of the given articles, the article pages
// that show them, and every listing, and returns how many went. Other
// article pages stay: a trickle of new articles no longer empties the
// cache. A new generation keeps renders begun before the write from
// storing old bytes.
func (c *pageCache) dropArticles(ids []int64) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := 0
	for k, e := range c.entries {
		if e.articleID == 0 || slices.Contains(ids, e.articleID) || sharesAny(e.shows, ids) {
			c.bytes -= e.size()
			delete(c.entries, k)
			n++
		}
	}
	c.gen++
	return n
}

// sharesAny reports whether a and b have an element in common; both are
// short.
func sharesAny(a, b []int64) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}

// size returns the bytes held, for the metrics.
func (c *pageCache) size() int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.bytes
}

// len returns the number of cached pages.
func (c *pageCache) len() int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return len(c.entries)
}

// keyFunc maps a request to its cache key; ok=false means "do not cache,
// answer 404" (e.g. a malformed page number).
type keyFunc func(r *http.Request) (key string, ok bool)

// renderFunc renders a page for a cache miss.
type renderFunc func(r *http.Request) (page, error)

// cached serves a page from the cache, rendering and storing it on a miss.
// Concurrent misses for one key share a single render.
func (s *Server) cached(key keyFunc, render renderFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		k, ok := key(r)
		if !ok {
			s.notFound(w, r)
			return
		}
		k = localeKey(k, localeFrom(r.Context()))
		if e := s.pages.get(k, s.now()); e != nil {
			markCacheHit(w)
			s.views.hit(e.articleID)
			serveEntry(w, r, e)
			return
		}
		e, err := s.flight.do(k, func() (*pageEntry, error) {
			gen := s.pages.generation()
			// Waiters share this render: one client leaving must not fail it.
			p, err := render(r.WithContext(context.WithoutCancel(r.Context())))
			if err != nil {
				return nil, err
			}
			e := newPageEntry(p)
			s.pages.put(k, e, gen)
			return e, nil
		})
		if err != nil {
			s.serveError(w, r, err)
			return
		}
		s.views.hit(e.articleID)
		serveEntry(w, r, e)
	}
}

// serveEntry writes a cached page, honouring If-None-Match and gzip.
func serveEntry(w http.ResponseWriter, r *http.Request, e *pageEntry) {
	h := w.Header()
	h["Content-Type"] = e.hdrType
	h["Vary"] = e.hdrVary
	h["Cache-Control"] = hdrPageCacheControl
	gz := e.gz != nil && acceptsGzip(r.Header.Get("Accept-Encoding"))
	if gz {
		h["Etag"] = e.hdrETagGz
	} else {
		h["Etag"] = e.hdrETag
	}
	if inm := r.Header.Get("If-None-Match"); inm != "" && etagMatch(inm, e) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	body := e.raw
	if gz {
		h["Content-Encoding"] = hdrGzip
		h["Content-Length"] = e.hdrLenGz
		body = e.gz
	} else {
		h["Content-Length"] = e.hdrLen
	}
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// etagMatch reports whether an If-None-Match list names either
// representation of e; both are the same content.
func etagMatch(inm string, e *pageEntry) bool {
	if strings.TrimSpace(inm) == "*" {
		return true
	}
	for _, t := range strings.Split(inm, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == e.etag || t == e.etagGz {
			return true
		}
	}
	return false
}

// acceptsGzip reports whether an Accept-Encoding header allows gzip.
func acceptsGzip(ae string) bool {
	for ae != "" {
		var part string
		part, ae, _ = strings.Cut(ae, ",")
		name, params, _ := strings.Cut(part, ";")
		name = strings.TrimSpace(name)
		if name != "gzip" && name != "*" {
			continue
		}
		params = strings.ReplaceAll(params, " ", "")
		return !strings.HasPrefix(params, "q=0") || strings.HasPrefix(params, "q=0.") && strings.Trim(params[4:], "0") != ""
	}
	return false
}

// flightGroup collapses concurrent renders of one key into one.
type flightGroup struct {
	mu    sync.Mutex
	calls map[string]*flightCall
}

type flightCall struct {
	done chan struct{}
	e    *pageEntry
	err  error
}

func (g *flightGroup) do(key string, fn func() (*pageEntry, error)) (*pageEntry, error) {
	g.mu.Lock()
	if c, ok := g.calls[key]; ok {
		g.mu.Unlock()
		<-c.done
		return c.e, c.err
	}
	if g.calls == nil {
		g.calls = make(map[string]*flightCall)
	}
	// A render that panics leaves this error for the waiters.
	c := &flightCall{done: make(chan struct{}), err: errors.New("web: page render failed")}
	g.calls[key] = c
	g.mu.Unlock()

	defer func() {
		g.mu.Lock()
		delete(g.calls, key)
		g.mu.Unlock()
		close(c.done)
	}()
	c.e, c.err = fn()
	return c.e, c.err
}
