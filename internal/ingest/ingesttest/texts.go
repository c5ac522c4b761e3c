package ingesttest

// story is one article as an outlet publishes it.
type story struct {
	Path     string // on the outlet's server
	Title    string
	Crumbs   []string // breadcrumb names; empty when the page has none
	Paras    []string
	HoursAgo int // publication time before Web.Base
}

// agencyTram is an agency text; outlet A runs it first, outlet B later
// under another headline, with a byline and one sentence trimmed.
var agencyTram = []string{
	"Konya Büyükşehir Belediyesi'nin Meram ile Selçuklu arasında inşa ettiği 12 kilometrelik yeni tramvay hattı düzenlenen törenle hizmete girdi. Hatta 18 durak bulunuyor ve seferler sabah altıda başlıyor.",
	"Törende konuşan belediye başkanı, hattın günde yaklaşık 45 bin yolcu taşımasının beklendiğini söyledi. Başkan, yeni araçların yerli üretim olduğunu ve tamamının engelli erişimine uygun tasarlandığını vurguladı.",
	"Ulaşım dairesinden yapılan açıklamaya göre tramvaylar yoğun saatlerde yedi dakikada bir, diğer saatlerde on iki dakikada bir sefer yapacak. İlk hafta boyunca yolculuklar ücretsiz olacak.",
	"Hattın yapımı sırasında Meram Caddesi üzerindeki tarihi çınar ağaçlarının korunması için güzergâhta iki kez değişiklik yapıldığı öğrenildi. Çevre düzenlemesi kapsamında caddeye 600 yeni fidan dikildi.",
	"Belediye, ikinci etapta hattın Konya Şehir Hastanesi'ne kadar uzatılmasının planlandığını ve ihale sürecinin önümüzdeki ay başlayacağını duyurdu.",
}

// Outlet A: Anadolu Postası, UTF-8, RSS.
var (
	aTram = story{Path: "/ekonomi/konya-tramvay-hatti-hizmete-girdi", Title: "Konya'da 12 kilometrelik tramvay hattı hizmete girdi",
		Crumbs: []string{"Ana Sayfa", "Ekonomi"}, Paras: agencyTram, HoursAgo: 5}
	aMatch = story{Path: "/spor/konyaspor-deplasmandan-puanla-dondu", Title: "Konyaspor deplasmandan bir puanla döndü",
		Paras: []string{
			"Süper Lig'in 14. haftasında deplasmanda Kayserispor ile karşılaşan Konyaspor, sahadan 1-1 beraberlikle ayrıldı. Konuk ekip ilk yarıda kaleci hatasıyla geriye düştü.",
			"İkinci yarıda oyuna giren genç forvet, 71. dakikada ceza sahası dışından attığı şutla skoru eşitledi. Teknik direktör maçtan sonra oyuncularının mücadelesinden memnun olduğunu söyledi.",
			"Yeşil-beyazlı takım bu sonuçla puanını 19'a yükseltti ve ligde onuncu sıraya yerleşti. Takım gelecek hafta sahasında Antalyaspor'u ağırlayacak.",
			"Kulüp doktoru, sakatlığı bulunan iki oyuncunun tedavisinin sürdüğünü ve Antalyaspor maçında forma giymelerinin zor göründüğünü açıkladı.",
		}, HoursAgo: 4}
	aBroken = story{Path: "/gundem/bozuk-karakterli-sayfa", Title: "Aksaray'da kış lastiği denetimi başladı",
		Crumbs: []string{"Ana Sayfa", "Gündem"}, Paras: []string{
			"Aksaray'da trafik ekipleri, kış lastiği zorunluluğunun başlamasıyla birlikte şehirlerarası yollarda denetim başlattı. Denetimlerde ticari araçların lastikleri tek tek kontrol edildi.",
			"Emniyet müdürlüğünden yapılan açıklamada, kurallara uymayan sürücülere idari para cezası uygulandığı ve araçların yola devam etmesine izin verilmediği bildirildi.",
			"Yetkililer, kar yağışının beklendiği günlerde sürücülerin zincir bulundurmasını ve yola çıkmadan önce hava durumunu takip etmesini istedi.",
		}, HoursAgo: 3}
	aForbidden = story{Path: "/gizli/yasak-sayfa", Title: "Robots dosyasının yasakladığı sayfa",
		Paras: []string{"Bu sayfa asla indirilmemeli; robots.txt onu yasaklıyor ve kibar bir toplayıcı buna uyar. Metin yalnızca sınamanın doğruluğunu kanıtlamak için burada duruyor."}, HoursAgo: 2}
)

