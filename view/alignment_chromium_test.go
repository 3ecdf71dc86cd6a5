package view_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/xml"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/geokg/geokg/internal/devgraph"
	"github.com/geokg/geokg/internal/headless"
	"github.com/geokg/geokg/outdir"
	"github.com/geokg/geokg/view"
)

// drawnNode is what geokgAlign.nodes() reports of one drawn actor, in
// page coordinates.
type drawnNode struct {
	ID    string
	X, Y  float64
	R     float64
	Label *struct{ X, Y, W, H float64 }
}

// TestChromiumAlignmentCorpus opens the page of the largest test graph —
// the dev and dev-b articles and the examples, through the real extractor
// — in its alignment mode and checks what makes it readable: no console
// error; the drawing uses the canvas (node spread ≥ 70 % of its width and
// height); labels overlap in under 2 % of pairs; a click on an edge lists
// its evidence; the SVG export parses and holds every drawn actor; the
// PNG export decodes. It leaves screenshots of both modes in
// bench/out/screenshots (or $GEOKG_SCREENSHOTS), with the SVG export.
func TestChromiumAlignmentCorpus(t *testing.T) {
	b := headless.New(t, 1600, 1000)
	path, d := writeFolderPage(t, devgraph.Corpus(t), "geokg: dev + dev-b + examples")
	open(t, b, fileURL(path)+"#alignment", "window.geokgAlign && geokgAlign.ready")
	nodes, err := headless.Eval[[]drawnNode](b, "geokgAlign.nodes()")
	if err != nil {
		t.Fatal(err)
	}
	area, err := headless.Eval[struct{ X, Y, W, H float64 }](b, "geokgAlign.area()")
	if err != nil {
		t.Fatal(err)
	}
	if len(nodes) < 60 {
		t.Errorf("the alignment picture draws %d actors, want the corpus' 60 or more (%d actors in the page)", len(nodes), len(d.Actors))
	}
	spreadX, spreadY := spread(nodes, area.W, area.H)
	t.Logf("%d actors drawn (%d in the page); node spread %.0f%% of the width, %.0f%% of the height", len(nodes), len(d.Actors), 100*spreadX, 100*spreadY)
	if spreadX < 0.7 || spreadY < 0.7 {
		t.Errorf("node spread %.2f × %.2f of the drawing, want ≥ 0.70 both ways", spreadX, spreadY)
	}
	labelled, pairs, overlapping := labelOverlaps(nodes)
	t.Logf("%d of %d actors labelled; %d of %d label pairs overlap (%.2f%%)", labelled, len(nodes), overlapping, pairs, 100*float64(overlapping)/float64(max(pairs, 1)))
	if pairs > 0 && float64(overlapping)/float64(pairs) >= 0.02 {
		t.Errorf("%d of %d label pairs overlap, want < 2%%", overlapping, pairs)
	}
	if labelled < min(40, len(nodes)) {
		t.Errorf("only %d actors labelled", labelled)
	}
	shot, _, err := b.Screenshot(headless.ScreenshotDir(), "view-alignment.png")
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot of the alignment mode: %s", shot)

	// The SVG export: a well-formed document with every drawn actor.
	svg, err := headless.Eval[string](b, "geokgAlign.svg()")
	if err != nil {
		t.Fatal(err)
	}
	exported := svgActors(t, svg)
	for _, n := range nodes {
		if !exported[n.ID] {
			t.Errorf("the SVG export lacks actor %s", n.ID)
		}
	}
	if len(exported) != len(nodes) {
		t.Errorf("the SVG export has %d actors, the picture %d", len(exported), len(nodes))
	}
	if err := os.WriteFile(filepath.Join(headless.ScreenshotDir(), "view-alignment.svg"), []byte(svg), 0o644); err != nil {
		t.Fatal(err)
	}
	pngURL, err := evalAsync[string](b, "geokgAlign.png(1)")
	if err != nil {
		t.Fatal(err)
	}
	raw, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(pngURL, "data:image/png;base64,"))
	if err != nil {
		t.Fatalf("PNG export: %v", err)
	}
	if img, err := png.Decode(bytes.NewReader(raw)); err != nil || img.Bounds().Dx() < int(area.W)-1 {
		t.Errorf("PNG export: %v (%v), want a PNG of the drawing's size", err, img.Bounds())
	}

	// A click on the strongest edge lists its events with evidence.
	point, err := headless.Eval[struct{ X, Y float64 }](b, `(function(){
		var best = 0, w = 0;
		document.querySelectorAll("#align-svg g.edge line:first-child").forEach(function (l, i) {
			var x = +l.getAttribute("stroke-width"); if (x > w) { w = x; best = i; } });
		return geokgAlign.edgePoint(best); })()`)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Click(point.X, point.Y); err != nil {
		t.Fatal(err)
	}
	if err := b.WaitTrue(`document.querySelectorAll("#evidence li.event").length > 0`, 5*time.Second); err != nil {
		t.Errorf("clicking an edge listed no evidence: %v", err)
	}
	if _, _, err := b.Screenshot(headless.ScreenshotDir(), "view-alignment-evidence.png"); err != nil {
		t.Fatal(err)
	}
	// Hovering the best connected actor dims the other actors' edges.
	dimmed, err := headless.Eval[int](b, `(function(){
		var g = document.querySelector("#align-svg g.node:last-child");
		g.dispatchEvent(new MouseEvent("mouseenter"));
		var n = Array.from(document.querySelectorAll("#align-svg g.edge line:first-child")).filter(function (l) { return l.getAttribute("stroke-opacity") === "0.08"; }).length;
		g.dispatchEvent(new MouseEvent("mouseleave"));
		return n; })()`)
	if err != nil || dimmed == 0 {
		t.Errorf("hovering an actor dimmed %d edges (%v), want the others' dimmed", dimmed, err)
	}
	// The weak-edge threshold: raising it hides actors.
	if _, err := headless.Eval[bool](b, "geokgAlign.setThreshold(6), true"); err != nil {
		t.Fatal(err)
	}
	if err := b.WaitTrue("geokgAlign.ready", 10*time.Second); err != nil {
		t.Fatal(err)
	}
	if fewer, err := headless.Eval[int](b, "geokgAlign.nodes().length"); err != nil || fewer >= len(nodes) {
		t.Errorf("threshold 6: %d actors drawn (%v), want fewer than %d", fewer, err, len(nodes))
	}
	noPageErrors(t, b)

	// The events mode stays: the same page, #events.
	open(t, b, fileURL(path)+"#events", "window.geokgView && geokgView.ready")
	shot, _, err = b.Screenshot(headless.ScreenshotDir(), "view-events.png")
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot of the events mode: %s", shot)
	noPageErrors(t, b)
}

