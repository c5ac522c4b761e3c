package web

import (
	"manset/internal/kai"
	"manset/internal/news"
)

// catalogEN maps the reader site's Turkish UI texts to English. Keys are
// the Turkish texts exactly as templates and handlers write them, so the
// Turkish pages need no lookup and a missing entry shows Turkish rather
// than a key. TestCatalogCoversTemplates keeps it complete. Engine
// messages are not here: they carry keys into news's catalog, and
// handlers localize them (localizeErr, apiError).
var catalogEN = map[string]string{
	// Layout and navigation.
	"İçeriğe geç":     "Skip to content",
	"Haberlerde ara":  "Search the news",
	"Haberlerde ara…": "Search the news…",
	"Ara":             "Search",
	"Arama":           "Search",
	"Giriş Yap":       "Log in",
	"Kayıt Ol":        "Sign up",
	"Ana Sayfa":       "Home",
	"Site haritası":   "Sitemap",
	"Hesap":           "Account",
	"Kategoriler":     "Categories",
	"Reklam":          "Advertisement",
	"Sayfa yolu":      "Breadcrumb",

	// Lists and pages.
	"Son Haberler":                   "Latest news",
	"Manşet":                         "Top story",
	"Diğer manşetler":                "More top stories",
	"Henüz yayımlanmış haber yok.":   "No news published yet.",
	"Sisteme eklenme:":               "Added to our site:",
	"Bu kategoride henüz haber yok.": "No news in this category yet.",
	"Alt kategoriler":                "Subcategories",
	"Sayfalar":                       "Pages",
	"Önceki sayfa":                   "Previous page",
	"Sonraki sayfa":                  "Next page",
	"Sayfa":                          "Page",

	// Error pages.
	"Ana Sayfa'ya dön":           "Back to the home page",
	"Sayfa bulunamadı":           "Page not found",
	"Geçersiz istek":             "Bad request",
	"Bir hata oluştu":            "Something went wrong",
	"İsteğinizde bir sorun var.": "There is a problem with your request.",
	"Aradığınız sayfa kaldırılmış, adı değişmiş ya da hiç var olmamış olabilir.": "The page you are looking for may have been removed, renamed or never existed.",
	"Sayfayı gösterirken bir sorun çıktı. Lütfen biraz sonra yeniden deneyin.":   "Something went wrong while showing this page. Please try again in a moment.",
	"Erişim izniniz yok":                          "Access denied",
	"Bu sayfayı görmek için yetkiniz bulunmuyor.": "You are not allowed to see this page.",

	// Article page.
	"Yayımlanma:":             "Published:",
	"Güncellendi:":            "Updated:",
	"Yazar:":                  "Author:",
	"Kaynak:":                 "Source:",
	"yayın tarihi bilinmiyor": "publication date unknown",
	"Yayın tarihi bilinmiyor; bu, haberin sistemimize eklendiği zamandır.": "The publication date is unknown; this is when the story was added to our site.",
	"Paylaş":                      "Share",
	"Bağlantı":                    "Link",
	"Bağlantıyı kopyala":          "Copy link",
	"Kopyalandı":                  "Copied",
	"Uyarı":                       "Notice",
	"İlgili Haberler":             "Related news",
	"Bu haberin diğer kaynakları": "Other outlets on this story",
	"İlk yayınlayan":              "First to publish",
	"kaynağında oku":              "read at the source",
	"Gelişmeler":                  "Timeline",

	// Reactions and comments.
	"Tepkiler":          "Reactions",
	"Tepkiler yakında.": "Reactions are coming soon.",
	"Yorumlar":          "Comments",
	"Yorumlar yakında.": "Comments are coming soon.",
	"Üye":               "Member",
	"Yanıtla":           "Reply",
	"Henüz yorum yok. İlk yorumu siz yazın.": "No comments yet. Be the first to comment.",
	"Yorum yaz":                      "Leave a comment",
	"Bir yoruma yanıt yazıyorsunuz.": "You are replying to a comment.",
	"Vazgeç":                         "Cancel",
	"E-posta adresiniz yayınlanmayacak. Gerekli alanlar * ile işaretlenmişlerdir": "Your e-mail address will not be published. Required fields are marked *",
	"Ad":                          "Name",
	"E-posta":                     "E-mail",
	"Üye misiniz?":                "Are you a member?",
	"Giriş yapın":                 "Log in",
	", adınız otomatik eklensin.": " and your name is filled in for you.",
	"Web siteniz":                 "Your website",
	"Yorumunuz":                   "Your comment",
	"Yorumu gönder":               "Post comment",
	"Yorumunuz yayımlandı.":       "Your comment has been published.",
	"Yorumunuz onaylandıktan sonra yayınlanacak.": "Your comment will be published once it is approved.",

	// KAI.
	"KAI ile Haber Hakkında Sohbet": "Chat with KAI about this story",
	"Özet":                          "Summary",
	"Bu haberle ilgili sorunuzu yazın. KAI yanıtı haberin kendisinden verir ve dayandığı cümleleri gösterir.": "Ask a question about this story. KAI answers from the story itself and shows the sentences it relied on.",
	"Önerilen sorular":                "Suggested questions",
	"Sorunuz":                         "Your question",
	"Örneğin: Bu olay ne zaman oldu?": "For example: When did this happen?",
	"Sor":                             "Ask",
	"Soru:":                           "Question:",
	"Kaynak cümleler":                 "Source sentences",
	kai.NotCovered:                    "This article has no information on that question.",

	// Search.
	"Arama yakında.":           "Search is coming soon.",
	"Aradığınız:":              "You searched for:",
	"Aranacak kelimeler":       "Words to search for",
	"Örnek:":                   "Example:",
	"Kategori":                 "Category",
	"Tüm kategoriler":          "All categories",
	"Bunu mu demek istediniz:": "Did you mean:",
	"Bu sayfada sonuç yok.":    "No results on this page.",
	"Önceki sonuçlara dönün.":  "Go back to the earlier results.",
	"Arama sonuç sayfaları":    "Search result pages",

	// Accounts.
	"Şifre":                   "Password",
	"Beni hatırla":            "Remember me",
	"Şifremi unuttum":         "Forgot my password",
	"Şifremi Unuttum":         "Forgot password",
	"Hesabınız yok mu?":       "No account yet?",
	"Zaten hesabınız var mı?": "Already have an account?",
	"Ad Soyad":                "Full name",
	"En az 8 karakter.":       "At least 8 characters.",
	"En az 8 karakter. Diğer cihazlardaki oturumlarınız kapatılır.":                           "At least 8 characters. You will be logged out on your other devices.",
	"Hesabınızın e-posta adresini yazın; şifrenizi yenilemeniz için bir bağlantı gönderelim.": "Enter your account's e-mail address and we will send you a link to reset your password.",
	"Bağlantı gönder":      "Send link",
	"Giriş sayfasına dön":  "Back to log in",
	"Şifre Yenile":         "Reset password",
	"Yeni şifre":           "New password",
	"Şifreyi kaydet":       "Save password",
	"Hesabım":              "My account",
	"Rol":                  "Role",
	"Yönetici":             "Administrator",
	"Editör":               "Editor",
	"Okur":                 "Reader",
	"Yönetim paneline git": "Go to the newsroom",
	"Şifre değiştir":       "Change password",
	"Mevcut şifre":         "Current password",
	"Şifreyi değiştir":     "Change password",
	"Çıkış Yap":            "Log out",
	"Şifreniz değiştirildi. Diğer cihazlardaki oturumlarınız kapatıldı.": "Your password has been changed. You were logged out on your other devices.",
}

// The reaction buttons' labels come from the domain, which names both.
func init() {
	for _, r := range news.Reactions {
		if r.Label != "" && r.LabelEN != "" {
			catalogEN[r.Label] = r.LabelEN
		}
	}
}
