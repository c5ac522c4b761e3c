package web

import (
	"html/template"

	"manset/internal/news"
)

// adminPageNames are the admin page templates; each is parsed with the
// admin layout.
var adminPageNames = []string{"dashboard", "articles", "article_edit", "article_delete", "revision",
	"manset", "comments", "categories", "ads", "settings", "users", "audit"}

func mustLoadAdminTemplates(funcs template.FuncMap) map[string]*template.Template {
	out := make(map[string]*template.Template, len(adminPageNames))
	for _, name := range adminPageNames {
		out[name] = template.Must(template.New(name).Funcs(funcs).ParseFS(templateFS,
			"templates/admin/layout.html", "templates/admin/"+name+".html"))
	}
	return out
}

// adminStatuses are the article statuses in the order the editor offers them.
var adminStatuses = []news.Status{news.StatusDraft, news.StatusScheduled, news.StatusPublished, news.StatusReview}

func adminStatusLabel(s news.Status) string {
	switch s {
	case news.StatusDraft:
		return "Taslak"
	case news.StatusScheduled:
		return "Zamanlanmış"
	case news.StatusPublished:
		return "Yayında"
	case news.StatusReview:
		return "İncelemede"
	}
	return string(s)
}

// adminCommentStatuses are the moderation queues, pending first.
var adminCommentStatuses = []news.CommentStatus{news.CommentPending, news.CommentApproved, news.CommentSpam, news.CommentDeleted}

func adminCommentLabel(s news.CommentStatus) string {
	switch s {
	case news.CommentPending:
		return "Bekleyen"
	case news.CommentApproved:
		return "Onaylı"
	case news.CommentSpam:
		return "Spam"
	case news.CommentDeleted:
		return "Silinmiş"
	}
	return string(s)
}

var adminRoles = []news.Role{news.RoleReader, news.RoleEditor, news.RoleAdmin}

func adminRoleLabel(r news.Role) string {
	switch r {
	case news.RoleReader:
		return "Okur"
	case news.RoleEditor:
		return "Editör"
	case news.RoleAdmin:
		return "Yönetici"
	}
	return string(r)
}
