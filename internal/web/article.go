package web

import (
	"context"
	"html/template"
	"net/http"
	"net/url"
	"strings"
	"time"
	"unicode"

	"manset/internal/news"
	"manset/internal/turkish"
)

// relatedLimit is how many related articles an article page lists.
const relatedLimit = 6

// articleView is the content of an article page.
type articleView struct {
	ID         int64
	Title      string
	Summary    string
	Author     string
	URL        string // absolute, for sharing
	Crumbs     []crumb
	Category   string
	Published  *time.Time
	Modified   *time.Time // set only when the article was updated after publication
	ImportedAt time.Time
	SourceName string
	SourceURL  string
	Image      string
	Body       template.HTML
	Share      []shareLink
	Related    []articleCard
	Story      *storyView // other outlets and the story's timeline; nil when none

	Slug         string
	Engage       bool // reactions and comments are on
	Reactions    []reactionButton
	CommentCount int
	Comments     []commentView
	Form         commentForm
}

// reactionButton is one of the six reaction buttons with its count.
type reactionButton struct {
	Kind         news.ReactionKind
	Label, Emoji string
	Count        int
}

// shareLink is one "Paylaş" target; all work without third-party scripts.
type shareLink struct {
	Name, Class, URL string
}

// renderArticle renders an article page with its metadata for search
// engines and social sites.
func (s *Server) renderArticle(r *http.Request) (page, error) {
	return s.renderArticleForm(r, nil)
}

// renderArticleForm renders an article page; form, when set, is the state
// of a comment form being sent back to one reader (never cached).
func (s *Server) renderArticleForm(r *http.Request, form *commentForm) (page, error) {
	ctx := r.Context()
	now := s.now()
	a, err := s.store.ArticleBySlug(ctx, r.PathValue("slug"))
	if err != nil {
		return page{}, err
	}
	if !a.Visible(now) {
		return page{}, news.E(news.ENOTFOUND, "article.not_found")
	}
	site, cats, err := s.loadSite(ctx)
	if err != nil {
		return page{}, err
	}
	related, err := s.related(ctx, &a, now)
	if err != nil {
		return page{}, err
	}
	view := s.articleView(&a, cats)
	view.Related = cats.cards(related)
	if view.Story, err = s.storyBox(ctx, &a, now); err != nil {
		return page{}, err
	}
	if err := s.addEngagement(ctx, &view, &a, form, now); err != nil {
		return page{}, err
	}
	cat := cats.categoryOf(&a)
	body, err := s.execute("article", &layoutData{
		Site:        site,
		Title:       a.Title,
		Description: description(&a),
		Canonical:   view.URL,
		Meta:        articleMeta(&a, view, site, cat),
		NameMeta:    twitterMeta(&a, view),
		JSONLD:      articleJSONLD(&a, view, site, cat),
		Page:        view,
	})
	if err != nil {
		return page{}, err
	}
	p := htmlPage(body, s.expiry(ctx, now, articleTTL))
	p.articleID = a.ID
	for _, r := range related {
		p.shows = append(p.shows, r.ID)
	}
	if view.Story != nil {
		p.shows = append(p.shows, view.Story.articles...)
	}
	return p, nil
}

func (s *Server) articleView(a *news.Article, cats *categoryIndex) articleView {
	v := articleView{
		ID:         a.ID,
		Title:      a.Title,
		Summary:    a.Summary,
		Author:     a.Author,
		URL:        s.baseURL + articlePath(a.Slug),
		Published:  a.PublishedAt,
		ImportedAt: a.ImportedAt,
		SourceName: a.SourceName,
		SourceURL:  a.SourceURL,
		Image:      a.Image,
		Body:       bodyHTML(a),
		Slug:       a.Slug,
	}
	if a.Modified() {
		v.Modified = a.ModifiedAt
	}
	cat := cats.categoryOf(a)
	v.Crumbs = categoryCrumbs(cat)
	if cat != nil {
		v.Category = cat.Name
	}
	v.Share = shareLinks(v.URL, a.Title)
	return v
}

// shareLinks builds the share targets for an article URL and title.
func shareLinks(pageURL, title string) []shareLink {
	u, t := url.QueryEscape(pageURL), url.QueryEscape(title)
	mailBody := strings.ReplaceAll(url.QueryEscape(title+"\n\n"+pageURL), "+", "%20")
	mailSubject := strings.ReplaceAll(t, "+", "%20")
	return []shareLink{
		{"X", "x", "https://twitter.com/intent/tweet?url=" + u + "&text=" + t},
		{"Facebook", "facebook", "https://www.facebook.com/sharer/sharer.php?u=" + u},
		{"WhatsApp", "whatsapp", "https://wa.me/?text=" + url.QueryEscape(title+" "+pageURL)},
		{"Telegram", "telegram", "https://t.me/share/url?url=" + u + "&text=" + t},
		{"E-posta", "email", "mailto:?subject=" + mailSubject + "&body=" + mailBody},
	}
}

