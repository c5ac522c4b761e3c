// Package web serves Manşet's reader site and its read API: server-rendered
// Turkish HTML pages, JSON under /api/v1, feeds and sitemaps. Rendered pages
// are kept in an in-memory cache of bytes (raw and gzip) so that a hit costs
// no database query, no template execution and no compression.
package web

import (
	"context"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"time"

	"manset/internal/auth"
	"manset/internal/search"
)

// Config configures a Server.
type Config struct {
	// BaseURL is the public origin, e.g. "http://localhost:8080"; used for
	// absolute URLs in feeds, canonical links, JSON-LD and share links.
	BaseURL string
	Logger  *slog.Logger
	// Now returns the current time; nil means time.Now.
	Now func() time.Time
	// PollInterval is how often an engine without notifications (SQLite)
	// reads its change log to invalidate cached pages (default 1s).
	PollInterval time.Duration
	// Secret signs comment-form timestamps; empty means random per process
	// (set it when several nodes serve the site).
	Secret []byte
	// ClientIPHeader names the header a trusted reverse proxy sets to the
	// client's address (e.g. "X-Forwarded-For"); empty uses the peer.
	ClientIPHeader string
	// EngageLimits are per-IP limits on reactions and comments.
	EngageLimits EngageLimits
}

// Server is the reader site and read API.
type Server struct {
	baseURL string
	log     *slog.Logger
	now     func() time.Time
	poll    time.Duration
	store   ReaderStore
	pages   *pageCache
	flight  flightGroup
	assets  *assetSet
	tmpl    *templates
	mux     *http.ServeMux
	handler http.Handler
	views   viewCounter // article page views, flushed to the store
	metrics *metrics

	auth          *auth.Service // nil: accounts off
	buckets       auth.Buckets  // nil: rate limits counted per process
	engage        EngageStore   // nil: reactions and comments off
	secret        []byte
	secureCookies bool
	ipHeader      string
	reactLimit    *auth.Limiter
	commentLimit  *auth.Limiter
	fetchSource   func(ctx context.Context, id int64) error // nil: no "Şimdi çek"
}

// New returns the site built from deps; deps.Reader is required.
func New(cfg Config, deps Deps) *Server {
	s := &Server{
		baseURL: strings.TrimRight(cfg.BaseURL, "/"),
		log:     cfg.Logger,
		now:     cfg.Now,
		poll:    cfg.PollInterval,
		store:   deps.Reader,
		pages:   newPageCache(defaultCacheBytes),

		fetchSource: deps.FetchSource,
	}
	if s.store == nil {
		panic("web: New needs a ReaderStore")
	}
	if s.baseURL == "" {
		s.baseURL = "http://localhost:8080"
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if s.now == nil {
		s.now = time.Now
	}
	if s.poll <= 0 {
		s.poll = time.Second
	}
	s.metrics = newMetrics(s)
	s.initEngage(cfg, deps)
	s.assets = mustLoadAssets()
	s.tmpl = mustLoadTemplates(s.templateFuncs())
	s.addAccountTemplates(s.templateFuncs())
	s.mux = s.routes(deps.Search)
	s.adminRoutes(deps.Newsroom)
	s.kaiRoutes(deps.KAI)
	s.tmpl.localize() // after every page template is parsed
	s.handler = s.middleware(s.crossOrigin(s.withLocale(s.mux)))
	return s
}

// Handler returns the HTTP handler of the site.
func (s *Server) Handler() http.Handler { return s.handler }

// Invalidate drops every cached page; call it after an in-process write.
func (s *Server) Invalidate() { s.pages.clear() }

// Start watches the store for writes by any process and drops the cached
// pages that show what changed, and flushes page views. It returns at once;
// both stop when ctx ends.
func (s *Server) Start(ctx context.Context) {
	go s.views.run(ctx, s.store, s.now, s.log)
	go s.store.WatchContent(ctx, s.poll, s.contentChanged)
}

// contentChanged drops the pages a write touched: every page for a
// site-wide change, else the changed articles' own pages, the pages that
// show them (related news, story timelines) and the listings, which may
// now show a new article.
func (s *Server) contentChanged(articleIDs []int64) {
	if len(articleIDs) == 0 || slices.Contains(articleIDs, 0) {
		s.log.Debug("web: site-wide change, page cache dropped")
		s.pages.clear()
		return
	}
	n := s.pages.dropArticles(articleIDs)
	s.log.Debug("web: articles changed", slog.Any("articles", articleIDs), slog.Int("pages_dropped", n))
}

// routes registers one handler per route; handlers live in files named for
// their action.
func (s *Server) routes(searcher *search.Service) *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.cached(pathKey, s.renderHome))
	mux.HandleFunc("GET /kategori/{slug}", s.cached(categoryKey, s.renderCategory))
	mux.HandleFunc("GET /haber/{slug}", s.articlePage())
	mux.HandleFunc("GET /static/{file}", s.serveAsset)
	mux.HandleFunc("GET /favicon.ico", s.redirectFavicon)
	mux.HandleFunc("GET /healthz", s.healthz)
	mux.HandleFunc("GET /readyz", s.readyz)
	mux.HandleFunc("GET /robots.txt", s.robots)
	mux.HandleFunc("GET /metrics", s.serveMetrics(s.metrics.handler()))
	s.feedRoutes(mux)

	mux.HandleFunc("GET /api/v1/articles", s.listArticlesAPI)
	mux.HandleFunc("GET /api/v1/articles/{id}", s.getArticleAPI)
	mux.HandleFunc("GET /api/v1/categories", s.listCategoriesAPI)
	s.searchRoutes(mux, searcher)
	s.engageRoutes(mux)
	mux.HandleFunc("/api/", s.apiNotFound)
	mux.HandleFunc("/", s.notFound)
	return mux
}
