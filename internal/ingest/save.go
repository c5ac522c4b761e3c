package ingest

import (
	"cmp"
	"context"
	"html"
	"net/url"
	"strings"
	"unicode/utf8"

	"manset/internal/extract"
	"manset/internal/ingest/dedup"
	"manset/internal/news"
	"manset/internal/turkish"
)

// item is one article on its way into the store, with the hints that decide
// its category and source.
type item struct {
	article      *news.Article
	categorySlug string   // an explicit category slug
	categoryPath []string // names from a breadcrumb or record, root first
	sourceName   string
	sourceHome   string
}

// SaveExtracted stores one extracted page, deduplicating it.
func (im *Importer) SaveExtracted(ctx context.Context, x news.Extracted, opts Options) (Outcome, int64, error) {
	a := &news.Article{
		Title: x.Title, Summary: x.Summary, BodyText: x.Text, BodyHTML: x.HTML,
		Author: x.Author, Image: x.Image, Lang: x.Lang,
		SourceURL:    cmp.Or(x.CanonicalURL, x.URL),
		CanonicalURL: cmp.Or(x.CanonicalURL, x.URL),
		PublishedAt:  x.PublishedAt, ModifiedAt: x.ModifiedAt,
	}
	path := x.Breadcrumb
	if len(path) == 0 && x.Category != "" && !isURLSection(x.Category, cmp.Or(x.CanonicalURL, x.URL)) {
		path = []string{x.Category}
	}
	in := item{article: a, categoryPath: path, sourceName: x.SiteName}
	in.sourceHome = news.HomeURL(a.SourceURL)
	if u, err := url.Parse(in.sourceHome); err == nil && u.Host != "" && in.sourceName == "" {
		in.sourceName = strings.TrimPrefix(u.Hostname(), "www.")
	}
	return im.save(ctx, in, opts)
}

func (im *Importer) save(ctx context.Context, in item, opts Options) (Outcome, int64, error) {
	a := in.article
	normalise(a)
	if a.Title == "" {
		return Failed, 0, news.E(news.EINVALID, "import.no_title")
	}
	if a.BodyText == "" {
		return Failed, 0, news.E(news.EINVALID, "import.no_body")
	}
	if opts.Status != "" {
		a.Status = opts.Status
	}
	if err := im.decideCategory(ctx, a, in, opts); err != nil {
		return Failed, 0, err
	}
	if err := im.decideSource(ctx, a, in, opts); err != nil {
		return Failed, 0, err
	}
	if o, id, done, err := im.dedupe(ctx, a); done || err != nil {
		return o, id, err
	}
	if err := im.categoriseLate(ctx, a); err != nil {
		return Failed, 0, err
	}
	if err := im.store.CreateArticle(ctx, a); err != nil {
		return Failed, 0, err
	}
	im.remember(a)
	im.recordSource(ctx, a.ID, a)
	// The article is stored; a failed clustering only costs the grouping.
	if err := im.cluster(ctx, a); err != nil {
		im.logger.Warn("clustering article into a story", "id", a.ID, "err", err)
	}
	im.logger.Debug("article imported", "id", a.ID, "slug", a.Slug)
	return Imported, a.ID, nil
}

// dedupe looks for a stored copy of a: the same canonical URL or text
// first, then a near copy (a new headline, a trimmed or edited agency
// text). done is true when a was merged into a copy; the copy's outlet list
// then gains a's.
func (im *Importer) dedupe(ctx context.Context, a *news.Article) (o Outcome, id int64, done bool, err error) {
	old, err := im.store.FindDuplicate(ctx, a.CanonicalURL, a.ContentHash)
	if err != nil && !news.IsNotFound(err) {
		return Failed, 0, true, err
	}
	found := err == nil
	if !found {
		if old, found, err = im.findNearCopy(ctx, a); err != nil {
			return Failed, 0, true, err
		}
	}
	if !found {
		return 0, 0, false, nil
	}
	o, id, err = im.merge(ctx, old, a)
	if err == nil {
		im.recordSource(ctx, id, a)
	}
	return o, id, true, err
}

// merge decides between a stored copy and a new one of the same article:
// identical content is skipped; a changed version of the same URL replaces
// the stored one, keeping its id, slug and newsroom fields.
func (im *Importer) merge(ctx context.Context, old news.Article, a *news.Article) (Outcome, int64, error) {
	if old.ContentHash == a.ContentHash && old.Title == a.Title {
		return Skipped, old.ID, nil
	}
	if a.CanonicalURL == "" || old.CanonicalURL != a.CanonicalURL {
		// Same text under another URL: a republished copy; keep the first.
		return Skipped, old.ID, nil
	}
	a.ID, a.Slug, a.Featured, a.StoryID = old.ID, old.Slug, old.Featured, old.StoryID
	if a.PublishedAt == nil {
		a.PublishedAt = old.PublishedAt
	}
	if a.CategoryID == 0 {
		a.CategoryID, a.CategoryMethod = old.CategoryID, old.CategoryMethod
	}
	if a.Status == "" {
		a.Status = old.Status
	}
	a.ImportedAt = old.ImportedAt
	if err := im.store.UpdateArticle(ctx, a); err != nil {
		return Failed, 0, err
	}
	im.remember(a)
	return Updated, a.ID, nil
}