// TestChromiumAlignmentWindows steps the fixture's page through its
// years: Russia and Turkey are rivals in 2015 and allies in 2016, Turkey
// changes bloc, and the time control animates and marks the change
// without errors.
func TestChromiumAlignmentWindows(t *testing.T) {
	b := headless.New(t, 1200, 800)
	path, _ := writeFixturePage(t)
	open(t, b, fileURL(path), "window.geokgAlign && geokgAlign.ready")
	sign := func(window string) string {
		t.Helper()
		ok, err := headless.Eval[bool](b, "geokgAlign.setWindow("+jsString(window)+")")
		if err != nil || !ok {
			t.Fatalf("no window %s (%v)", window, err)
		}
		if err := b.WaitTrue("geokgAlign.ready && geokgAlign.window === "+jsString(window), 10*time.Second); err != nil {
			t.Fatal(err)
		}
		s, err := headless.Eval[string](b, `(function(){
			var e = document.querySelector('#align-svg g.edge title');
			var all = Array.from(document.querySelectorAll('#align-svg g.edge title')).map(function (t) { return t.textContent; });
			var rt = all.filter(function (t) { return /Russia/.test(t) && /Turkey/.test(t); })[0] || "";
			return / allied with /.test(rt) ? "allied" : / opposed to /.test(rt) ? "opposed" : "none"; })()`)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	if got := sign("2015"); got != "opposed" {
		t.Errorf("Russia–Turkey in 2015: %s, want opposed", got)
	}
	if got := sign("2016"); got != "allied" {
		t.Errorf("Russia–Turkey in 2016: %s, want allied", got)
	}
	// Turkey left Russia's rivals for its bloc: the animation rings it.
	moved, err := headless.Eval[[]string](b, "geokgAlign.moved")
	if err != nil || !slices.Contains(moved, "TUR") {
		t.Errorf("actors that changed bloc from 2015 to 2016: %v (%v), want Turkey", moved, err)
	}
	ringed, err := headless.Eval[string](b, `document.querySelector('#align-svg g.node[data-actor="TUR"] circle').getAttribute("stroke")`)
	if err != nil || ringed != "#111" {
		t.Errorf("Turkey's node stroke %q (%v), want the dark ring of an actor that moved", ringed, err)
	}
	if _, _, err := b.Screenshot(headless.ScreenshotDir(), "view-alignment-2016.png"); err != nil {
		t.Fatal(err)
	}
	noPageErrors(t, b)
}

func jsString(s string) string { return "'" + strings.ReplaceAll(s, "'", "\\'") + "'" }

// spread is the extent of the node centres as a share of the drawing's
// width and height.
func spread(nodes []drawnNode, w, h float64) (float64, float64) {
	if len(nodes) == 0 {
		return 0, 0
	}
	x0, x1, y0, y1 := nodes[0].X, nodes[0].X, nodes[0].Y, nodes[0].Y
	for _, n := range nodes {
		x0, x1, y0, y1 = min(x0, n.X), max(x1, n.X), min(y0, n.Y), max(y1, n.Y)
	}
	return (x1 - x0) / w, (y1 - y0) / h
}

// labelOverlaps counts the labelled actors, the pairs of labels and the
// pairs whose drawn boxes overlap (by more than half a pixel each way:
// boxes that only touch do not hide each other).
func labelOverlaps(nodes []drawnNode) (labelled, pairs, overlapping int) {
	var boxes []struct{ X, Y, W, H float64 }
	for _, n := range nodes {
		if n.Label != nil {
			boxes = append(boxes, *n.Label)
		}
	}
	for i, a := range boxes {
		for _, b := range boxes[i+1:] {
			pairs++
			ox := min(a.X+a.W, b.X+b.W) - max(a.X, b.X)
			oy := min(a.Y+a.H, b.Y+b.H) - max(a.Y, b.Y)
			if ox > 0.5 && oy > 0.5 {
				overlapping++
			}
		}
	}
	return len(boxes), pairs, overlapping
}

// svgActors parses an SVG document and returns the actors of its node
// groups (g class="node" data-actor=ID).
func svgActors(t *testing.T, svg string) map[string]bool {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(svg))
	out := map[string]bool{}
	root := ""
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("the SVG export does not parse: %v", err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			if root == "" {
				root = se.Name.Local
			}
			var class, actor string
			for _, a := range se.Attr {
				switch a.Name.Local {
				case "class":
					class = a.Value
				case "data-actor":
					actor = a.Value
				}
			}
			if se.Name.Local == "g" && slices.Contains(strings.Fields(class), "node") {
				out[actor] = true
			}
		}
	}
	if root != "svg" {
		t.Fatalf("the SVG export's root is <%s>, want <svg>", root)
	}
	return out
}

