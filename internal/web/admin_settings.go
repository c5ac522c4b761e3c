package web

import (
	"net/http"
	"strings"

	"manset/internal/news"
)

// adminAdZone is one ad slot in the form.
type adminAdZone struct {
	Key, Label string
	Snippet    string
	On         bool
}

// adminAdLabels names the zones the reader templates render (adSlots).
var adminAdLabels = map[string]string{
	"header":         "Üst alan (her sayfa)",
	"article_top":    "Haber başı",
	"article_bottom": "Haber sonu",
	"sidebar":        "Yan sütun",
}

// Ads live in settings: "ad.<zone>" is what readers get (empty = off) and
// "ad.<zone>.draft" keeps the snippet while the zone is off.
func adKey(zone string) string      { return "ad." + zone }
func adDraftKey(zone string) string { return "ad." + zone + ".draft" }

func (a *adminSite) adsPage(w http.ResponseWriter, r *http.Request, u news.User) {
	settings, err := a.st.AllSettings(r.Context())
	if err != nil {
		a.fail(w, r, err)
		return
	}
	var zones []adminAdZone
	for _, z := range adSlots {
		live := settings[adKey(z)]
		snippet := settings[adDraftKey(z)]
		if strings.TrimSpace(live) != "" {
			snippet = live
		}
		zones = append(zones, adminAdZone{Key: z, Label: adminAdLabels[z], Snippet: snippet, On: strings.TrimSpace(live) != ""})
	}
	a.render(w, r, http.StatusOK, "ads", &adminPage{Title: "Reklam alanları", Section: "ads", User: u, Data: zones})
}

// adsSave stores every zone's snippet as given: ad code is trusted
// newsroom HTML, and only admins reach this form.
func (a *adminSite) adsSave(w http.ResponseWriter, r *http.Request, u news.User) {
	var changed []string
	for _, z := range adSlots {
		snippet := strings.TrimSpace(r.PostFormValue("ad_" + z))
		live := ""
		if r.PostFormValue("on_"+z) != "" {
			live = snippet
		}
		c, err := a.setSettings(r, map[string]string{adDraftKey(z): snippet, adKey(z): live})
		if err != nil {
			a.fail(w, r, err)
			return
		}
		if c {
			state := "kapalı"
			if live != "" {
				state = "açık"
			}
			changed = append(changed, z+"="+state)
		}
	}
	a.s.Invalidate()
	if len(changed) > 0 {
		a.audit(r, u, "ads.update", "settings:ad", strings.Join(changed, ", "))
	}
	a.redirect(w, r, "/admin/reklamlar", "saved")
}

// setSettings writes the values that differ from the stored ones and
// reports whether any did.
func (a *adminSite) setSettings(r *http.Request, values map[string]string) (bool, error) {
	current, err := a.st.AllSettings(r.Context())
	if err != nil {
		return false, err
	}
	changed := false
	for k, v := range values {
		if current[k] == v {
			continue
		}
		if err := a.st.SetSetting(r.Context(), k, v); err != nil {
			return changed, err
		}
		changed = true
	}
	return changed, nil
}

// adminSiteSettings are the site-wide texts and the comment policy.
type adminSiteSettings struct {
	Name, LogoText, Disclaimer, Moderation string
	Policies                               []adminOption
}

type adminOption struct {
	Value, Label string
}

// adminModerationPolicies are the values of comments.moderation, as the
// comment code defines them.
func adminModerationPolicies() []adminOption {
	out := make([]adminOption, 0, len(CommentPolicies))
	for _, p := range CommentPolicies {
		out = append(out, adminOption{Value: p.Value, Label: p.Label})
	}
	return out
}

func (a *adminSite) settingsPage(w http.ResponseWriter, r *http.Request, u news.User) {
	s, err := a.st.AllSettings(r.Context())
	if err != nil {
		a.fail(w, r, err)
		return
	}
	v := adminSiteSettings{Name: s["site.name"], LogoText: s["site.logo_text"], Disclaimer: s["site.disclaimer"],
		Moderation: s[settingModeration], Policies: adminModerationPolicies()}
	if v.Moderation == "" {
		v.Moderation = ModerateGuests // what the comment code does when unset
	}
	a.render(w, r, http.StatusOK, "settings", &adminPage{Title: "Site ayarları", Section: "settings", User: u, Data: v})
}

func (a *adminSite) settingsSave(w http.ResponseWriter, r *http.Request, u news.User) {
	policy := r.PostFormValue("moderation")
	valid := false
	for _, p := range CommentPolicies {
		valid = valid || p.Value == policy
	}
	if !valid {
		a.fail(w, r, news.E(news.EINVALID, "comment.policy_invalid"))
		return
	}
	values := map[string]string{
		"site.name":       strings.TrimSpace(r.PostFormValue("name")),
		"site.logo_text":  strings.TrimSpace(r.PostFormValue("logo_text")),
		"site.disclaimer": strings.TrimSpace(r.PostFormValue("disclaimer")),
		settingModeration: policy,
	}
	changed, err := a.setSettings(r, values)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	a.s.Invalidate()
	if changed {
		a.audit(r, u, "settings.update", "settings:site", "ad: "+values["site.name"]+", yorum politikası: "+policy)
	}
	a.redirect(w, r, "/admin/ayarlar", "saved")
}
