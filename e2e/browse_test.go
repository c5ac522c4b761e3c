package e2e

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

const chromium = "/usr/bin/chromium"

// newBrowser starts headless chromium; on failure it saves a screenshot of
// the current page under e2e/screenshots.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	if _, err := os.Stat(chromium); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("chromium missing in CI: %v", err)
		}
		t.Skip("Debian chromium not installed (apt-get install chromium)")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium), chromedp.NoSandbox, chromedp.Headless,
		chromedp.Flag("disable-gpu", true), chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		// A Turkish reader's browser: the site serves English to browsers
		// that prefer it, and chromium's own default is en-US.
		chromedp.Flag("lang", "tr-TR"), chromedp.Flag("accept-lang", "tr-TR,tr"),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 900))
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() {
		if t.Failed() {
			saveScreenshot(t, ctx)
		}
		cancelTimeout()
		cancelCtx()
		cancelAlloc()
	})
	return ctx
}

func saveScreenshot(t *testing.T, ctx context.Context) {
	sctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	png, err := chromedp.Run(sctx, chromedp.FullScreenshot(100)) // quality 100 gives PNG
	if err != nil {
		t.Logf("no screenshot: %v", err)
		return
	}
	dir := "screenshots"
	_ = os.MkdirAll(dir, 0o755)
	name := filepath.Join(dir, strings.ReplaceAll(t.Name(), "/", "_")+".png")
	if err := os.WriteFile(name, png, 0o644); err == nil {
		t.Logf("screenshot saved to e2e/%s", name)
	}
}

// into runs a and stores its value in dst, so several reads fit in one Do.
func into[T any](dst *T, a chromedp.Action[T]) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		v, err := a(ctx, t)
		*dst = v
		return chromedp.Void{}, err
	}
}

func TestReaderJourney(t *testing.T) {
	base := startServer(t)
	ctx := newBrowser(t)

	var title string
	var category chromedp.AttributeResult
	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(chromedp.CSS("main")),
		into(&title, chromedp.Title()),
		into(&category, chromedp.AttributeValue(chromedp.CSS(`header nav a[href^="/kategori/"]`), "href")),
	)
	if err != nil {
		t.Fatalf("home page: %v", err)
	}
	if !strings.Contains(title, "Manşet") {
		t.Errorf("home title = %q, want the site name", title)
	}

	var crumbs string
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`header nav a[href="`+category.Value+`"]`)),
		chromedp.WaitVisible(chromedp.CSS(`nav.breadcrumb`)),
		into(&crumbs, chromedp.Text(chromedp.CSS(`nav.breadcrumb`))),
	)
	if err != nil {
		t.Fatalf("category page via %s: %v", category.Value, err)
	}
	if !strings.Contains(crumbs, "Haberler") {
		t.Errorf("category breadcrumb = %q, want Haberler › ...", crumbs)
	}

	var heading, articleCrumbs, shareURL, location, status string
	var whatsapp, mailto int
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`main a[href^="/haber/"]`)),
		chromedp.WaitVisible(chromedp.CSS(`article h1`)),
		into(&heading, chromedp.Text(chromedp.CSS(`article h1`))),
		into(&articleCrumbs, chromedp.Text(chromedp.CSS(`nav.breadcrumb`))),
		into(&location, chromedp.Location()),
		into(&shareURL, chromedp.Value(chromedp.CSS(`#share-url`))),
		into(&whatsapp, chromedp.Evaluate[int](`document.querySelectorAll('a[href^="https://wa.me/"]').length`)),
		into(&mailto, chromedp.Evaluate[int](`document.querySelectorAll('a[href^="mailto:"]').length`)),
		chromedp.Click(chromedp.CSS(`#copy-link`)),
		into(&status, chromedp.Poll[string](`(document.querySelector('.copy-status')||{}).textContent || ''`, chromedp.WithPollingTimeout(10*time.Second))),
	)
	if err != nil {
		t.Fatalf("article page: %v", err)
	}
	if heading == "" {
		t.Error("article has no heading")
	}
	crumbText := strings.Join(strings.Fields(articleCrumbs), " ")
	if !strings.Contains(crumbText, "Ana Sayfa") || !strings.Contains(crumbText, "Haberler") {
		t.Errorf("article breadcrumb = %q", crumbText)
	}
	if shareURL != location {
		t.Errorf("share URL %q is not the page URL %q", shareURL, location)
	}
	if whatsapp == 0 || mailto == 0 {
		t.Errorf("share links: whatsapp %d, mailto %d", whatsapp, mailto)
	}
	if status == "" {
		t.Error("copy-link gave no feedback")
	}
}
