package browser_test

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/geokg/geokg/browser"
	"github.com/geokg/geokg/graphmodel"
	"github.com/geokg/geokg/internal/neo4jtest"
	"github.com/geokg/geokg/schema"
	"github.com/geokg/geokg/view"
)

// TestStyleMatchesTheHTMLView checks that actors and quad classes have the
// same colours in the Browser as in the HTML view, and that every PLOVER
// type has a rule.
func TestStyleMatchesTheHTMLView(t *testing.T) {
	grass := string(browser.Style())
	rule := func(sel string) string {
		m := regexp.MustCompile(`(?s)` + regexp.QuoteMeta(sel) + ` \{(.*?)\n\}`).FindStringSubmatch(grass)
		if m == nil {
			t.Fatalf("no rule for %s", sel)
		}
		return m[1]
	}
	for typ, colour := range view.DefaultPalette.Types {
		if r := rule("node." + graphmodel.ActorLabel(typ)); !strings.Contains(r, "color: "+colour+";") || !strings.Contains(r, `caption: "{name}"`) {
			t.Errorf("node.%s = %s, want colour %s and caption {name}", graphmodel.ActorLabel(typ), r, colour)
		}
	}
	for sel, colour := range map[string]string{"relationship.ALLIED_WITH": view.DefaultPalette.Ally, "relationship.OPPOSED_TO": view.DefaultPalette.Rival} {
		if r := rule(sel); !strings.Contains(r, "color: "+colour+";") {
			t.Errorf("%s = %s, want the HTML view's colour %s", sel, r, colour)
		}
	}
	for _, et := range schema.EventTypes {
		r := rule("relationship." + string(et))
		if want := view.DefaultPalette.Quads[et.Quad()]; !strings.Contains(r, "color: "+want+";") || !strings.Contains(r, `caption: "<type>"`) {
			t.Errorf("relationship.%s = %s, want colour %s and caption <type>", et, r, want)
		}
	}
}

func TestHandlerServesWithCORS(t *testing.T) {
	srv := httptest.NewServer(browser.Handler())
	defer srv.Close()
	for _, path := range []string{"/geokg.grass", "/queries.zip", "/queries/alliances.cypher", "/"} {
		res, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 200 || res.Header.Get("Access-Control-Allow-Origin") != "*" || len(body) == 0 {
			t.Errorf("GET %s: %d, CORS %q, %d bytes", path, res.StatusCode, res.Header.Get("Access-Control-Allow-Origin"), len(body))
		}
		if path == "/queries.zip" {
			z, err := zip.NewReader(bytes.NewReader(body), int64(len(body)))
			if err != nil || len(z.File) != len(browser.Queries()) {
				t.Errorf("queries.zip: %v, %d files", err, len(z.File))
			}
		}
	}
}

// TestHandlerAnswersPreflight: Neo4j Browser's fetch of a `:style URL`
// carries a sentry-trace header, so Chromium asks first with OPTIONS; an
// unanswered preflight fails the fetch ("Failed to fetch").
func TestHandlerAnswersPreflight(t *testing.T) {
	srv := httptest.NewServer(browser.Handler())
	defer srv.Close()
	req, _ := http.NewRequest(http.MethodOptions, srv.URL+"/geokg.grass", nil)
	req.Header.Set("Origin", "http://127.0.0.1:7474")
	req.Header.Set("Access-Control-Request-Method", "GET")
	req.Header.Set("Access-Control-Request-Headers", "sentry-trace,baggage")
	req.Header.Set("Access-Control-Request-Private-Network", "true")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	want := map[string]string{
		"Access-Control-Allow-Origin":          "*",
		"Access-Control-Allow-Headers":         "sentry-trace,baggage",
		"Access-Control-Allow-Private-Network": "true",
	}
	if res.StatusCode != http.StatusNoContent {
		t.Errorf("preflight: %s, want 204", res.Status)
	}
	for k, v := range want {
		if got := res.Header.Get(k); got != v {
			t.Errorf("preflight %s = %q, want %q", k, got, v)
		}
	}
	if !strings.Contains(res.Header.Get("Access-Control-Allow-Methods"), "GET") {
		t.Errorf("preflight allows methods %q, want GET", res.Header.Get("Access-Control-Allow-Methods"))
	}
}

// TestSavedQueriesCompile asks the real Neo4j to plan every saved query.
func TestSavedQueriesCompile(t *testing.T) {
	drv := neo4jtest.Driver(t)
	ctx := context.Background()
	for _, q := range browser.Queries() {
		_, err := neo4j.ExecuteQuery(ctx, drv, "EXPLAIN "+q.Cypher,
			map[string]any{"x": "RUS", "y": "TUR", "name": "Russia", "from": "2015", "to": "2016"}, neo4j.EagerResultTransformer)
		if err != nil {
			t.Errorf("%s (%s): %v", q.File, q.Name, err)
		}
	}
}
