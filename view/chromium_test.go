package view_test

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/geokg/geokg/internal/devgraph"
	"github.com/geokg/geokg/internal/headless"
	"github.com/geokg/geokg/view"
)

// TestChromiumDevGraph opens the page of the dev graph (the dev articles
// through the real extractor) in headless Chromium: it must load with no
// console error, lay out nodes, and show them in a screenshot.
func TestChromiumDevGraph(t *testing.T) {
	b := headless.New(t, 1400, 900)
	path, d := writeFolderPage(t, devgraph.Folder(t), "geokg dev graph")
	if len(d.Events) == 0 {
		t.Fatalf("the extractor found no relations in the dev articles (summary %+v): nothing to draw", devgraph.Summary())
	}
	open(t, b, fileURL(path)+"#events", "window.geokgView && window.geokgView.ready")
	nodes, err := headless.Eval[int](b, "geokgView.nodes")
	if err != nil {
		t.Fatal(err)
	}
	if nodes == 0 {
		t.Errorf("the page drew no nodes")
	}
	shot, img, err := b.Screenshot(headless.ScreenshotDir(), "view-dev-graph.png")
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot of the dev graph (%d actors, %d events): %s", nodes, len(d.Events), shot)
	if n := nodePixels(t, img); n < 200 {
		t.Errorf("screenshot shows %d pixels of node colours, want nodes drawn", n)
	}
	noPageErrors(t, b)
}

// TestChromiumFilterAndEvidence drives the fixture's page as a reader
// would: a click on a link lists its evidence sentences; the time filter
// and the type filter change what is drawn; hostile texts stay inert.
func TestChromiumFilterAndEvidence(t *testing.T) {
	b := headless.New(t, 1200, 800)
	path, d := writeFixturePage(t)
	open(t, b, fileURL(path)+"#events", "window.geokgView && geokgView.ready")
	count := func(what string) int {
		t.Helper()
		n, err := headless.Eval[int](b, "geokgView."+what)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	if got := count("events"); got != len(d.Events) {
		t.Errorf("page shows %d events, want all %d", got, len(d.Events))
	}

	// Click the middle of the busiest link.
	point, err := headless.Eval[struct{ X, Y float64 }](b, `(function(){
		var links = geokgView.links(), best = 0;
		for (var i = 1; i < links.length; i++) if (links[i].events.length > links[best].events.length) best = i;
		return geokgView.linkPoint(best);
	})()`)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Click(point.X, point.Y); err != nil {
		t.Fatal(err)
	}
	if err := b.WaitTrue(`document.querySelectorAll("#evidence li.event").length > 0`, 5*time.Second); err != nil {
		t.Fatalf("clicking a link listed no evidence: %v", err)
	}
	text, err := headless.Eval[string](b, `document.getElementById("panel").innerText`)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text, "Russia") {
		t.Errorf("evidence panel = %q, want sentences about Russia", text)
	}

	// The link of the event found through a description shows it.
	point, err = headless.Eval[struct{ X, Y float64 }](b, `(function(){
		var data = JSON.parse(document.getElementById("geokg-data").textContent), links = geokgView.links();
		for (var i = 0; i < links.length; i++)
			if (links[i].events.some(function (j) { return data.events[j].r; })) return geokgView.linkPoint(i);
		return null;
	})()`)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Click(point.X, point.Y); err != nil {
		t.Fatal(err)
	}
	if err := b.WaitTrue(`document.getElementById("panel").innerText.indexOf("through: The two governments") >= 0`, 5*time.Second); err != nil {
		text, _ := headless.Eval[string](b, `document.getElementById("panel").innerText`)
		t.Errorf("evidence panel = %q, want the AGREE event's reference: %v", text, err)
	}
	if _, _, err := b.Screenshot(headless.ScreenshotDir(), "view-fixture-evidence.png"); err != nil {
		t.Fatal(err)
	}

	// Only 2016: the 2015 events go.
	if _, err := headless.Eval[bool](b, `(function(){
		var from = document.getElementById("from");
		from.value = "2016-01-01";
		from.dispatchEvent(new Event("change", {bubbles: true}));
		return true; })()`); err != nil {
		t.Fatal(err)
	}
	if got := count("events"); got != 7 {
		t.Errorf("from 2016: %d events shown, want 7", got)
	}
	// Without persons: links touching a person go.
	if _, err := headless.Eval[bool](b, `(function(){
		var box = document.querySelector("input[name=type][value=PERSON]");
		box.click();
		return true; })()`); err != nil {
		t.Fatal(err)
	}
	if got := count("events"); got != 4 {
		t.Errorf("from 2016 without persons: %d events shown, want 4", got)
	}
	if pwned, err := headless.Eval[bool](b, "window.pwned !== undefined"); err != nil || pwned {
		t.Errorf("page ran injected script (err %v)", err)
	}
	noPageErrors(t, b)
}

