package web

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
)

// messagesEN are the English texts of the messages the engine (news.Errorf
// in auth, news, kai, search, the store and these handlers) can put on a
// page or in an API error. TestCatalogCoversErrors keeps the list whole.
var messagesEN = map[string]string{
	// Accounts.
	"Bu e-posta adresiyle kayıt olunamadı. Hesabınız varsa giriş yapın ya da şifrenizi yenileyin.": "Could not sign up with this e-mail address. If you have an account, log in or reset your password.",
	"Bu hesap devre dışı bırakıldı.":                                 "This account has been disabled.",
	"Çok fazla deneme yaptınız. Lütfen biraz sonra yeniden deneyin.": "Too many attempts. Please try again a little later.",
	"Şifre yenileme bağlantısı geçersiz ya da süresi dolmuş.":        "The password reset link is invalid or has expired.",
	"Geçersiz oturum anahtarı.":                                      "Invalid session key.",
	"Kullanıcı bulunamadı.":                                          "User not found.",
	"Kendi hesabınızın rolünü ya da durumunu değiştiremezsiniz.":     "You cannot change the role or status of your own account.",
	"Bu işlem için yönetici yetkisi gerekli.":                        "This needs an administrator.",
	"E-posta konusu satır sonu içeremez.":                            "An e-mail subject cannot contain a line break.",
	// Comments and reactions.
	"Ad ve e-posta gerekli.":                                                  "Name and e-mail are required.",
	"Yanıtlanan yorum bu haberde bulunamadı.":                                 "The comment you are replying to is not on this article.",
	"Yorum formu geçersiz. Lütfen sayfayı yenileyip yeniden deneyin.":         "The comment form is invalid. Please reload the page and try again.",
	"Yorum formunun süresi doldu. Lütfen yeniden gönderin.":                   "The comment form has expired. Please send it again.",
	"Yorumunuz çok hızlı gönderildi. Lütfen gözden geçirip yeniden gönderin.": "Your comment was sent too quickly. Please review it and send it again.",
	"Yorum bulunamadı.":                                 "Comment not found.",
	"Bilinmeyen tepki.":                                 "Unknown reaction.",
	"Geçersiz okur kimliği.":                            "Invalid reader ID.",
	"Bir işlem ve en az bir yorum seçin.":               "Choose an action and at least one comment.",
	"Bir seferde en fazla 1000 yorum değiştirilebilir.": "At most 1000 comments can be changed at once.",
	"Geçerli bir yorum onay politikası seçin.":          "Choose a valid comment approval policy.",
	// KAI.
	"Bu haberde bu soruya dair bilgi yok.":               "This article has no information on that question.",
	"Soru boş olamaz.":                                   "The question cannot be empty.",
	"Soru çok uzun.":                                     "The question is too long.",
	"Sohbet geçmişindeki bir soru ya da yanıt çok uzun.": "A question or answer in the conversation is too long.",
	"İstek gövdesi geçerli bir JSON değil: {\"question\": \"...\"} bekleniyor.": "The request body is not valid JSON: {\"question\": \"...\"} is expected.",
	// Search and lists.
	"Aranacak bir kelime girin.":               "Enter a word to search for.",
	"Arama için q parametresi gerekli.":        "Search needs the q parameter.",
	"Sayfa boyutu 1 ile 500 arasında olmalı.":  "The page size must be between 1 and 500.",
	"Sayfalama değerleri negatif olamaz.":      "Paging values cannot be negative.",
	"Kayıt sayısı 1 ile 1000 arasında olmalı.": "The number of records must be between 1 and 1000.",
	"cursor geçersiz.":                         "Invalid cursor.",
	"Tarih aralığı ters.":                      "The date range is reversed.",
	"Bu sayfa yok.":                            "This page does not exist.",
	// Newsroom.
	"Haber bulunamadı.":            "Article not found.",
	"Kategori bulunamadı.":         "Category not found.",
	"Kaynak bulunamadı.":           "Source not found.",
	"Haber dizisi bulunamadı.":     "Story not found.",
	"Seçilen kategori bulunamadı.": "The chosen category was not found.",
	"Kategori yolu boş.":           "The category path is empty.",
	"Alt kategorileri olan bir kategori silinemez; önce onları taşıyın ya da silin.": "A category with subcategories cannot be deleted; move or delete them first.",
	"Bir kategori kendisinin ya da alt kategorisinin altına taşınamaz.":              "A category cannot be moved under itself or one of its subcategories.",
	"Bu haber inceleme beklemiyor.":                                                  "This article is not waiting for review.",
	"Bir değişiklik seçin.":                                                          "Choose a change.",
	"Geçerli bir durum seçin.":                                                       "Choose a valid status.",
	"Görsel adresi http(s):// ile başlamalı.":                                        "The image address must start with http(s)://.",
	"Haber dizisinin başlığı gerekli.":                                               "The story needs a title.",
	"Kaynak adresi gerekli.":                                                         "The source address is required.",
	"Dosya kaynakları `manset import` ile eklenir.":                                  "File sources are added with `manset import`.",
	"Manşet sırası negatif olamaz.":                                                  "The headline position cannot be negative.",
	"Yayın zamanı anlaşılamadı; tarih ve saati seçin.":                               "The publish time was not understood; choose a date and time.",
	"Zamanlanmış haber için yayın zamanı gerekli.":                                   "A scheduled article needs a publish time.",
	"Çekme aralığı 1 ile 10080 dakika arasında bir sayı olmalı.":                     "The fetch interval must be a number between 1 and 10080 minutes.",
	"Ayar adı gerekli (en fazla 200 karakter).":                                      "A setting name is required (at most 200 characters).",
	"Ayar değeri geçerli UTF-8 değil.":                                               "The setting value is not valid UTF-8.",
	"Denetim kaydının işlemi gerekli.":                                               "The audit entry needs an action.",
	"Denetim kaydının ayrıntısı geçersiz ya da çok uzun.":                            "The audit entry's detail is invalid or too long.",
	"Yedek dosyasının yolu gerekli.":                                                 "The backup file path is required.",
}

