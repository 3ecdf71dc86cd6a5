package graph_test

import (
	"context"
	"testing"

	"github.com/geokg/geokg/graphdata"
	"github.com/geokg/geokg/internal/neo4jtest"
	"github.com/geokg/geokg/schema"
)

// TestEventKeepsDateSource checks that an Event node says where its date
// comes from and how precise it is, that an undated event has neither
// property, and that reading the graph back (as the exports and the view
// do) gives them again.
func TestEventKeepsDateSource(t *testing.T) {
	d := neo4jtest.Driver(t)
	rel := func(typ schema.EventType, sentence int, date, source, precision string) schema.Relation {
		r := schema.Relation{Source: "RUS", Target: "TUR", Type: typ, Quad: typ.Quad(), Score: typ.Score(), Sentence: sentence,
			Evidence: "evidence", Confidence: 0.8, DateSource: source, DatePrecision: precision}
		if date != "" {
			r.Date = mustDate(date)
		}
		return r
	}
	doc := schema.Doc{Path: "a.txt", ID: "a", Title: "A", Hash: "ha", Published: mustDate("2023-05-02"), Actors: []schema.Actor{mentioned("RUS", schema.Country), mentioned("TUR", schema.Country)},
		Relations: []schema.Relation{
			rel(schema.Sanction, 1, "2016-01-01", schema.DateFromText, schema.YearPrecision), // "in 2016"
			rel(schema.Consult, 2, "2023-03-01", schema.DateFromText, schema.MonthPrecision), // "in March"
			rel(schema.Accuse, 3, "2023-05-02", schema.DateFromArticle, schema.DayPrecision), // no date of its own
			rel(schema.Aid, 4, "", "", ""), // past perfect, undated
		}}
	load(t, testConfig(t), []schema.Doc{doc}, 10)

	type dated struct{ date, source, precision any }
	got := map[string]dated{}
	for _, r := range query(t, d, `MATCH (e:Event) RETURN e.type AS type, toString(e.date) AS date, e.date_source AS source, e.date_precision AS precision`, nil) {
		got[r["type"].(string)] = dated{r["date"], r["source"], r["precision"]}
	}
	want := map[string]dated{
		"SANCTION": {"2016-01-01", "text", "year"},
		"CONSULT":  {"2023-03-01", "text", "month"},
		"ACCUSE":   {"2023-05-02", "article", "day"},
		"AID":      {nil, nil, nil},
	}
	for typ, w := range want {
		if g, ok := got[typ]; !ok || g != w {
			t.Errorf("%s event: date, date_source, date_precision = %v, want %v", typ, g, w)
		}
	}

	if err := reader(t).Events(context.Background(), graphdata.Filter{AllModes: true}, func(e graphdata.Event) error {
		w := want[string(e.Type)]
		if g := (dated{e.Date.String(), e.DateSource, e.DatePrecision}); w.date != nil && g != w {
			t.Errorf("graphdata %s: %v, want %v", e.Type, g, w)
		}
		if w.date == nil && (e.DateSource != "" || e.DatePrecision != "") {
			t.Errorf("graphdata undated %s: date_source %q, date_precision %q", e.Type, e.DateSource, e.DatePrecision)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
}

// mentioned is an actor named once in its article.
func mentioned(id string, typ schema.ActorType) schema.Actor {
	return schema.Actor{ID: id, Name: id, Type: typ, Mentions: make([]schema.Mention, 1)}
}
