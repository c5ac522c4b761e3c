package auth

import (
	"io"
	"log/slog"
	"mime/quotedprintable"
	"net"
	"net/textproto"
	"strings"
	"testing"

	"manset/internal/news"
)

// fakeSMTP accepts one message on loopback and returns what it received.
func fakeSMTP(t *testing.T) (addr string, got <-chan string) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	ch := make(chan string, 1)
	go func() {
		conn, err := ln.Accept()
		if err != nil {
			return
		}
		defer conn.Close()
		ch <- converseSMTP(textproto.NewConn(conn))
	}()
	return ln.Addr().String(), ch
}

// converseSMTP plays a minimal server: no extensions, accepts everything.
func converseSMTP(c *textproto.Conn) string {
	var env strings.Builder
	c.PrintfLine("220 test ESMTP")
	for {
		line, err := c.ReadLine()
		if err != nil {
			return env.String()
		}
		switch cmd := strings.ToUpper(strings.Fields(line + " x")[0]); cmd {
		case "EHLO", "HELO":
			c.PrintfLine("250 test")
		case "MAIL", "RCPT":
			env.WriteString(line + "\n")
			c.PrintfLine("250 ok")
		case "DATA":
			c.PrintfLine("354 go on")
			body, _ := io.ReadAll(c.DotReader())
			env.Write(body)
			c.PrintfLine("250 queued")
		case "QUIT":
			c.PrintfLine("221 bye")
			return env.String()
		default:
			c.PrintfLine("502 no")
		}
	}
}

func TestSMTPMailerSends(t *testing.T) {
	addr, got := fakeSMTP(t)
	env := map[string]string{"MANSET_SMTP_ADDR": addr, "MANSET_SMTP_FROM": "haber@manset.example"}
	m := MailerFromEnv(func(k string) string { return env[k] }, nil)
	body := "Merhaba Ayşe,\n\nBağlantı: https://manset.example/sifre-yenile?token=abc\n"
	if err := m.Send(t.Context(), "ayse@ornek.example", "Şifre yenileme", body); err != nil {
		t.Fatal(err)
	}
	msg := <-got
	for _, want := range []string{"MAIL FROM:<haber@manset.example>", "RCPT TO:<ayse@ornek.example>",
		"Subject: =?utf-8?q?=C5=9Eifre_yenileme?=", "Content-Type: text/plain; charset=utf-8"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks %q:\n%s", want, msg)
		}
	}
	_, raw, _ := strings.Cut(strings.ReplaceAll(msg, "\r\n", "\n"), "\n\n") // DotReader already made lines \n
	decoded, _ := io.ReadAll(quotedprintable.NewReader(strings.NewReader(raw)))
	if !strings.Contains(strings.ReplaceAll(string(decoded), "\r\n", "\n"), body) {
		t.Errorf("body = %q", decoded)
	}
}

func TestSMTPMailerRefusesHeaderInjection(t *testing.T) {
	m := &SMTPMailer{Addr: "127.0.0.1:1", From: "haber@manset.example"}
	for _, tc := range [][2]string{
		{"ayse@ornek.example\r\nBcc: kurban@ornek.example", "Konu"},
		{"ayse@ornek.example", "Konu\r\nBcc: kurban@ornek.example"},
	} {
		if err := m.Send(t.Context(), tc[0], tc[1], "x"); news.ErrorCode(err) != news.EINVALID {
			t.Errorf("Send(%q, %q) = %v, want EINVALID", tc[0], tc[1], err)
		}
	}
}

func TestMailerFromEnvDefaultsToLog(t *testing.T) {
	if _, ok := MailerFromEnv(func(string) string { return "" }, slog.Default()).(*LogMailer); !ok {
		t.Error("without MANSET_SMTP_ADDR the mailer is not the log")
	}
}
