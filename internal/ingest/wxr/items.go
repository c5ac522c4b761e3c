package wxr

import (
	"encoding/xml"
	"strconv"
	"strings"
	"time"
)

// The XML shapes below match elements by local name: the wp: namespace URL
// changes with the WXR version, and the lenient decoder leaves undeclared
// prefixes as they are.

type categoryXML struct {
	Nicename string `xml:"category_nicename"`
	Parent   string `xml:"category_parent"`
	Name     string `xml:"cat_name"`
}

func (c *categoryXML) value() any {
	return &Category{Slug: trim(c.Nicename), Name: trim(c.Name), Parent: trim(c.Parent)}
}

type tagXML struct {
	Slug string `xml:"tag_slug"`
	Name string `xml:"tag_name"`
}

func (t *tagXML) value() any { return &Tag{Slug: trim(t.Slug), Name: trim(t.Name)} }

type authorXML struct {
	Login       string `xml:"author_login"`
	Email       string `xml:"author_email"`
	DisplayName string `xml:"author_display_name"`
}

func (a *authorXML) value() any {
	return &Author{Login: trim(a.Login), Email: trim(a.Email), DisplayName: trim(a.DisplayName)}
}

// nsText keeps the namespace so content:encoded and excerpt:encoded, which
// share a local name, can be told apart.
type nsText struct {
	XMLName xml.Name
	Text    string `xml:",chardata"`
}

type termRef struct {
	Domain   string `xml:"domain,attr"`
	Nicename string `xml:"nicename,attr"`
	Name     string `xml:",chardata"`
}

type commentXML struct {
	ID          string `xml:"comment_id"`
	Author      string `xml:"comment_author"`
	AuthorEmail string `xml:"comment_author_email"`
	Date        string `xml:"comment_date"`
	DateGMT     string `xml:"comment_date_gmt"`
	Content     string `xml:"comment_content"`
	Approved    string `xml:"comment_approved"`
	Type        string `xml:"comment_type"`
	Parent      string `xml:"comment_parent"`
}

type itemXML struct {
	Title         string       `xml:"title"`
	Link          string       `xml:"link"`
	Creator       string       `xml:"creator"`
	Encoded       []nsText     `xml:"encoded"`
	PostID        string       `xml:"post_id"`
	PostDate      string       `xml:"post_date"`
	PostDateGMT   string       `xml:"post_date_gmt"`
	PostName      string       `xml:"post_name"`
	Status        string       `xml:"status"`
	PostParent    string       `xml:"post_parent"`
	PostType      string       `xml:"post_type"`
	AttachmentURL string       `xml:"attachment_url"`
	Terms         []termRef    `xml:"category"`
	Comments      []commentXML `xml:"comment"`
}

func (it *itemXML) post(loc *time.Location) *Post {
	p := &Post{
		ID: atoi(it.PostID), Title: trim(it.Title), Link: trim(it.Link), Slug: trim(it.PostName),
		Author: trim(it.Creator), Status: trim(it.Status), PostType: trim(it.PostType),
		ParentID: atoi(it.PostParent), AttachmentURL: trim(it.AttachmentURL),
		Published: wpDate(it.PostDateGMT, it.PostDate, loc),
	}
	for _, e := range it.Encoded {
		if strings.Contains(e.XMLName.Space, "excerpt") {
			p.Excerpt = strings.TrimSpace(e.Text)
		} else {
			p.Content = strings.TrimSpace(e.Text)
		}
	}
	for _, t := range it.Terms {
		ref := trim(t.Nicename)
		if ref == "" {
			ref = trim(t.Name)
		}
		switch {
		case ref == "":
		case t.Domain == "category":
			p.Categories = appendNew(p.Categories, ref)
		case t.Domain == "post_tag" || t.Domain == "tag":
			p.Tags = appendNew(p.Tags, ref)
		}
	}
	for _, c := range it.Comments {
		p.Comments = append(p.Comments, Comment{
			ID: atoi(c.ID), Author: trim(c.Author), AuthorEmail: trim(c.AuthorEmail),
			Date:    wpDate(c.DateGMT, c.Date, loc),
			Content: strings.TrimSpace(c.Content), Approved: trim(c.Approved) == "1",
			Type: trim(c.Type), Parent: atoi(c.Parent),
		})
	}
	return p
}

const (
	wpLayout = "2006-01-02 15:04:05"
	wpZero   = "0000-00-00 00:00:00"
)

// wpDate reads a GMT date, or when the export has none, a local one in loc.
// WordPress writes the zero date for "not set" (drafts); that gives nil.
func wpDate(gmt, local string, loc *time.Location) *time.Time {
	gmt, local = trim(gmt), trim(local)
	if gmt == wpZero {
		return nil
	}
	if t, err := time.Parse(wpLayout, gmt); err == nil {
		return &t
	}
	if local == "" || local == wpZero {
		return nil
	}
	if loc == nil {
		loc = time.UTC
	}
	if t, err := time.ParseInLocation(wpLayout, local, loc); err == nil {
		return &t
	}
	return nil
}

func atoi(s string) int64 {
	n, err := strconv.ParseInt(trim(s), 10, 64)
	if err != nil {
		return 0
	}
	return n
}

func trim(s string) string { return strings.TrimSpace(s) }

func appendNew(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}
