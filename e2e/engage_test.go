package e2e

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// fillText sets an input's value the way typing would and fires its events.
func fillText(sel, value string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(chromedp.Focus(chromedp.CSS(sel)), chromedp.SetValue(chromedp.CSS(sel), value))
}

// pollTrue waits until a JavaScript expression is truthy. A page that
// navigates meanwhile (a form submit) restarts the poll on the new page.
func pollTrue(expr string) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		deadline := time.Now().Add(20 * time.Second)
		for {
			_, err := chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(2*time.Second))(ctx, t)
			if err == nil || ctx.Err() != nil || time.Now().After(deadline) {
				return chromedp.Void{}, err
			}
		}
	}
}

// TestEngagementJourney: a reader registers, logs in and reacts; a guest
// comments (held for moderation); an editor approves it in the newsroom;
// the comment then shows on the article.
func TestEngagementJourney(t *testing.T) {
	base, db := startServerDB(t)
	manset(t, "editor-parolasi-42\n", "user", "add", "--db", db, "--email", "editor@ornek.example", "--name", "Editör Ece", "--role", "editor")
	ctx := newBrowser(t)

	var article chromedp.AttributeResult
	if err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/"),
		into(&article, chromedp.AttributeValue(chromedp.CSS(`main a[href^="/haber/"]`), "href")),
	); err != nil {
		t.Fatalf("home: %v", err)
	}
	articleURL := base + article.Value

	// Register, log out, log in again.
	var who string
	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/kayit"),
		fillText(`#register-name`, "Okur Oya"),
		fillText(`#register-email`, "oya@ornek.example"),
		fillText(`#register-password`, "okur-parolasi-7"),
		chromedp.Click(chromedp.CSS(`form[action="/kayit"] button[type=submit]`)),
		pollTrue(`!!document.querySelector('#account-nav .account-name')`),
		into(&who, chromedp.Text(chromedp.CSS(`#account-nav .account-name`))),
		chromedp.Click(chromedp.CSS(`#account-nav .logout-form button`)),
		pollTrue(`!document.querySelector('#account-nav .account-name') && document.readyState === 'complete'`),
		chromedp.Navigate(base+"/giris"),
		fillText(`#login-email`, "oya@ornek.example"),
		fillText(`#login-password`, "okur-parolasi-7"),
		chromedp.Click(chromedp.CSS(`form[action="/giris"] button[type=submit]`)),
		pollTrue(`!!document.querySelector('#account-nav .account-name')`),
	)
	if err != nil {
		t.Fatalf("register and log in: %v", err)
	}
	if who != "Okur Oya" {
		t.Errorf("header shows %q after registering", who)
	}

	// React: the count goes up without a reload, and pressing again withdraws.
	liked := `#reactions button[data-kind="begendim"]`
	var before, after, withdrawn string
	err = chromedp.Do(ctx,
		chromedp.Navigate(articleURL),
		chromedp.WaitVisible(chromedp.CSS(liked)),
		into(&before, chromedp.Text(chromedp.CSS(liked+` .reaction-count`))),
		chromedp.Click(chromedp.CSS(liked)),
		pollTrue(`document.querySelector('`+liked+`').getAttribute('aria-pressed') === 'true'`),
		into(&after, chromedp.Text(chromedp.CSS(liked+` .reaction-count`))),
		chromedp.Click(chromedp.CSS(liked)),
		pollTrue(`document.querySelector('`+liked+`').getAttribute('aria-pressed') !== 'true'`),
		into(&withdrawn, chromedp.Text(chromedp.CSS(liked+` .reaction-count`))),
		chromedp.Click(chromedp.CSS(liked)),
		pollTrue(`document.querySelector('`+liked+`').getAttribute('aria-pressed') === 'true'`),
		chromedp.Click(chromedp.CSS(`#account-nav .logout-form button`)),
		pollTrue(`!document.querySelector('#account-nav .account-name') && document.readyState === 'complete'`),
	)
	if err != nil {
		t.Fatalf("reactions: %v", err)
	}
	if before != "0" || after != "1" || withdrawn != "0" {
		t.Errorf("Beğendim count: before %q, after %q, withdrawn %q; want 0, 1, 0", before, after, withdrawn)
	}

	// A guest comments; it waits for moderation.
	const body = "Tatbikat çok iyi organize edilmişti, emeği geçenlere teşekkürler."
	var notice string
	err = chromedp.Do(ctx,
		chromedp.Navigate(articleURL),
		chromedp.WaitVisible(chromedp.CSS(`#comment-body`)),
		fillText(`#comment-name`, "Misafir Mert"),
		fillText(`#comment-email`, "mert@ornek.example"),
		fillText(`#comment-body`, body),
		// The form refuses anything filled faster than a person could:
		// wait out that rule, measured from when writing started.
		pollTrue(`(window.__t0 = window.__t0 || Date.now()) && Date.now() - window.__t0 > 3500`),
		chromedp.Click(chromedp.CSS(`#yorum-formu button[type=submit]`)),
		pollTrue(`document.querySelector('.comment-status').textContent.includes('onaylandıktan')`),
		into(&notice, chromedp.Text(chromedp.CSS(`.comment-status`))),
	)
	if err != nil {
		t.Fatalf("guest comment: %v", err)
	}
	var visibleBefore bool
	if err := chromedp.Do(ctx, chromedp.Navigate(articleURL), chromedp.WaitVisible(chromedp.CSS(`#comments`)),
		into(&visibleBefore, chromedp.Evaluate[bool](`document.querySelector('#comments').textContent.includes('`+body+`')`))); err != nil {
		t.Fatal(err)
	}
	if visibleBefore {
		t.Fatal("guest comment visible before moderation")
	}

	// The editor approves it in the newsroom.
	err = chromedp.Do(ctx,
		chromedp.Navigate(base+"/giris"),
		fillText(`#login-email`, "editor@ornek.example"),
		fillText(`#login-password`, "editor-parolasi-42"),
		chromedp.Click(chromedp.CSS(`form[action="/giris"] button[type=submit]`)),
		pollTrue(`!!document.querySelector('#account-nav .account-name')`),
		chromedp.Navigate(base+"/admin/yorumlar"),
		chromedp.WaitVisible(chromedp.CSS(`button[value$=":approved"]`)),
		chromedp.Click(chromedp.CSS(`button[value$=":approved"]`)),
		pollTrue(`document.readyState === 'complete' && !document.querySelector('button[value$=":approved"]')`),
	)
	if err != nil {
		t.Fatalf("moderation: %v", err)
	}
	var comments string
	if err := chromedp.Do(ctx, chromedp.Navigate(articleURL), chromedp.WaitVisible(chromedp.CSS(`#comments`)),
		into(&comments, chromedp.Text(chromedp.CSS(`#comments`)))); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(comments, body) || !strings.Contains(comments, "Misafir Mert") {
		t.Errorf("approved comment not on the article:\n%s", comments)
	}
	if strings.Contains(comments, "mert@ornek.example") {
		t.Error("commenter's e-mail shown on the article")
	}
}