// evalAsync evaluates a JavaScript expression whose value is a promise.
func evalAsync[T any](b *headless.Browser, expr string) (T, error) {
	ctx, cancel := context.WithTimeout(b.Ctx, 20*time.Second)
	defer cancel()
	return chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
}

// open loads a page and waits until the JavaScript expression ready is
// true.
func open(t *testing.T, b *headless.Browser, url, ready string) {
	t.Helper()
	if err := b.Navigate(url); err != nil {
		t.Fatal(err)
	}
	if err := b.WaitTrue(ready, 30*time.Second); err != nil {
		t.Fatal(err)
	}
}

// noPageErrors fails the test with the errors the page reported.
func noPageErrors(t *testing.T, b *headless.Browser) {
	t.Helper()
	if errs := b.Errors(); len(errs) > 0 {
		t.Errorf("page reported errors:\n%s", strings.Join(errs, "\n"))
	}
}

// writeFolderPage writes the page of an output folder into a temporary
// folder.
func writeFolderPage(t *testing.T, folder, title string) (string, *view.Data) {
	t.Helper()
	src, err := outdir.Open(folder, nil)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "graph.html")
	d, err := view.WriteFile(context.Background(), path, src, view.Options{Title: title})
	if err != nil {
		t.Fatal(err)
	}
	return path, d
}