// formatsEN are the English formats of messages built with values
// ("Ad en fazla %d karakter olabilir."); the values keep their order.
var formatsEN = map[string]string{
	"Ad en fazla %d karakter olabilir.":                         "A name can be at most %d characters.",
	"Yorum en fazla %d karakter olabilir; sizinki %d karakter.": "A comment can be at most %d characters; yours is %d.",
	"Soru en fazla %d karakter olabilir.":                       "A question can be at most %d characters.",
	"Sohbet geçmişi en fazla %d soru içerebilir.":               "The conversation can hold at most %d questions.",
	"Şifre %d ile %d karakter arasında olmalı.":                 "The password must be %d to %d characters long.",
	"Geçersiz e-posta adresi: %q.":                              "Invalid e-mail address: %q.",
	"Bilinmeyen tepki: %q.":                                     "Unknown reaction: %q.",
	"Bilinmeyen rol: %q.":                                       "Unknown role: %q.",
	"Bilinmeyen yorum durumu: %q.":                              "Unknown comment status: %q.",
	"Geçersiz adres (slug): %q.":                                "Invalid address (slug): %q.",
	"Haber numarası geçersiz: %q.":                              "Invalid article number: %q.",
	"Geçersiz veritabanı yolu: %q.":                             "Invalid database path: %q.",
	"Tarih aralığı en fazla %d gün olabilir.":                   "The date range can be at most %d days.",
	"Yedek dosyası zaten var: %s.":                              "The backup file already exists: %s.",
	"limit 1 ile %d arasında bir sayı olmalı.":                  "limit must be a number between 1 and %d.",
}

// formatPattern is one of formatsEN as a regular expression that captures
// the values.
type formatPattern struct {
	re *regexp.Regexp
	en string
}

var (
	formatPatternsOnce sync.Once
	formatPatterns     []formatPattern
)

// verbPattern is what each format verb matched in a built message.
var verbPattern = map[string]string{"%d": `(-?\d+)`, "%q": `("(?:[^"\\]|\\.)*")`, "%s": `(.*?)`}

// formatVerb finds the verbs of a format.
var formatVerb = regexp.MustCompile(`%[dqs]`)

// translateFormatted returns msg in English when it was built from one of
// formatsEN, and false otherwise.
func translateFormatted(msg string) (string, bool) {
	formatPatternsOnce.Do(func() {
		for tr, en := range formatsEN {
			var re strings.Builder
			re.WriteString("^")
			last := 0
			for _, m := range formatVerb.FindAllStringIndex(tr, -1) {
				re.WriteString(regexp.QuoteMeta(tr[last:m[0]]))
				re.WriteString(verbPattern[tr[m[0]:m[1]]])
				last = m[1]
			}
			re.WriteString(regexp.QuoteMeta(tr[last:]) + "$")
			// the values come back already formatted, so all become %s
			formatPatterns = append(formatPatterns, formatPattern{regexp.MustCompile(re.String()),
				formatVerb.ReplaceAllString(en, "%s")})
		}
	})
	for _, p := range formatPatterns {
		m := p.re.FindStringSubmatch(msg)
		if m == nil {
			continue
		}
		args := make([]any, len(m)-1)
		for i, v := range m[1:] {
			args[i] = v
		}
		return fmt.Sprintf(p.en, args...), true
	}
	return "", false
}

func init() {
	for tr, en := range messagesEN {
		catalogEN[tr] = en
	}
}
