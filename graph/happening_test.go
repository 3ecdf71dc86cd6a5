package graph_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/internal/fixture"
	"github.com/geokg/geokg/internal/neo4jtest"
	"github.com/geokg/geokg/schema"
)

// One happening told in a headline and two body sentences of one article
// and again by a second outlet the next day is one event, whatever order
// the articles are loaded in.
func TestOneEventPerHappening(t *testing.T) {
	d := neo4jtest.Driver(t)
	docs := fixture.Happening()
	load(t, testConfig(t), docs, 1)
	rows := query(t, d, `MATCH (:Actor {id: 'TUR'})-[:ACTOR]->(e:Event {type: 'ASSAULT'})-[:RECIPIENT]->(:Actor {id: 'RUS'})
		RETURN e.id AS id, e.mentions AS mentions, e.articles AS articles, e.sources AS sources, e.place AS place,
		       e.place_country AS country, e.location.latitude AS lat, toString(e.date) AS date,
		       COUNT { (e)-[:REPORTED_IN]->() } AS reports, e.source_country AS sc, e.target_state AS ts`, nil)
	if len(rows) != 1 {
		t.Fatalf("%d shootdown events, want 1: %v", len(rows), rows)
	}
	want := map[string]any{"mentions": int64(4), "articles": int64(2), "sources": int64(2), "reports": int64(2),
		"place": "Latakia", "country": "SYR", "lat": 35.6, "date": "2015-11-24", "sc": "TUR", "ts": "RUS"}
	for k, v := range want {
		if rows[0][k] != v {
			t.Errorf("shootdown %s = %v, want %v", k, rows[0][k], v)
		}
	}
	rows = query(t, d, `MATCH (e:Event)-[r:REPORTED_IN]->(a:Article) WHERE e.type = 'ASSAULT' AND e.source = 'TUR'
		RETURN a.source AS outlet, r.mentions AS mentions, r.sentences AS sentences ORDER BY outlet`, nil)
	if len(rows) != 2 || rows[0]["mentions"] != int64(3) || len(rows[0]["sentences"].([]any)) != 3 || rows[1]["mentions"] != int64(1) {
		t.Errorf("reports = %v", rows)
	}
	if n := count(t, d, `MATCH (e:Event) RETURN count(e)`); n != 3 {
		t.Errorf("%d events, want 3 (the shootdown, Erdogan's part, the talks)", n)
	}
	if n := count(t, d, `MATCH (:Actor {id: 'TUR'})-[r:ASSAULT]->(:Actor {id: 'RUS'}) RETURN r.events`); n != 1 {
		t.Errorf("TUR ASSAULT RUS counts %d events, want 1", n)
	}
	rows = query(t, d, `MATCH (e:Event {source: 'Recep Tayyip Erdogan'}) RETURN e.source_state AS state, e.source_sector AS sector`, nil)
	if len(rows) != 1 || rows[0]["state"] != "TUR" || rows[0]["sector"] != "GOV" {
		t.Errorf("Erdogan's event = %v", rows)
	}
	if n := count(t, d, `MATCH (a:Person {id: 'Recep Tayyip Erdogan', sector: 'GOV'}) RETURN count(a)`); n != 1 {
		t.Errorf("Erdogan's sector not on his actor")
	}
	// The example queries of docs/graph-model.md's "Event identity".
	qs := docQueries(t)
	rows = query(t, d, qs["attacks-by-month"], map[string]any{"x": "TUR", "y": "RUS"})
	if len(rows) != 1 || rows[0]["month"] != "2015-11" || rows[0]["events"] != int64(1) || rows[0]["articles"] != int64(2) || rows[0]["most_outlets"] != int64(2) {
		t.Errorf("attacks-by-month = %v", rows)
	}
	rows = query(t, d, qs["events-near"], map[string]any{"lat": 36.2, "lon": 37.16})
	if len(rows) != 1 || rows[0]["place"] != "Latakia" {
		t.Errorf("events-near = %v", rows)
	}
	id := query(t, d, `MATCH (e:Event {source: 'TUR', type: 'ASSAULT'}) RETURN e.id AS id`, nil)[0]["id"]
	rows = query(t, d, qs["event-reports"], map[string]any{"id": id})
	if len(rows) != 2 || rows[0]["outlet"] != "Example Wire" || rows[0]["mentions"] != int64(3) || rows[1]["outlet"] != "Harbour Courier" {
		t.Errorf("event-reports = %v", rows)
	}
	once := dump(t, d)

	// The other order, and the other article first in one batch, make the
	// same graph: the same event ids.
	neo4jtest.Clean(context.Background(), d)
	rev := slices.Clone(docs)
	slices.Reverse(rev)
	load(t, testConfig(t), rev, 1)
	diff(t, "reversed order", dump(t, d), once)
	neo4jtest.Clean(context.Background(), d)
	load(t, testConfig(t), rev, 2)
	diff(t, "one batch", dump(t, d), once)
}

// Day-dated reports merge within the event window (default ±1 day) and
// not beyond it.
func TestEventWindow(t *testing.T) {
	d := neo4jtest.Driver(t)
	for _, tc := range []struct {
		name         string
		days, window int
		want         int64
	}{
		{"one day apart", 1, 0, 1},
		{"two days apart", 2, 0, 2},
		{"two days apart, window 2", 2, 2, 1},
		{"one day apart, same day only", 1, -1, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			neo4jtest.Clean(context.Background(), d)
			docs := fixture.Happening()
			second := &docs[1]
			day, _ := schema.ParseDate([]string{"", "2015-11-25", "2015-11-26"}[tc.days])
			second.Published = day
			for i := range second.Relations {
				second.Relations[i].Date = day
			}
			cfg := testConfig(t)
			cfg.Graph.EventWindow = tc.window
			load(t, cfg, docs, 1)
			if n := count(t, d, `MATCH (e:Event {source: 'TUR', type: 'ASSAULT'}) RETURN count(e)`); n != tc.want {
				t.Errorf("%d shootdown events, want %d", n, tc.want)
			}
			if n := count(t, d, `MATCH (:Actor {id: 'TUR'})-[r:ASSAULT]->() RETURN r.events`); n != tc.want {
				t.Errorf("the ASSAULT edge counts %d events, want %d", n, tc.want)
			}
		})
	}
}

// A graph of schema version 1 (one event per sentence) cannot take
// happenings: the writer says to re-import instead of mixing the two.
func TestRefusesSentenceEventGraph(t *testing.T) {
	d := neo4jtest.Driver(t)
	query(t, d, `MERGE (s:GraphSchema {name: 'geokg'}) SET s.version = 1 CREATE (:Event {id: 'old'})`, nil)
	_, err := graph.Open(context.Background(), testConfig(t))
	if err == nil || !strings.Contains(err.Error(), "re-import") {
		t.Fatalf("Open on a version 1 graph: %v, want a re-import error", err)
	}
}