// TestChromiumHostileText checks that texts from articles stay text.
func TestChromiumHostileText(t *testing.T) {
	b := headless.New(t, 800, 600)
	d, err := view.Build(context.Background(), hostileSource{}, view.Options{})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "hostile.html")
	var buf bytes.Buffer
	if err := d.WriteHTML(&buf); err != nil {
		t.Fatal(err)
	}
	if err := writeFile(path, buf.Bytes()); err != nil {
		t.Fatal(err)
	}
	open(t, b, fileURL(path)+"#events", "window.geokgView && geokgView.ready")
	clickForEvidence(t, b, "geokgView.linkPoint(0)")
	time.Sleep(200 * time.Millisecond)
	if pwned, err := headless.Eval[bool](b, "window.pwned !== undefined"); err != nil || pwned {
		t.Errorf("page ran injected script (err %v)", err)
	}
	links, err := headless.Eval[int](b, `document.querySelectorAll("#panel a").length`)
	if err != nil || links != 0 {
		t.Errorf("a javascript: URL became a link (%d links, err %v)", links, err)
	}
	// The alignment mode draws the same names: as text.
	if _, err := headless.Eval[bool](b, `location.hash = "#alignment", true`); err != nil {
		t.Fatal(err)
	}
	if err := b.WaitTrue("window.geokgAlign && geokgAlign.ready && geokgAlign.nodes().length == 2", 10*time.Second); err != nil {
		t.Fatal(err)
	}
	clickForEvidence(t, b, "geokgAlign.edgePoint(0)")
	if pwned, err := headless.Eval[bool](b, "window.pwned !== undefined"); err != nil || pwned {
		t.Errorf("alignment mode ran injected script (err %v)", err)
	}
	if !strings.Contains(must(headless.Eval[string](b, `document.getElementById("align-svg").textContent`)), "</script>") {
		t.Errorf("the hostile name is not drawn as text")
	}
}

// clickForEvidence clicks the page point the expression gives (a link or
// an edge) and waits for the panel to list its one event.
func clickForEvidence(t *testing.T, b *headless.Browser, point string) {
	t.Helper()
	p, err := headless.Eval[struct{ X, Y float64 }](b, point)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Click(p.X, p.Y); err != nil {
		t.Fatal(err)
	}
	if err := b.WaitTrue(`document.querySelectorAll("#evidence li.event").length == 1`, 5*time.Second); err != nil {
		t.Fatal(err)
	}
}

func writeFile(path string, b []byte) error { return os.WriteFile(path, b, 0o644) }

func fileURL(path string) string {
	abs, _ := filepath.Abs(path)
	return (&url.URL{Scheme: "file", Path: abs}).String()
}

// nodePixels counts the screenshot's pixels close to an actor colour.
func nodePixels(t *testing.T, b []byte) int {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("decode screenshot: %v", err)
	}
	var want [][3]int
	for _, c := range view.DefaultPalette.Types {
		r, _ := strconv.ParseUint(c[1:3], 16, 8)
		g, _ := strconv.ParseUint(c[3:5], 16, 8)
		bl, _ := strconv.ParseUint(c[5:7], 16, 8)
		want = append(want, [3]int{int(r), int(g), int(bl)})
	}
	n := 0
	bounds := img.Bounds()
	for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
		for x := bounds.Min.X; x < bounds.Max.X; x++ {
			if near(img, x, y, want) {
				n++
			}
		}
	}
	return n
}

func near(img image.Image, x, y int, colours [][3]int) bool {
	r, g, b, _ := img.At(x, y).RGBA()
	for _, c := range colours {
		if abs(int(r>>8)-c[0]) < 12 && abs(int(g>>8)-c[1]) < 12 && abs(int(b>>8)-c[2]) < 12 {
			return true
		}
	}
	return false
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
