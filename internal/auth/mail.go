package auth

import (
	"bytes"
	"context"
	"crypto/tls"
	"fmt"
	"log/slog"
	"mime"
	"mime/quotedprintable"
	"net"
	"net/mail"
	"net/smtp"
	"strings"
	"time"

	"manset/internal/news"
)

// Mailer delivers a plain-text e-mail.
type Mailer interface {
	Send(ctx context.Context, to, subject, body string) error
}

// MailerFromEnv returns an SMTP mailer when MANSET_SMTP_ADDR is set (with
// MANSET_SMTP_FROM, MANSET_SMTP_USER, MANSET_SMTP_PASS), else one that
// writes mail to log.
func MailerFromEnv(getenv func(string) string, log *slog.Logger) Mailer {
	if addr := getenv("MANSET_SMTP_ADDR"); addr != "" {
		return &SMTPMailer{Addr: addr, From: getenv("MANSET_SMTP_FROM"),
			User: getenv("MANSET_SMTP_USER"), Pass: getenv("MANSET_SMTP_PASS")}
	}
	return &LogMailer{Log: log}
}

// LogMailer writes each e-mail to the log, for sites without SMTP: the
// operator passes a reset link on by hand. Mail never holds a password.
type LogMailer struct {
	Log *slog.Logger
}

// Send logs the e-mail.
func (m *LogMailer) Send(ctx context.Context, to, subject, body string) error {
	log := m.Log
	if log == nil {
		log = slog.Default()
	}
	log.InfoContext(ctx, "e-posta (SMTP yapılandırılmadı, günlüğe yazıldı)",
		slog.String("to", to), slog.String("subject", subject), slog.String("body", body))
	return nil
}

// SMTPMailer sends through an SMTP server: STARTTLS when offered, implicit
// TLS on port 465, and PLAIN auth (which net/smtp allows only over TLS or
// to localhost) when User is set.
type SMTPMailer struct {
	Addr    string // host:port
	From    string
	User    string
	Pass    string
	Timeout time.Duration // whole conversation; 0 means 30s
}

// Send delivers one e-mail, giving up when ctx ends or Timeout passes.
func (m *SMTPMailer) Send(ctx context.Context, to, subject, body string) error {
	msg, err := m.message(to, subject, body)
	if err != nil {
		return err
	}
	host, port, err := net.SplitHostPort(m.Addr)
	if err != nil {
		return fmt.Errorf("auth: smtp address %q: %w", m.Addr, err)
	}
	timeout := m.Timeout
	if timeout == 0 {
		timeout = 30 * time.Second
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	conn, err := (&net.Dialer{}).DialContext(ctx, "tcp", m.Addr)
	if err != nil {
		return fmt.Errorf("auth: smtp dial: %w", err)
	}
	defer conn.Close()
	deadline, _ := ctx.Deadline()
	conn.SetDeadline(deadline)
	if port == "465" {
		conn = tls.Client(conn, &tls.Config{ServerName: host})
	}
	if err := m.converse(conn, host, to, msg); err != nil {
		return fmt.Errorf("auth: smtp: %w", err)
	}
	return nil
}

func (m *SMTPMailer) converse(conn net.Conn, host, to string, msg []byte) error {
	c, err := smtp.NewClient(conn, host)
	if err != nil {
		return err
	}
	defer c.Close()
	if ok, _ := c.Extension("STARTTLS"); ok {
		if err := c.StartTLS(&tls.Config{ServerName: host}); err != nil {
			return err
		}
	}
	if m.User != "" {
		if err := c.Auth(smtp.PlainAuth("", m.User, m.Pass, host)); err != nil {
			return err
		}
	}
	if err := c.Mail(m.From); err != nil {
		return err
	}
	if err := c.Rcpt(to); err != nil {
		return err
	}
	w, err := c.Data()
	if err != nil {
		return err
	}
	if _, err := w.Write(msg); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	return c.Quit()
}

// message builds the RFC 5322 text. Addresses must parse and the subject
// may not hold line breaks, so no header can be injected.
func (m *SMTPMailer) message(to, subject, body string) ([]byte, error) {
	for _, a := range []string{m.From, to} {
		if addr, err := mail.ParseAddress(a); err != nil || addr.Address != a {
			return nil, news.E(news.EINVALID, "mail.bad_address", a)
		}
	}
	if strings.ContainsAny(subject, "\r\n") {
		return nil, news.E(news.EINVALID, "mail.subject_break")
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "From: %s\r\nTo: %s\r\nSubject: %s\r\nDate: %s\r\n", m.From, to,
		mime.QEncoding.Encode("utf-8", subject), time.Now().Format(time.RFC1123Z))
	b.WriteString("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n")
	b.WriteString("Content-Transfer-Encoding: quoted-printable\r\n\r\n")
	qp := quotedprintable.NewWriter(&b)
	qp.Write([]byte(body))
	qp.Close()
	return b.Bytes(), nil
}