func (im *Importer) decideCategory(ctx context.Context, a *news.Article, in item, opts Options) error {
	if opts.Category == "" && opts.SourceCategory != "" {
		c, err := im.store.CategoryBySlug(ctx, opts.SourceCategory)
		if err == nil {
			a.CategoryID, a.CategoryMethod = c.ID, "source"
			return nil
		}
		if !news.IsNotFound(err) {
			return err
		}
	}
	slug, method := opts.Category, "manual"
	if slug == "" {
		slug, method = in.categorySlug, "source"
	}
	if slug != "" {
		c, err := im.store.CategoryBySlug(ctx, slug)
		if err == nil {
			a.CategoryID, a.CategoryMethod = c.ID, method
			return nil
		}
		if !news.IsNotFound(err) {
			return err
		}
		// A forced category must exist; a record's own slug may fall back
		// to its category path.
		if method == "manual" || len(in.categoryPath) == 0 {
			return news.E(news.EINVALID, "category.unknown", slug)
		}
	}
	path := categoryPath(in.categoryPath)
	if len(path) == 0 {
		return nil // left uncategorised; the classifier may decide later
	}
	c, err := im.store.EnsureCategoryPath(ctx, path...)
	if err != nil {
		return err
	}
	a.CategoryID, a.CategoryMethod = c.ID, "breadcrumb"
	return nil
}

// isURLSection reports whether a page's category is only the first
// segment of its URL. Such a guess must map to one of the site's own
// categories (classify.FromURL, later) rather than create a new one from
// whatever the outlet's URLs say ("/gizli/...", "/yerel/...").
func isURLSection(category, rawURL string) bool {
	u, err := url.Parse(rawURL)
	if err != nil {
		return false
	}
	first, _, _ := strings.Cut(strings.TrimPrefix(u.Path, "/"), "/")
	return first != "" && foldKey(first) == foldKey(category)
}

// foldKey folds a name to ASCII letters and digits for comparison.
func foldKey(s string) string {
	var b strings.Builder
	for _, r := range turkish.Fold(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// homeNames are breadcrumb roots that mean "the home page", not a category.
var homeNames = map[string]bool{"ana sayfa": true, "anasayfa": true, "home": true, "manşet": true}

// categoryPath cleans a breadcrumb into a category path under "Haberler".
func categoryPath(names []string) []string {
	var out []string
	for _, n := range names {
		n = strings.TrimSpace(n)
		if n == "" || homeNames[turkish.Lower(n)] || utf8.RuneCountInString(n) > 60 {
			continue
		}
		out = append(out, n)
	}
	if len(out) > 3 {
		out = out[:3]
	}
	if len(out) > 0 && turkish.Lower(out[0]) != turkish.Lower(news.RootCategoryName) {
		out = append([]string{news.RootCategoryName}, out...)
	}
	return out
}

func (im *Importer) decideSource(ctx context.Context, a *news.Article, in item, opts Options) error {
	name, home := opts.Source, ""
	if name == "" {
		name, home = in.sourceName, in.sourceHome
	}
	if name == "" {
		return nil
	}
	s, err := im.store.SourceByName(ctx, name)
	if news.IsNotFound(err) {
		s = news.Source{Name: name, Kind: news.SourceFile, HomeURL: home, URL: home}
		err = im.store.CreateSource(ctx, &s)
		if news.ErrorCode(err) == news.ECONFLICT {
			s, err = im.store.SourceByName(ctx, name)
		}
	}
	if err != nil {
		return err
	}
	a.SourceID = s.ID
	return nil
}

// normalise repairs the text of an article and computes its dedup hash.
func normalise(a *news.Article) {
	a.Title = collapseSpace(a.Title)
	a.Summary = collapseSpace(a.Summary)
	// Feeds often repeat the headline as the description; that is no spot.
	if turkish.Fold(a.Summary) == turkish.Fold(a.Title) {
		a.Summary = ""
	}
	if a.BodyText == "" && a.BodyHTML != "" {
		a.BodyText = extract.FragmentText(a.BodyHTML)
	}
	paras := turkish.SplitParagraphs(a.BodyText)
	// Pages often repeat the spot as the first paragraph; the article page
	// shows the spot above the body, so keep it once.
	lead := ""
	if len(paras) > 1 && a.Summary != "" && collapseSpace(paras[0]) == a.Summary {
		lead, paras = paras[0], paras[1:]
	}
	a.BodyText = strings.Join(paras, "\n\n")
	if a.BodyHTML == "" {
		a.BodyHTML = paragraphsHTML(paras)
	} else {
		a.BodyHTML = extract.DropLeadBlock(extract.Sanitize(a.BodyHTML), lead)
	}
	if a.Summary == "" {
		a.Summary = leadSummary(paras)
	}
	a.ContentHash = dedup.ContentHash(a.BodyText)
	a.SimHash = dedup.SimHash(dedupText(a))
}

// dedupText is the article's text as its outlet published it: the spot
// (when it is not just the body's start) and the body. Whether a page puts
// its first paragraph in the spot or the body must not make two copies of
// one agency text look different.
func dedupText(a *news.Article) string {
	if a.Summary == "" || strings.HasPrefix(a.BodyText, a.Summary) {
		return a.BodyText
	}
	return a.Summary + "\n\n" + a.BodyText
}

func collapseSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

func paragraphsHTML(paras []string) string {
	var b strings.Builder
	for _, p := range paras {
		b.WriteString("<p>")
		b.WriteString(html.EscapeString(p))
		b.WriteString("</p>\n")
	}
	return b.String()
}

// leadSummary takes the first sentences of the body, up to about 300 characters.
func leadSummary(paras []string) string {
	if len(paras) == 0 {
		return ""
	}
	var out string
	for _, s := range turkish.SplitSentences(paras[0]) {
		if out != "" && utf8.RuneCountInString(out)+utf8.RuneCountInString(s) > 300 {
			break
		}
		out = strings.TrimSpace(out + " " + s)
	}
	return out
}