// Outlet B: Karadeniz Gazetesi, windows-1254, Atom.
var (
	bTram = story{Path: "/haber/konyalilar-yeni-tramvaya-kavustu-4411", Title: "Konyalılar yeni tramvaya kavuştu",
		Paras: append([]string{"KONYA (Karadeniz Gazetesi) - " + agencyTram[0]}, agencyTram[1:4]...), HoursAgo: 2}
	bSlide = story{Path: "/haber/trabzon-ofta-heyelan-3-ev-tahliye-edildi-4412", Title: "Trabzon Of'ta heyelan: 3 ev tahliye edildi",
		Crumbs: []string{"Ana Sayfa", "Gündem"}, Paras: []string{
			"Trabzon'un Of ilçesine bağlı Yeşilce Mahallesi'nde sağanak yağışın ardından heyelan meydana geldi. AFAD ekipleri risk altındaki 3 evi tedbir amacıyla tahliye etti.",
			"Heyelan nedeniyle mahalle yolu ulaşıma kapandı. Karayolları ekipleri iş makineleriyle toprak yığınlarını kaldırmak için çalışma başlattı.",
			"Kaymakam, olay yerinde yaptığı incelemede can kaybı ya da yaralanma olmadığını, tahliye edilen ailelerin yakınlarının yanına yerleştirildiğini söyledi.",
			"Meteoroloji, Doğu Karadeniz için kuvvetli yağış uyarısının yarın akşama kadar sürdüğünü bildirdi.",
		}, HoursAgo: 6}
)

// Outlet C: Ege Haber, UTF-8, JSON Feed, sitemaps and a listing page.
var (
	cSlide = story{Path: "/haber/of-ilcesinde-toprak-kaymasi", Title: "Of ilçesinde toprak kayması, AFAD üç evi boşalttı",
		Paras: []string{
			"Trabzon'un Of ilçesindeki Yeşilce Mahallesi'nde yağmurun ardından yamaçtan kopan toprak kütlesi evlere doğru ilerledi, AFAD 3 evi tahliye etti. Mahallede korku dolu anlar yaşandı.",
			"Mahalle sakinlerinden biri, gece yarısı gelen gürültüyle uyandıklarını ve hemen dışarı çıktıklarını anlattı. Yamaçta yeni çatlaklar oluştuğu gözlendi.",
			"Jeoloji mühendisleri bölgede inceleme yaparak yamacın hareketini izlemek için ölçüm noktaları kurdu. Yetkililer, yağışlar dinene kadar bölgeye yaklaşılmaması uyarısında bulundu.",
			"Bölgede geçen yıl da benzer bir kayma yaşanmış, iki ahır zarar görmüştü.",
		}, HoursAgo: 5}
	cFootball = story{Path: "/haber/89231", Title: "Göztepe'de hedef galibiyet serisi",
		Paras: []string{
			"Göztepe teknik direktörü, ligin ikinci yarısında galibiyet serisi yakalamak istediklerini söyledi. Takım, antrenmanlarda savunma çalışmasına ağırlık verdi.",
			"Kaleci ve stoper hattındaki sakatlıkların ardından genç oyunculara forma şansı verilecek. Teknik heyet maç kadrosunu son antrenmanın ardından belirleyecek.",
			"Kulüp başkanı, transfer döneminde bir forvet ve bir orta saha oyuncusuyla anlaşmaya yakın olduklarını açıkladı. Taraftarlar stadyumu doldurmaya hazırlanıyor.",
		}, HoursAgo: 4}
	cDrill = story{Path: "/haber/manisada-okul-servislerine-kamera", Title: "Manisa'da okul servislerine kamera zorunluluğu getirildi",
		Paras: []string{
			"Manisa İl Trafik Komisyonu, öğrenci taşıyan servis araçlarına iç ve dış kamera takılmasını zorunlu hale getirdi. Karar şubat ayı başında yürürlüğe girecek.",
			"Komisyon kararına göre kayıtlar en az otuz gün saklanacak ve velilerin talebi halinde okul idaresiyle paylaşılacak. Kurala uymayan servislerin güzergâh izinleri iptal edilecek.",
			"Servisçiler odası başkanı, kamera maliyetinin taksitle karşılanması için bankalarla görüştüklerini söyledi.",
		}, HoursAgo: 3}
	cListed = story{Path: "/haber/ege-denizinde-balikcilar-av-yasagi", Title: "Ege'de balıkçılar av yasağının uzatılmasını istedi",
		Paras: []string{
			"Ege Denizi'nde küçük balıkçılar, kıyı balıkçılığındaki av yasağının iki ay uzatılmasını talep etti. Kooperatif başkanı stokların her yıl azaldığını söyledi.",
			"Balıkçılar, büyük teknelerin kıyıya yakın avlanmasının denetlenmesini ve ağ gözü kurallarına uyulmasını istedi.",
			"Tarım ve Orman İl Müdürlüğü, talebin değerlendirmeye alındığını ve bilim kurulunun raporunun beklendiğini açıkladı.",
		}, HoursAgo: 2}
)
