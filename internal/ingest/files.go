package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"manset/internal/extract"
	"manset/internal/news"
)

// MaxFileSize caps one page file after decompression; JSON Lines files are
// streamed and only each line is capped.
const (
	MaxFileSize = 64 << 20
	MaxLineSize = 16 << 20
)

// ImportPaths imports files and folders (recursively, in name order).
// A bad file is recorded in the summary and the run goes on; only a
// cancelled context stops it early.
func (im *Importer) ImportPaths(ctx context.Context, paths []string, opts Options) (*Summary, error) {
	var files []string
	sum := &Summary{}
	for _, p := range paths {
		found, err := listFiles(p)
		if err != nil {
			sum.add(p, Failed, 0, err)
			continue
		}
		files = append(files, found...)
	}
	var done int64
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return sum, err
		}
		im.importFile(ctx, f, func() (io.ReadCloser, error) { return im.openCounted(f, &done) }, opts, sum)
	}
	return sum, nil
}

// CountBytes returns the size of the files ImportPaths would read, for a
// progress bar that moves inside one large export too.
func CountBytes(paths []string) int64 {
	var n int64
	for _, p := range paths {
		found, _ := listFiles(p)
		for _, f := range found {
			if info, err := os.Stat(f); err == nil {
				n += info.Size()
			}
		}
	}
	return n
}

// openCounted opens a file whose reads advance *done and report Progress.
func (im *Importer) openCounted(name string, done *int64) (io.ReadCloser, error) {
	f, err := os.Open(name)
	if err != nil || im.Progress == nil {
		return f, err
	}
	return &countingFile{File: f, done: done, report: im.Progress}, nil
}

type countingFile struct {
	*os.File
	done   *int64
	report func(int64)
}

func (c *countingFile) Read(p []byte) (int, error) {
	n, err := c.File.Read(p)
	*c.done += int64(n)
	c.report(*c.done)
	return n, err
}

// ImportFS imports every file of fsys (used for the embedded demo content).
func (im *Importer) ImportFS(ctx context.Context, fsys fs.FS, opts Options) (*Summary, error) {
	sum := &Summary{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || skipName(d.Name()) || !importable(d.Name()) {
			return err
		}
		im.importFile(ctx, p, func() (io.ReadCloser, error) { return fsys.Open(p) }, opts, sum)
		return ctx.Err()
	})
	return sum, err
}

func listFiles(p string) ([]string, error) {
	info, err := os.Stat(p)
	if err != nil {
		return nil, news.WrapError(news.ENOTFOUND, "file.unreadable", err, errors.Unwrap(err))
	}
	if !info.IsDir() {
		return []string{p}, nil
	}
	var out []string
	err = filepath.WalkDir(p, func(f string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && f != p && skipName(d.Name()) {
			return filepath.SkipDir
		}
		if !d.IsDir() && !skipName(d.Name()) && importable(d.Name()) {
			out = append(out, f)
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}

// skipName hides dot files and editor leftovers in folders.
func skipName(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~")
}

// importable reports whether a file found while walking a folder is one we
// read; files named explicitly on the command line are always tried.
func importable(name string) bool {
	switch path.Ext(stripGz(name)) {
	case ".txt", ".html", ".htm", ".jsonl", ".ndjson", ".warc", ".xml", ".wxr":
		return true
	}
	return false
}

type format int

const (
	formatPage format = iota // HTML or text page dump, sniffed by the extractor
	formatJSONL
	formatWARC
	formatWXR
)

func stripGz(name string) string { return strings.TrimSuffix(strings.ToLower(name), ".gz") }

func formatOf(name string) format {
	n := stripGz(name)
	switch path.Ext(n) {
	case ".jsonl", ".ndjson":
		return formatJSONL
	case ".warc":
		return formatWARC
	case ".xml", ".wxr":
		return formatWXR
	}
	return formatPage
}

func (im *Importer) importFile(ctx context.Context, name string, open func() (io.ReadCloser, error), opts Options, sum *Summary) {
	f, err := open()
	if err != nil {
		sum.add(name, Failed, 0, err)
		return
	}
	defer f.Close()
	r, err := maybeGunzip(f, name)
	if err != nil {
		sum.add(name, Failed, 0, err)
		return
	}
	switch formatOf(name) {
	case formatJSONL:
		im.importJSONL(ctx, name, r, opts, sum)
	case formatWARC:
		im.importWARC(ctx, name, r, opts, sum)
	case formatWXR:
		im.importWXR(ctx, name, r, opts, sum)
	default:
		im.importPage(ctx, name, r, opts, sum)
	}
}

// maybeGunzip decompresses .gz files and files starting with the gzip magic.
func maybeGunzip(r io.Reader, name string) (io.Reader, error) {
	br := bufio.NewReader(r)
	magic, _ := br.Peek(2)
	if !bytes.Equal(magic, []byte{0x1f, 0x8b}) {
		if strings.HasSuffix(strings.ToLower(name), ".gz") {
			return nil, news.E(news.EINVALID, "file.not_gzip")
		}
		return br, nil
	}
	zr, err := gzip.NewReader(br)
	if err != nil {
		return nil, news.WrapError(news.EINVALID, "file.bad_gzip", err)
	}
	return zr, nil
}

func (im *Importer) importPage(ctx context.Context, name string, r io.Reader, opts Options, sum *Summary) {
	body, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		sum.add(name, Failed, 0, news.WrapError(news.EINVALID, "file.bad_compression", err))
		return
	}
	if len(body) > MaxFileSize {
		sum.add(name, Failed, 0, news.E(news.ETOOLARGE, "file.too_large", MaxFileSize>>20))
		return
	}
	x, err := extract.Page(body, "", contentTypeFor(name))
	if err != nil {
		sum.add(name, Failed, 0, err)
		return
	}
	o, id, err := im.SaveExtracted(ctx, x, opts)
	sum.add(name, o, id, err)
}

func contentTypeFor(name string) string {
	switch path.Ext(stripGz(name)) {
	case ".html", ".htm":
		return "text/html"
	}
	return ""
}