// related returns articles of the same story first, then articles that
// share at least two words of a's headline (best BM25 first), then
// the newest of the same category; never a itself, up to relatedLimit.
func (s *Server) related(ctx context.Context, a *news.Article, now time.Time) ([]news.Article, error) {
	var out []news.Article
	seen := map[int64]bool{a.ID: true}
	add := func(f news.ArticleFilter) error {
		f.VisibleAt, f.ExcludeID, f.Limit, f.Lean = &now, a.ID, relatedLimit+1, true
		list, _, err := s.store.ListArticles(ctx, f)
		for i := range list {
			if len(out) < relatedLimit && !seen[list[i].ID] {
				seen[list[i].ID] = true
				out = append(out, list[i])
			}
		}
		return err
	}
	if a.StoryID != 0 {
		if err := add(news.ArticleFilter{StoryID: &a.StoryID}); err != nil {
			return nil, err
		}
	}
	if len(out) < relatedLimit {
		similar, err := s.similar(ctx, a, now, seen)
		if err != nil {
			return nil, err
		}
		for _, b := range similar {
			if len(out) < relatedLimit {
				seen[b.ID] = true
				out = append(out, b)
			}
		}
	}
	if a.CategoryID != 0 && len(out) < relatedLimit {
		if err := add(news.ArticleFilter{CategoryID: &a.CategoryID}); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// genericNewsTerms are headline words that many unrelated stories share
// ("yüzde 14'e geriledi", "satışlar yüzde 6 arttı"); they rank related
// news but do not make it related.
var genericNewsTerms = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields("yüzde milyon milyar bin yıl ay gün hafta saat ilk yeni son büyük " +
		"küçük kişi sayı oran arttı artış düştü geriledi yükseldi açıklandı açıkladı başladı " +
		"sona erdi oldu yaptı verdi aldı ulaştı edildi tamamlandı") {
		m[turkish.Stem(w)] = true
	}
	return m
}()

// similarTerms caps the headline and spot words a related-news query
// uses, and similarCandidates the best hits read to find related ones.
const (
	similarTerms      = 10
	similarCandidates = 20
)

// similar returns visible articles, not in seen, whose headline or spot
// shares at least two distinct content words with a's headline, best match
// first (the query also uses a's spot words, which rank but do not qualify:
// spots share boilerplate).
func (s *Server) similar(ctx context.Context, a *news.Article, now time.Time, seen map[int64]bool) ([]news.Article, error) {
	headline, terms := map[string]bool{}, map[string]bool{}
	q := news.SearchQuery{VisibleAt: now, Limit: 200, Weights: news.SearchWeights{Title: 3, Summary: 2, Body: 1}}
	for i, text := range []string{a.Title, a.Summary} {
		for _, t := range turkish.NormalizeContentTokens(text) {
			if len(t) < 3 || strings.IndexFunc(t, unicode.IsLetter) < 0 {
				continue // numbers ("62", "1.890.000") relate nothing
			}
			if i == 0 && !genericNewsTerms[t] {
				headline[t] = true
			}
			if len(terms) < similarTerms && !terms[t] {
				terms[t] = true
				q.Any = append(q.Any, []string{t})
			}
		}
	}
	if len(headline) < 2 {
		return nil, nil
	}
	hits, _, err := s.store.SearchArticles(ctx, q)
	if err != nil {
		return nil, err
	}
	var out []news.Article
	for i, h := range hits {
		if len(out) == relatedLimit || i == similarCandidates {
			break
		}
		if seen[h.ID] {
			continue
		}
		b, err := s.store.Article(ctx, h.ID)
		if news.IsNotFound(err) {
			continue
		} else if err != nil {
			return nil, err
		}
		shared := map[string]bool{}
		for _, t := range turkish.NormalizeContentTokens(b.Title + "\n" + b.Summary) {
			if headline[t] {
				shared[t] = true
			}
		}
		if len(shared) >= 2 {
			out = append(out, b)
		}
	}
	return out, nil
}

// description is the summary, or the start of the body, for meta tags.
func description(a *news.Article) string {
	d := strings.TrimSpace(a.Summary)
	if d == "" {
		d = strings.TrimSpace(a.BodyText)
	}
	d = strings.Join(strings.Fields(d), " ")
	if r := []rune(d); len(r) > 300 {
		d = string(r[:297]) + "…"
	}
	return d
}
