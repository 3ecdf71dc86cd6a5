// Package headless starts Debian's Chromium for browser tests, driven over
// the DevTools protocol with chromedp, and collects what a page reports as
// errors (console errors, uncaught exceptions, failed loads).
//
// Chromium is found at $GEOKG_CHROMIUM, /usr/bin/chromium or on PATH. When
// it is missing the test is skipped on a developer machine but fails in CI
// (CI=true or GEOKG_REQUIRE_CHROMIUM=1): scripts/test installs it there.
package headless

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// Browser is one headless Chromium with one tab.
type Browser struct {
	// Ctx runs chromedp actions in the tab; derive a context with a
	// timeout from it for each step.
	Ctx context.Context

	mu     sync.Mutex
	errors []string
}

// Path returns the Chromium binary to use, or "" when there is none.
func Path() string {
	if p := os.Getenv("GEOKG_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// required reports whether a missing Chromium must fail the test.
func required() bool {
	return os.Getenv("GEOKG_REQUIRE_CHROMIUM") == "1" || os.Getenv("CI") == "true"
}

// New starts Chromium with a fresh profile and a window of the given size.
// It stops the browser when the test ends.
func New(t testing.TB, width, height int) *Browser {
	t.Helper()
	path := Path()
	if path == "" {
		msg := "chromium not found (install it: apt-get install -y chromium; or set GEOKG_CHROMIUM)"
		if required() {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("no-default-browser-check", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("mute-audio", true),
		// Tests never reach the internet: every host but the loopback
		// resolves to nothing, so a page that calls out (Neo4j Browser
		// looks for remote guides and updates) fails fast instead of
		// hanging on a machine without a network.
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(width, height),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelCtx(); cancelAlloc() })

	b := &Browser{Ctx: ctx}
	// The first Run starts the browser and must have no deadline: the
	// browser lives as long as its context.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium %s: %v", path, err)
	}
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.IsException() {
				where := ""
				if m.URL != "" {
					where = fmt.Sprintf(" (%s:%d)", m.URL, m.Line+1)
				}
				b.report("%s%s", m, where)
			}
		}
	}()
	return b
}

func (b *Browser) report(format string, args ...any) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.errors = append(b.errors, fmt.Sprintf(format, args...))
}

// Errors returns the errors the page reported so far.
func (b *Browser) Errors() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.errors...)
}

// Screenshot captures the viewport as PNG into dir/name and returns the
// file's path.
func (b *Browser) Screenshot(dir, name string) (string, []byte, error) {
	ctx, cancel := context.WithTimeout(b.Ctx, stepTimeout)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		return "", nil, fmt.Errorf("screenshot: %w", err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", nil, err
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, png, 0o644); err != nil {
		return "", nil, err
	}
	abs, _ := filepath.Abs(path)
	return abs, png, nil
}

// ScreenshotDir is where tests leave their screenshots: $GEOKG_SCREENSHOTS,
// else bench/out/screenshots at the repository root (git-ignored).
func ScreenshotDir() string {
	if d := os.Getenv("GEOKG_SCREENSHOTS"); d != "" {
		return d
	}
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "bench", "out", "screenshots")
}

// WaitTrue polls a JavaScript expression until it is true or the timeout
// passes.
func (b *Browser) WaitTrue(expr string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		ok, err := Eval[bool](b, expr)
		if err != nil {
			return err
		}
		if ok {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%s still false after %s", expr, timeout)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// stepTimeout bounds one protocol step.
const stepTimeout = 20 * time.Second

// Eval evaluates a JavaScript expression and decodes its value.
func Eval[T any](b *Browser, expr string) (T, error) {
	ctx, cancel := context.WithTimeout(b.Ctx, stepTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		return v, fmt.Errorf("evaluate %s: %w", expr, err)
	}
	return v, nil
}

// Navigate loads url and waits for its load event.
func (b *Browser) Navigate(url string) error {
	ctx, cancel := context.WithTimeout(b.Ctx, stepTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		return fmt.Errorf("navigate to %s: %w", url, err)
	}
	return nil
}

// Click moves the mouse to page coordinates, rests there a moment (canvas
// libraries find the object under the pointer on move; force-graph
// refreshes its hit canvas at most every 800 ms) and clicks.
func (b *Browser) Click(x, y float64) error {
	ctx, cancel := context.WithTimeout(b.Ctx, stepTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, x, y)); err != nil {
		return err
	}
	time.Sleep(1000 * time.Millisecond)
	return chromedp.Do(ctx, chromedp.MouseClickXY(x, y))
}
