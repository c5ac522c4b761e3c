package extract

import (
	"encoding/json"
	"strings"
)

// ldInfo is what the page's JSON-LD says about the article.
type ldInfo struct {
	headline, description, articleBody string
	published, modified                string
	authors                            []string
	publisher, image, url, section     string
	breadcrumb                         []string
	isArticle                          bool
}

// articleTypes are the schema.org types whose fields describe the article.
var articleTypes = map[string]bool{
	"article": true, "newsarticle": true, "reportagenewsarticle": true,
	"blogposting": true, "analysisnewsarticle": true, "opinionnewsarticle": true,
	"backgroundnewsarticle": true, "reviewnewsarticle": true, "socialmediaposting": true,
	"liveblogposting": true, "techarticle": true, "scholarlyarticle": true,
	"report": true, "posting": true, "videoobject": false,
}

// addJSONLD reads one <script type="application/ld+json"> block. Broken
// JSON is common and ignored.
func (ld *ldInfo) add(raw string) {
	raw = strings.TrimSpace(raw)
	raw = strings.TrimPrefix(raw, "<![CDATA[")
	raw = strings.TrimSuffix(raw, "]]>")
	var v any
	if err := json.Unmarshal([]byte(raw), &v); err != nil {
		return
	}
	ld.visit(v, 0)
}

func (ld *ldInfo) visit(v any, depth int) {
	if depth > 6 {
		return
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			ld.visit(e, depth+1)
		}
	case map[string]any:
		if g, ok := x["@graph"]; ok {
			ld.visit(g, depth+1)
		}
		types := typesOf(x["@type"])
		switch {
		case hasType(types, "breadcrumblist"):
			if len(ld.breadcrumb) == 0 {
				ld.breadcrumb = breadcrumbItems(x["itemListElement"])
			}
		case anyArticleType(types):
			ld.readArticle(x)
		case hasType(types, "webpage") || hasType(types, "itempage"):
			if bc, ok := x["breadcrumb"].(map[string]any); ok && len(ld.breadcrumb) == 0 {
				ld.breadcrumb = breadcrumbItems(bc["itemListElement"])
			}
			if m, ok := x["mainEntity"].(map[string]any); ok {
				ld.visit(m, depth+1)
			}
		}
	}
}

func typesOf(v any) []string {
	switch t := v.(type) {
	case string:
		return []string{strings.ToLower(t)}
	case []any:
		var out []string
		for _, e := range t {
			if s, ok := e.(string); ok {
				out = append(out, strings.ToLower(s))
			}
		}
		return out
	}
	return nil
}

func hasType(types []string, t string) bool {
	for _, x := range types {
		if x == t {
			return true
		}
	}
	return false
}

func anyArticleType(types []string) bool {
	for _, t := range types {
		if articleTypes[t] {
			return true
		}
	}
	return false
}

// readArticle fills fields from the first article object that has them.
func (ld *ldInfo) readArticle(x map[string]any) {
	ld.isArticle = true
	setOnce(&ld.headline, str(x["headline"]))
	setOnce(&ld.headline, str(x["name"]))
	setOnce(&ld.description, str(x["description"]))
	if b := str(x["articleBody"]); len(b) > len(ld.articleBody) {
		ld.articleBody = b
	}
	setOnce(&ld.published, str(x["datePublished"]))
	setOnce(&ld.published, str(x["dateCreated"]))
	setOnce(&ld.modified, str(x["dateModified"]))
	if len(ld.authors) == 0 {
		ld.authors = names(x["author"])
	}
	if p := names(x["publisher"]); len(p) > 0 {
		setOnce(&ld.publisher, p[0])
	}
	setOnce(&ld.image, urlOf(x["image"]))
	setOnce(&ld.image, urlOf(x["thumbnailUrl"]))
	setOnce(&ld.url, str(x["url"]))
	setOnce(&ld.url, urlOf(x["mainEntityOfPage"]))
	setOnce(&ld.section, firstString(x["articleSection"]))
}

func setOnce(dst *string, v string) {
	if *dst == "" {
		*dst = strings.TrimSpace(v)
	}
}

func str(v any) string {
	switch t := v.(type) {
	case string:
		return t
	case []any:
		if len(t) > 0 {
			return str(t[0])
		}
	}
	return ""
}

func firstString(v any) string {
	switch t := v.(type) {
	case string:
		return t
	case []any:
		for _, e := range t {
			if s, ok := e.(string); ok && strings.TrimSpace(s) != "" {
				return s
			}
		}
	}
	return ""
}

// names returns the names of a Person/Organization value: a string, an
// object with "name", or an array of either.
func names(v any) []string {
	var out []string
	switch t := v.(type) {
	case string:
		if s := strings.TrimSpace(t); s != "" && !strings.HasPrefix(s, "http") {
			out = append(out, s)
		}
	case map[string]any:
		if s := strings.TrimSpace(str(t["name"])); s != "" {
			out = append(out, s)
		}
	case []any:
		for _, e := range t {
			out = append(out, names(e)...)
		}
	}
	return out
}

// urlOf returns a URL from a string, an ImageObject/WebPage ("url" or
// "@id"), or the first of an array.
func urlOf(v any) string {
	switch t := v.(type) {
	case string:
		return t
	case map[string]any:
		if s := str(t["url"]); s != "" {
			return s
		}
		return str(t["@id"])
	case []any:
		for _, e := range t {
			if s := urlOf(e); s != "" {
				return s
			}
		}
	}
	return ""
}

// breadcrumbItems returns the names of a BreadcrumbList's items in
// position order.
func breadcrumbItems(v any) []string {
	list, _ := v.([]any)
	var out []string
	for _, e := range list {
		m, ok := e.(map[string]any)
		if !ok {
			continue
		}
		name := str(m["name"])
		if item, ok := m["item"].(map[string]any); ok && name == "" {
			name = str(item["name"])
		}
		if name = strings.TrimSpace(name); name != "" {
			out = append(out, name)
		}
	}
	return out
}
