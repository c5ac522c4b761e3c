package news

// siteMessages are the generic errors, the HTTP edge's own, KAI's and the
// CLI's.
var siteMessages = map[string]message{
	KeyInternal:            {"Beklenmeyen bir hata oluştu.", "An unexpected error occurred."},
	"error.internal_retry": {"Beklenmeyen bir hata oluştu. Lütfen yeniden deneyin.", "An unexpected error occurred. Please try again."},
	"error.not_found":      {"Bulunamadı.", "Not found."},
	"page.not_found":       {"Bu sayfa yok.", "This page does not exist."},
	"api.no_such_path":     {"Böyle bir API adresi yok.", "There is no such API address."},
	"api.bad_json":         {"İstek gövdesi geçerli bir JSON nesnesi değil.", "The request body is not a valid JSON object."},
	"request.cross_origin": {"Başka bir siteden gönderilen istek reddedildi.", "A request sent from another site was refused."},

	"kai.question_required":  {"Soru boş olamaz.", "The question cannot be empty."},
	"kai.question_too_long":  {"Soru çok uzun.", "The question is too long."},
	"kai.question_max":       {"Soru en fazla %d karakter olabilir.", "A question can be at most %d characters."},
	"kai.history_max":        {"Sohbet geçmişi en fazla %d soru içerebilir.", "The conversation can hold at most %d questions."},
	"kai.history_entry_long": {"Sohbet geçmişindeki bir soru ya da yanıt çok uzun.", "A question or answer in the conversation is too long."},
	"kai.bad_json": {`İstek gövdesi geçerli bir JSON değil: {"question": "..."} bekleniyor.`,
		`The request body is not valid JSON: {"question": "..."} is expected.`},
	"kai.eval_scope":     {"kapsam %q ya da %q olmalı, %q değil", "scope must be %q or %q, not %q"},
	"kai.eval_not_squad": {"SQuAD biçiminde bir JSON dosyası değil: %s", "not a SQuAD-format JSON file: %s"},

	"cli.article_not_found": {"%q numaralı ya da adlı haber yok", "no article with ID or slug %q"},
}
