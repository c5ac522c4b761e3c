package web

import (
	"bytes"
	"cmp"
	"encoding/json"
	"html/template"
	"time"

	"manset/internal/news"
)

// articleMeta returns the Open Graph and article:* properties of a page.
func articleMeta(a *news.Article, v articleView, site *siteData, cat *news.Category) []metaTag {
	m := []metaTag{
		{"og:type", "article"},
		{"og:title", a.Title},
		{"og:description", description(a)},
		{"og:url", v.URL},
		{"og:site_name", site.Name},
		{"og:locale", "tr_TR"},
	}
	if a.Image != "" {
		m = append(m, metaTag{"og:image", a.Image})
	}
	if a.PublishedAt != nil {
		m = append(m, metaTag{"article:published_time", a.PublishedAt.Format(time.RFC3339)})
	}
	if a.ModifiedAt != nil {
		m = append(m, metaTag{"article:modified_time", a.ModifiedAt.Format(time.RFC3339)})
	}
	if cat != nil {
		m = append(m, metaTag{"article:section", cat.Name})
	}
	if a.Author != "" {
		m = append(m, metaTag{"article:author", a.Author})
	}
	return m
}

// twitterMeta returns the Twitter card tags.
func twitterMeta(a *news.Article, v articleView) []metaTag {
	card := "summary"
	if a.Image != "" {
		card = "summary_large_image"
	}
	m := []metaTag{{"twitter:card", card}, {"twitter:title", a.Title}, {"twitter:description", description(a)}}
	if a.Image != "" {
		m = append(m, metaTag{"twitter:image", a.Image})
	}
	return m
}

// articleJSONLD returns the NewsArticle and BreadcrumbList blocks. Dates
// appear only when known: an import time is not a publish date.
func articleJSONLD(a *news.Article, v articleView, site *siteData, cat *news.Category) []template.JS {
	article := map[string]any{
		"@context":         "https://schema.org",
		"@type":            "NewsArticle",
		"headline":         a.Title,
		"description":      description(a),
		"mainEntityOfPage": map[string]any{"@type": "WebPage", "@id": v.URL},
		"url":              v.URL,
		"inLanguage":       "tr",
		"publisher": map[string]any{
			"@type": "Organization",
			"name":  site.Name,
			"url":   site.BaseURL + "/",
			"logo":  map[string]any{"@type": "ImageObject", "url": site.LogoURL},
		},
	}
	if a.PublishedAt != nil {
		article["datePublished"] = a.PublishedAt.Format(time.RFC3339)
		modified := a.PublishedAt
		if a.ModifiedAt != nil {
			modified = a.ModifiedAt
		}
		article["dateModified"] = modified.Format(time.RFC3339)
	}
	if a.Author != "" {
		article["author"] = []map[string]any{{"@type": "Person", "name": a.Author}}
	} else {
		article["author"] = []map[string]any{{"@type": "Organization", "name": cmp.Or(a.SourceName, site.Name)}}
	}
	if a.Image != "" {
		article["image"] = []string{a.Image}
	}
	if cat != nil {
		article["articleSection"] = cat.Name
	}
	if a.SourceURL != "" {
		article["isBasedOn"] = a.SourceURL
	}
	items := []map[string]any{}
	for i, c := range v.Crumbs {
		item := map[string]any{"@type": "ListItem", "position": i + 1, "name": c.Name, "item": site.BaseURL + c.URL}
		items = append(items, item)
	}
	items = append(items, map[string]any{"@type": "ListItem", "position": len(items) + 1, "name": a.Title, "item": v.URL})
	crumbs := map[string]any{"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": items}
	return []template.JS{jsonForScript(article), jsonForScript(crumbs)}
}

// jsonForScript marshals v for a <script> block. json.Marshal escapes <, >
// and & as \u003c...; "</" is replaced again as a belt-and-braces guard so
// no value can close the script element.
func jsonForScript(v any) template.JS {
	b, err := json.Marshal(v)
	if err != nil {
		return template.JS("{}")
	}
	b = bytes.ReplaceAll(b, []byte("</"), []byte(`<\/`))
	return template.JS(b)
}
