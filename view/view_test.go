package view_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/geokg/geokg/graphdata"
	"github.com/geokg/geokg/internal/fixture"
	"github.com/geokg/geokg/outdir"
	"github.com/geokg/geokg/schema"
	"github.com/geokg/geokg/view"
)

// writeFixturePage writes the fixture's page into a temporary folder.
func writeFixturePage(t *testing.T) (string, *view.Data) {
	t.Helper()
	src, err := outdir.Open(fixture.WriteDocs(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "graph.html")
	d, err := view.WriteFile(context.Background(), path, src, view.Options{Title: `Fixture <graph> & "friends"`})
	if err != nil {
		t.Fatal(err)
	}
	return path, d
}

func TestPageIsSelfContained(t *testing.T) {
	path, d := writeFixturePage(t)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	page := string(b)
	if len(d.Events) != 15 || len(d.Actors) != 10 {
		t.Errorf("page has %d events and %d actors, want 15 and 10", len(d.Events), len(d.Actors))
	}
	// Nothing is fetched: no src=, no href to a stylesheet, no import.
	if m := regexp.MustCompile(`<(script|link|img)[^>]+(src|href)=`).FindString(page); m != "" {
		t.Errorf("page loads an external resource: %s", m)
	}
	if !strings.Contains(page, "<title>Fixture &lt;graph&gt; &amp; &#34;friends&#34;</title>") {
		t.Errorf("title not escaped")
	}
	// The data block must survive any sentence: exactly four closing
	// script tags (library, data, app, alignment).
	if n := strings.Count(page, "</script>"); n != 4 {
		t.Errorf("page has %d </script> tags, want 4", n)
	}
	start := strings.Index(page, `<script type="application/json" id="geokg-data">`)
	end := strings.Index(page[start:], "</script>")
	block := page[start+len(`<script type="application/json" id="geokg-data">`) : start+end]
	var back view.Data
	if err := json.Unmarshal([]byte(block), &back); err != nil {
		t.Fatalf("data block is not JSON: %v", err)
	}
	if back.Events[0].E == "" && len(back.Events) == 0 {
		t.Errorf("data block lost its events")
	}
	var refs []string
	for _, e := range back.Events {
		if e.R != "" {
			refs = append(refs, e.R)
		}
	}
	if !slices.Equal(refs, []string{"The two governments"}) {
		t.Errorf("events' references = %q, want the one of the fixture", refs)
	}
}

// hostileSource is a graph whose texts try to break out of the page.
type hostileSource struct{}

const hostile = `</script><script>window.pwned=1</script><img src=x onerror="window.pwned=2">`

func (hostileSource) Actors(_ context.Context, fn func(graphdata.Actor) error) error {
	if err := fn(graphdata.Actor{ID: "A", Name: hostile, Type: schema.Country, Aliases: []string{hostile}}); err != nil {
		return err
	}
	return fn(graphdata.Actor{ID: "B", Name: "B", Type: schema.Group, Aliases: []string{}})
}

func (hostileSource) Articles(_ context.Context, fn func(graphdata.Article) error) error {
	return fn(graphdata.Article{ID: "art", Title: hostile, URL: "javascript:window.pwned=3"})
}

func (hostileSource) Mentions(context.Context, func(graphdata.Mention) error) error { return nil }

func (hostileSource) Events(_ context.Context, _ graphdata.Filter, fn func(graphdata.Event) error) error {
	return fn(graphdata.Event{ID: "e", Source: "A", Target: "B", Type: schema.Assault, Quad: schema.MaterialConflict, Score: schema.Assault.Score(), Evidence: hostile, References: []string{hostile}, Article: "art"})
}

func TestHostileTextCannotCloseTheScript(t *testing.T) {
	d, err := view.Build(context.Background(), hostileSource{}, view.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := d.WriteHTML(&buf); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(buf.String(), "</script>"); n != 4 {
		t.Errorf("page has %d </script> tags, want 4", n)
	}
}

func TestMaxEventsKeepsTheMostRecent(t *testing.T) {
	src, err := outdir.Open(fixture.WriteDocs(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	d, err := view.Build(context.Background(), src, view.Options{MaxEvents: 3})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Events) != 3 || d.Dropped != 12 {
		t.Fatalf("kept %d, dropped %d; want 3 and 12", len(d.Events), d.Dropped)
	}
	// The latest article has two asserted events; the third most recent
	// comes from the one before.
	var dates []string
	for _, e := range d.Events {
		dates = append(dates, e.D)
	}
	if got := strings.Join(dates, " "); got != "2016-08-09 2016-12-20 2016-12-20" {
		t.Errorf("kept events of %s, want the three most recent in date order", got)
	}
}
