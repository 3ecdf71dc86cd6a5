package graph_test

import (
	"context"
	"slices"
	"testing"

	"github.com/geokg/geokg/graphdata"
	"github.com/geokg/geokg/internal/neo4jtest"
	"github.com/geokg/geokg/schema"
)

// TestEventKeepsReferences checks that a relation found through a
// pronoun or a description keeps that text on its Event node, that an
// event without one has no references property, and that reading the
// graph back (as the exports and the view do) gives them again.
func TestEventKeepsReferences(t *testing.T) {
	d := neo4jtest.Driver(t)
	ctx := context.Background()
	rus := schema.Actor{ID: "RUS", Name: "Russia", Type: schema.Country, Mentions: make([]schema.Mention, 1)}
	tur := schema.Actor{ID: "TUR", Name: "Turkey", Type: schema.Country, Mentions: make([]schema.Mention, 1)}
	putin := schema.Actor{ID: "vladimir putin", Name: "Vladimir Putin", Type: schema.Person, Mentions: make([]schema.Mention, 1)}
	rel := func(src, tgt string, typ schema.EventType, sentence int, refs ...string) schema.Relation {
		return schema.Relation{Source: src, Target: tgt, Type: typ, Quad: typ.Quad(), Score: typ.Score(), Sentence: sentence,
			Evidence: "evidence", References: refs, Confidence: 0.8, Date: mustDate("2016-08-09")}
	}
	doc := schema.Doc{Path: "a.txt", ID: "a", Title: "A", Hash: "ha", Actors: []schema.Actor{rus, tur, putin},
		Relations: []schema.Relation{
			rel("vladimir putin", "TUR", schema.Support, 1, "he"),
			rel("RUS", "TUR", schema.Consult, 2, "the two leaders", "their"),
			rel("RUS", "TUR", schema.Aid, 3),
		}}
	cfg := testConfig(t)
	load(t, cfg, []schema.Doc{doc}, 10)

	refs := func() map[string]any {
		got := map[string]any{}
		for _, r := range query(t, d, `MATCH (e:Event) RETURN e.type AS type, e.references AS refs`, nil) {
			got[r["type"].(string)] = r["refs"]
		}
		return got
	}
	got := refs()
	want := map[string]any{"SUPPORT": []any{"he"}, "CONSULT": []any{"the two leaders", "their"}, "AID": nil}
	for typ, w := range want {
		g, ok := got[typ]
		if !ok {
			t.Errorf("no %s event", typ)
			continue
		}
		if gl, ok := g.([]any); (w == nil && g != nil) || (w != nil && (!ok || !slices.Equal(gl, w.([]any)))) {
			t.Errorf("%s event: references = %#v, want %#v", typ, g, w)
		}
	}

	var events []graphdata.Event
	if err := reader(t).Events(ctx, graphdata.Filter{}, func(e graphdata.Event) error {
		events = append(events, e)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	for _, e := range events {
		if e.Type == schema.Consult && !slices.Equal(e.References, []string{"the two leaders", "their"}) {
			t.Errorf("graphdata CONSULT references = %q", e.References)
		}
		if e.Type == schema.Aid && e.References != nil {
			t.Errorf("graphdata AID references = %q, want none", e.References)
		}
	}

	// A new extraction that names the actor outright drops the property.
	doc.Hash = "ha2"
	doc.Relations[0].References = nil
	load(t, cfg, []schema.Doc{doc}, 10)
	if g := refs()["SUPPORT"]; g != nil {
		t.Errorf("after reloading without references: %#v, want none", g)
	}
}
