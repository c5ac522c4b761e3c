package news

// accountMessages are about users, sessions, passwords and e-mail.
var accountMessages = map[string]message{
	"auth.bad_credentials": {"E-posta adresi ya da şifre hatalı.", "Wrong e-mail address or password."},
	"auth.session_expired": {"Oturumunuz sona erdi. Lütfen yeniden giriş yapın.",
		"Your session has ended. Please log in again."},
	"auth.admin_required":   {"Bu işlem için yönetici yetkisi gerekli.", "This needs an administrator."},
	"auth.own_account":      {"Kendi hesabınızın rolünü ya da durumunu değiştiremezsiniz.", "You cannot change the role or status of your own account."},
	"auth.account_disabled": {"Bu hesap devre dışı bırakıldı.", "This account has been disabled."},
	"auth.too_many_attempts": {"Çok fazla deneme yaptınız. Lütfen biraz sonra yeniden deneyin.",
		"Too many attempts. Please try again a little later."},
	"auth.signup_failed": {"Bu e-posta adresiyle kayıt olunamadı. Hesabınız varsa giriş yapın ya da şifrenizi yenileyin.",
		"Could not sign up with this e-mail address. If you have an account, log in or reset your password."},
	"auth.password_length":        {"Şifre %d ile %d karakter arasında olmalı.", "The password must be %d to %d characters long."},
	"auth.wrong_current_password": {"Mevcut şifreniz hatalı.", "Your current password is wrong."},
	"auth.reset_link_invalid": {"Şifre yenileme bağlantısı geçersiz ya da süresi dolmuş.",
		"The password reset link is invalid or has expired."},

	"user.name_required": {"Ad gerekli (en fazla %d karakter).", "A name is required (at most %d characters)."},
	"user.email_invalid": {"Geçerli bir e-posta adresi girin.", "Enter a valid e-mail address."},
	"user.unknown_role":  {"Bilinmeyen rol: %q.", "Unknown role: %q."},
	"user.not_found":     {"Kullanıcı bulunamadı.", "User not found."},
	"user.email_taken":   {"Bu e-posta adresiyle kayıtlı bir hesap var.", "There is already an account with this e-mail address."},
	"user.choose_change": {"Bir değişiklik seçin.", "Choose a change."},
	"session.bad_key":    {"Geçersiz oturum anahtarı.", "Invalid session key."},
	"session.not_found":  {"Oturum bulunamadı.", "Session not found."},
	"session.exists":     {"Oturum zaten var.", "The session already exists."},
	"mail.bad_address":   {"Geçersiz e-posta adresi: %q.", "Invalid e-mail address: %q."},
	"mail.subject_break": {"E-posta konusu satır sonu içeremez.", "An e-mail subject cannot contain a line break."},
	"reader.invalid":     {"Geçersiz okur kimliği.", "Invalid reader ID."},
	"cli.password_stdin": {"şifre standart girdiden bekleniyor (password expected on standard input)", "password expected on standard input"},
	"cli.password_empty": {"şifre boş (empty password)", "empty password"},
}
