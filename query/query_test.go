package query_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/geokg/geokg/internal/devgraph"
	"github.com/geokg/geokg/query"
	"github.com/geokg/geokg/schema"
)

func TestPageRankStar(t *testing.T) {
	// A star: the hub outranks its leaves, the leaves tie, ranks sum to 1.
	edges := []query.WeightedEdge{{"hub", "a", 1}, {"hub", "b", 1}, {"c", "hub", 1}}
	pr := query.PageRank(edges, 0.85, 1e-12, 500)
	sum := 0.0
	for _, v := range pr {
		sum += v
	}
	if math.Abs(sum-1) > 1e-9 {
		t.Errorf("ranks sum to %v", sum)
	}
	if !(pr["hub"] > pr["a"]) || math.Abs(pr["a"]-pr["c"]) > 1e-9 {
		t.Errorf("ranks = %v", pr)
	}
	// Closed form for an undirected star with k leaves: hub = (1-d)/n + d·Σleaf, leaf = (1-d)/n + d·hub/k.
	n, d, k := 4.0, 0.85, 3.0
	hub := ((1-d)/n + d*(1-d)/n*k) / (1 - d*d)
	if math.Abs(pr["hub"]-hub) > 1e-9 {
		t.Errorf("hub rank %v, want %v", pr["hub"], hub)
	}
	_ = k
}

// names returns a column of a table as strings.
func column(t *testing.T, tab *query.Table, col string) []string {
	t.Helper()
	i := -1
	for j, c := range tab.Columns {
		if c == col {
			i = j
		}
	}
	if i < 0 {
		t.Fatalf("no column %q in %v", col, tab.Columns)
	}
	var out []string
	for _, r := range tab.Rows {
		s, _ := r[i].(string)
		out = append(out, s)
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestNamedQueriesOnDevGraph loads the dev articles (real extractor, real
// writer, real Neo4j) and checks answers the dev gold implies.
func TestNamedQueriesOnDevGraph(t *testing.T) {
	devgraph.LoadNeo4j(t)
	c := query.New(devgraph.Conn(t))
	ctx := context.Background()

	resolveActor := func(name string) query.Actor {
		t.Helper()
		a, _, err := c.Resolve(ctx, name)
		if err != nil {
			t.Fatalf("resolve %q: %v", name, err)
		}
		return a
	}
	resolve := func(name string) string { return resolveActor(name).ID }
	t.Run("aliases resolve", func(t *testing.T) {
		for name, want := range map[string]string{"RUS": "Russia", "Russia": "Russia", "moscow": "Russia", "Putin": "Vladimir Putin"} {
			if got := resolveActor(name).Name; got != want {
				t.Errorf("resolve %q = %q, want %q", name, got, want)
			}
		}
		var nf *query.NotFoundError
		if _, _, err := c.Resolve(ctx, "Atlantis"); !errors.As(err, &nf) {
			t.Errorf("resolve Atlantis: %v, want NotFoundError", err)
		}
	})
	t.Run("allies of Assad include Russia and Iran", func(t *testing.T) {
		// Gold: RUS SUPPORT and AID Bashar al-Assad, IRN SUPPORT Bashar al-Assad.
		tab, err := c.Allies(ctx, resolve("Bashar al-Assad"), query.Window{}, 20)
		if err != nil {
			t.Fatal(err)
		}
		allies := column(t, tab, "actor")
		for _, want := range []string{"RUS", "IRN"} {
			if !contains(allies, want) {
				t.Errorf("allies of Assad = %v, want %s among them (gold: %s SUPPORT Bashar al-Assad)", allies, want, want)
			}
		}
	})
	t.Run("rivals of Qatar include Saudi Arabia", func(t *testing.T) {
		// Gold (qatar-demands-tillerson): the blockading states make
		// demands of and sanction Qatar.
		tab, err := c.Rivals(ctx, resolve("Qatar"), query.Window{}, 20)
		if err != nil {
			t.Fatal(err)
		}
		if rivals := column(t, tab, "actor"); !contains(rivals, "SAU") {
			t.Errorf("rivals of Qatar = %v, want SAU", rivals)
		}
	})
	t.Run("dyad Russia Syria lists evidence", func(t *testing.T) {
		tab, err := c.Dyad(ctx, "RUS", "SYR", query.Window{}, false, 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(tab.Rows) == 0 {
			t.Fatal("no events between Russia and Syria")
		}
		for _, ev := range column(t, tab, "evidence") {
			if ev == "" {
				t.Errorf("event without evidence sentence")
			}
		}
		months, err := c.Dyad(ctx, "RUS", "SYR", query.Window{}, true, 0)
		if err != nil || len(months.Rows) == 0 {
			t.Fatalf("dyad by month: %v rows, err %v", len(months.Rows), err)
		}
	})
	t.Run("path from Putin to Assad", func(t *testing.T) {
		tab, err := c.Path(ctx, resolve("Putin"), resolve("Assad"), query.Window{}, schema.EventTypes, 4, 3)
		if err != nil {
			t.Fatal(err)
		}
		if len(tab.Rows) == 0 {
			t.Fatal("no path from Putin to Assad")
		}
		var buf bytes.Buffer
		tab.Write(&buf, query.Aligned)
		t.Logf("path Putin → Assad:\n%s", buf.String())
	})
	t.Run("top: Russia and the United States are central", func(t *testing.T) {
		tab, err := c.Top(ctx, query.Window{}, query.ByPageRank, "", nil, 5)
		if err != nil {
			t.Fatal(err)
		}
		top := column(t, tab, "actor")
		for _, want := range []string{"RUS", "USA"} {
			if !contains(top, want) {
				t.Errorf("top 5 = %v, want %s among them", top, want)
			}
		}
		countries, err := c.Top(ctx, query.Window{}, query.ByDegree, schema.Country, nil, 50)
		if err != nil {
			t.Fatal(err)
		}
		for _, typ := range column(t, countries, "type") {
			if typ != "COUNTRY" {
				t.Errorf("--type COUNTRY returned a %s", typ)
			}
		}
	})
	t.Run("cypher with parameters", func(t *testing.T) {
		tab, err := c.Cypher(ctx, `MATCH (a:Actor {id: $id}) RETURN a.name AS name, a.aliases AS aliases`, map[string]any{"id": "RUS"}, false)
		if err != nil {
			t.Fatal(err)
		}
		if len(tab.Rows) != 1 || tab.Rows[0][0] != "Russia" {
			t.Errorf("rows = %v", tab.Rows)
		}
		var buf bytes.Buffer
		if err := tab.Write(&buf, query.JSON); err != nil {
			t.Fatal(err)
		}
		var back []map[string]any
		if err := json.Unmarshal(buf.Bytes(), &back); err != nil || back[0]["name"] != "Russia" {
			t.Errorf("JSON output %s (%v)", buf.String(), err)
		}
		if _, err := c.Cypher(ctx, `CREATE (:Scratch)`, nil, false); err == nil || !strings.Contains(err.Error(), "cypher") {
			t.Errorf("a write in read mode: err %v, want a refusal", err)
		}
	})
}
