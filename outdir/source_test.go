package outdir_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/geokg/geokg/graphdata"
	"github.com/geokg/geokg/internal/fixture"
	"github.com/geokg/geokg/outdir"
	"github.com/geokg/geokg/schema"
)

func TestDocsActorsMerged(t *testing.T) {
	src, err := outdir.Open(fixture.WriteDocs(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]graphdata.Actor{}
	var order []string
	err = src.Actors(context.Background(), func(a graphdata.Actor) error {
		byID[a.ID] = a
		order = append(order, a.ID)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.IsSorted(order) {
		t.Errorf("actors not ordered by id: %v", order)
	}
	rus := byID["RUS"]
	if rus.Name != "Russia" || rus.Type != schema.Country || rus.Articles != 4 {
		t.Errorf("RUS = %+v", rus)
	}
	if want := []string{"Moscow", "Russia", "the Kremlin"}; !slices.Equal(rus.Aliases, want) {
		t.Errorf("RUS aliases = %q, want %q", rus.Aliases, want)
	}
	if p := byID["Vladimir Putin"]; p.Affiliation != "RUS" || p.Role != "President" {
		t.Errorf("Putin = %+v", p)
	}
}

func TestDocsEventsFilter(t *testing.T) {
	src, err := outdir.Open(fixture.WriteDocs(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	count := func(f graphdata.Filter) int {
		n := 0
		if err := src.Events(context.Background(), f, func(graphdata.Event) error { n++; return nil }); err != nil {
			t.Fatal(err)
		}
		return n
	}
	since, _ := schema.ParseDate("2016-01-01")
	until, _ := schema.ParseDate("2015-12-31")
	tests := []struct {
		name   string
		filter graphdata.Filter
		want   int
	}{
		{"asserted events only by default", graphdata.Filter{}, 15},
		{"all modes keeps the negated one", graphdata.Filter{AllModes: true}, 16},
		{"since 2016", graphdata.Filter{Since: since}, 7},
		{"until 2015", graphdata.Filter{Until: until}, 8},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := count(tc.filter); got != tc.want {
				t.Errorf("got %d events, want %d", got, tc.want)
			}
		})
	}
}

func TestDocsBadLinesReportedAndSkipped(t *testing.T) {
	dir := fixture.WriteDocs(t)
	path := filepath.Join(dir, "docs.jsonl")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(data), "\n")
	bad := lines[0] + "{not json\n" + strings.Join(lines[1:], "")
	if err := os.WriteFile(path, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	var errs []string
	src, err := outdir.Open(dir, func(err error) { errs = append(errs, err.Error()) })
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	if err := src.Articles(context.Background(), func(graphdata.Article) error { n++; return nil }); err != nil {
		t.Fatal(err)
	}
	if n != 4 || len(errs) != 1 || !strings.Contains(errs[0], "docs.jsonl:2:") {
		t.Errorf("read %d articles, errors %q; want 4 and one error naming line 2", n, errs)
	}
}

func TestOpenMissing(t *testing.T) {
	dir := t.TempDir()
	_, err := outdir.Open(dir, nil)
	if err == nil || !strings.Contains(err.Error(), "no docs.jsonl") {
		t.Errorf("err = %v, want one naming the missing docs.jsonl", err)
	}
	_, err = outdir.Open(filepath.Join(dir, "nope"), nil)
	if err == nil || !strings.Contains(err.Error(), "nope") {
		t.Errorf("err = %v, want one naming the path", err)
	}
}

// An output folder's undated relation keeps the article's date only when
// its doc does not say where dates come from; one the extractor left
// undated on purpose stays undated, as in the graph.
func TestDocsEventDates(t *testing.T) {
	pub, _ := schema.ParseDate("2023-05-02")
	year, _ := schema.ParseDate("2016-01-01")
	rel := func(typ schema.EventType, sentence int) schema.Relation {
		return schema.Relation{Source: "RUS", Target: "TUR", Type: typ, Sentence: sentence, Evidence: "e", Confidence: 0.5}
	}
	inText, undated := rel(schema.Sanction, 1), rel(schema.Aid, 2)
	inText.Date, inText.DateSource, inText.DatePrecision = year, schema.DateFromText, schema.YearPrecision
	docs := []schema.Doc{
		{Path: "new.txt", ID: "new", Published: pub, Relations: []schema.Relation{inText, undated}},
		{Path: "old.txt", ID: "old", Published: pub, Relations: []schema.Relation{rel(schema.Consult, 1)}},
	}
	dir := t.TempDir()
	var b strings.Builder
	for _, d := range docs {
		line, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(append(line, '\n'))
	}
	if err := os.WriteFile(filepath.Join(dir, "docs.jsonl"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	src, err := outdir.Open(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	if err := src.Events(context.Background(), graphdata.Filter{}, func(e graphdata.Event) error {
		got[e.Article+" "+string(e.Type)] = e.Date.String() + " " + e.DateSource + " " + e.DatePrecision
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"new SANCTION": "2016-01-01 text year",
		"new AID":      "  ",
		"old CONSULT":  "2023-05-02 article day",
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s: %q, want %q", k, got[k], w)
		}
	}
}
