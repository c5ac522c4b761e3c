package web

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
)

//go:embed static
var staticFS embed.FS

var hdrImmutable = []string{"public, max-age=31536000, immutable"}

// asset is one embedded static file, served under a URL carrying a prefix of
// its SHA-256 so it can be cached forever.
type asset struct {
	raw, gz  []byte
	hdrType  []string
	hdrLen   []string
	hdrLenGz []string
	hdrETag  []string
}

// assetSet maps hashed file names ("style.3f2a9c1b0d.css") to assets and
// plain names to hashed URLs.
type assetSet struct {
	byHashed map[string]*asset
	urls     map[string]string
}

func mustLoadAssets() *assetSet {
	set := &assetSet{byHashed: map[string]*asset{}, urls: map[string]string{}}
	err := fs.WalkDir(staticFS, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := staticFS.ReadFile(p)
		if err != nil {
			return err
		}
		name := strings.TrimPrefix(p, "static/")
		sum := sha256.Sum256(b)
		ext := path.Ext(name)
		hashed := strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:5]) + ext
		a := &asset{raw: b, hdrLen: []string{strconv.Itoa(len(b))},
			hdrETag: []string{`"` + hex.EncodeToString(sum[:8]) + `"`}}
		ctype := mime.TypeByExtension(ext)
		if ctype == "" {
			ctype = "application/octet-stream"
		}
		a.hdrType = []string{ctype}
		if gz := gzipBytes(b); len(gz) < len(b)*9/10 {
			a.gz = gz
			a.hdrLenGz = []string{strconv.Itoa(len(gz))}
		}
		set.byHashed[hashed] = a
		set.urls[name] = "/static/" + hashed
		return nil
	})
	if err != nil {
		panic("web: loading embedded assets: " + err.Error())
	}
	return set
}

// url returns the hashed URL of the named asset; an unknown name panics at
// template execution, which tests catch.
func (a *assetSet) url(name string) (string, error) {
	u, ok := a.urls[name]
	if !ok {
		return "", fs.ErrNotExist
	}
	return u, nil
}

// serveAsset serves an embedded file under its hashed name; any other name,
// including a stale hash, is 404 so it never gets cached forever.
func (s *Server) serveAsset(w http.ResponseWriter, r *http.Request) {
	a := s.assets.byHashed[r.PathValue("file")]
	if a == nil {
		http.Error(w, "404 sayfa bulunamadı", http.StatusNotFound)
		return
	}
	markCacheHit(w)
	h := w.Header()
	h["Content-Type"] = a.hdrType
	h["Cache-Control"] = hdrImmutable
	h["Etag"] = a.hdrETag
	h["Vary"] = hdrVaryEncoding
	if r.Header.Get("If-None-Match") == a.hdrETag[0] {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	body := a.raw
	if a.gz != nil && acceptsGzip(r.Header.Get("Accept-Encoding")) {
		h["Content-Encoding"] = hdrGzip
		h["Content-Length"] = a.hdrLenGz
		body = a.gz
	} else {
		h["Content-Length"] = a.hdrLen
	}
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// redirectFavicon points browsers that ask for /favicon.ico at the SVG.
func (s *Server) redirectFavicon(w http.ResponseWriter, r *http.Request) {
	u, _ := s.assets.url("favicon.svg")
	http.Redirect(w, r, u, http.StatusMovedPermanently)
}
