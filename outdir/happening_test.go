package outdir_test

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/geokg/geokg/graphdata"
	"github.com/geokg/geokg/graphmodel"
	"github.com/geokg/geokg/internal/fixture"
	"github.com/geokg/geokg/outdir"
	"github.com/geokg/geokg/schema"
)

// The output folder makes one event of one happening told by two
// outlets, as the Neo4j writer does (TestSinksMakeTheSameGraph compares
// the graphs; graph.TestOneEventPerHappening checks them in Neo4j), in
// graph.jsonl and in what the folder's readers get, whatever the order
// of the articles.
func TestFolderOneEventPerHappening(t *testing.T) {
	var ids [][]string
	for _, docs := range [][]schema.Doc{fixture.Happening(), reversed(fixture.Happening())} {
		dir := t.TempDir()
		w, err := outdir.Create(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range docs {
			if err := w.WriteBatch(context.Background(), []schema.Doc{d}); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Close(context.Background()); err != nil {
			t.Fatal(err)
		}
		var rows []graphmodel.EventRow
		f, err := os.Open(filepath.Join(dir, outdir.GraphFile))
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			var line struct {
				Kind string
				Row  graphmodel.EventRow
			}
			if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
				t.Fatal(err)
			}
			if line.Kind == "event" {
				rows = append(rows, line.Row)
			}
		}
		f.Close()
		src, err := outdir.Open(dir, nil)
		if err != nil {
			t.Fatal(err)
		}
		var events []graphdata.Event
		if err := src.Events(context.Background(), graphdata.Filter{}, func(e graphdata.Event) error {
			events = append(events, e)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		if len(rows) != 3 || len(events) != 3 {
			t.Fatalf("%d events in graph.jsonl, %d read from the folder; want 3", len(rows), len(events))
		}
		var got []string
		for _, e := range events {
			got = append(got, e.ID)
			if e.Source != "TUR" || e.Type != schema.Assault {
				continue
			}
			if e.Mentions < 3 || e.Articles != 2 || e.Sources != 2 || len(e.Reports) != 2 || e.Place == nil || e.SourceCountry != "TUR" {
				t.Errorf("shootdown read from the folder: %+v", e)
			}
		}
		for _, r := range rows {
			if r.Source == "TUR" && r.Type == schema.Assault && (r.Mentions != 4 || r.Articles != 2 || r.Sources != 2) {
				t.Errorf("shootdown in graph.jsonl: mentions %d, articles %d, sources %d", r.Mentions, r.Articles, r.Sources)
			}
			if !slices.Contains(got, r.ID) {
				t.Errorf("graph.jsonl's event %s is not among the folder's events %v", r.ID, got)
			}
		}
		slices.Sort(got)
		ids = append(ids, got)
	}
	if !slices.Equal(ids[0], ids[1]) {
		t.Errorf("event ids depend on the order of the articles: %v and %v", ids[0], ids[1])
	}
}

func reversed(docs []schema.Doc) []schema.Doc {
	slices.Reverse(docs)
	return docs
}
