package graphmodel_test

import (
	"slices"
	"testing"

	"github.com/geokg/geokg/graphmodel"
	"github.com/geokg/geokg/internal/fixture"
	"github.com/geokg/geokg/schema"
)

// report is a report of RUS ASSAULT TUR in article id of outlet, dated.
func report(id, outlet, date, precision string, sentences ...int) graphmodel.Report {
	r := graphmodel.Report{Key: graphmodel.HappeningKey{Source: "RUS", Target: "TUR", Type: schema.Assault},
		Article: id, Outlet: outlet, Date: date, DatePrecision: precision}
	for _, s := range sentences {
		r.Sentences = append(r.Sentences, s)
		r.Evidence = append(r.Evidence, "sentence")
	}
	if date != "" {
		r.DateSource = schema.DateFromText
	}
	return r
}

func TestClusterWindow(t *testing.T) {
	for _, tc := range []struct {
		name    string
		reports []graphmodel.Report
		window  int
		want    []int // articles per happening, by id order unknown: sorted
	}{
		{"one day apart", []graphmodel.Report{report("a", "x", "2016-03-01", "day", 0), report("b", "y", "2016-03-02", "day", 1)}, 1, []int{2}},
		{"two days apart", []graphmodel.Report{report("a", "x", "2016-03-01", "day", 0), report("b", "y", "2016-03-03", "day", 1)}, 1, []int{1, 1}},
		{"two days, window 2", []graphmodel.Report{report("a", "x", "2016-03-01", "day", 0), report("b", "y", "2016-03-03", "day", 1)}, 2, []int{2}},
		{"same day, window 0", []graphmodel.Report{report("a", "x", "2016-03-01", "day", 0), report("b", "y", "2016-03-01", "day", 1)}, 0, []int{2}},
		{"chain", []graphmodel.Report{report("a", "x", "2016-03-01", "day", 0), report("c", "y", "2016-03-03", "day", 1), report("b", "z", "2016-03-02", "day", 1)}, 1, []int{3}},
		{"month with day", []graphmodel.Report{report("a", "x", "2016-03-01", "month", 0), report("b", "y", "2016-03-01", "day", 1)}, 1, []int{1, 1}},
		{"same month", []graphmodel.Report{report("a", "x", "2016-03-01", "month", 0), report("b", "y", "2016-03-01", "month", 1)}, 1, []int{2}},
		{"years apart", []graphmodel.Report{report("a", "x", "2016-01-01", "year", 0), report("b", "y", "2017-01-01", "year", 1)}, 1, []int{1, 1}},
		{"undated", []graphmodel.Report{report("a", "x", "", "", 0), report("b", "y", "", "", 1)}, 1, []int{1, 1}},
		{"a date of no known precision", []graphmodel.Report{report("a", "x", "2016-03-01", "", 0), report("b", "y", "2016-03-01", "week", 1)}, 1, []int{1, 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			hs := graphmodel.Cluster(tc.reports, tc.window)
			var got []int
			ids := map[string]bool{}
			for _, h := range hs {
				got = append(got, h.Articles())
				if ids[h.ID] {
					t.Errorf("two events with id %s", h.ID)
				}
				ids[h.ID] = true
			}
			slices.Sort(got)
			if !slices.Equal(got, tc.want) {
				t.Errorf("articles per event %v, want %v", got, tc.want)
			}
			// The same reports in reverse order make the same events.
			rev := slices.Clone(tc.reports)
			slices.Reverse(rev)
			again := graphmodel.Cluster(rev, tc.window)
			if len(again) != len(hs) {
				t.Fatalf("reversed: %d events, want %d", len(again), len(hs))
			}
			for i := range hs {
				if again[i].ID != hs[i].ID {
					t.Errorf("reversed: event %d id %s, want %s", i, again[i].ID, hs[i].ID)
				}
			}
		})
	}
}

func TestHappeningCounts(t *testing.T) {
	b := graphmodel.NewGraphBatch(fixture.Happening(), graphmodel.GraphOptions{})
	var shootdown *graphmodel.EventRow
	for i, e := range b.Events {
		if e.Source == "TUR" && e.Type == schema.Assault && e.Target == "RUS" {
			if shootdown != nil {
				t.Fatalf("two shootdown events: %s and %s", shootdown.ID, e.ID)
			}
			shootdown = &b.Events[i]
		}
	}
	if len(b.Events) != 3 || shootdown == nil {
		t.Fatalf("%d events, want 3 with the shootdown: %+v", len(b.Events), b.Events)
	}
	e := shootdown
	if e.Mentions != 4 || e.Articles != 2 || e.Sources != 2 {
		t.Errorf("mentions %d, articles %d, sources %d; want 4, 2, 2", e.Mentions, e.Articles, e.Sources)
	}
	if e.Place == nil || e.Place.Name != "Latakia" || e.Date != "2015-11-24" || e.Sentence != 0 {
		t.Errorf("place %+v, date %s, sentence %d; want Latakia, 2015-11-24, 0", e.Place, e.Date, e.Sentence)
	}
	if e.SourceCountry != "TUR" || e.TargetState != "RUS" {
		t.Errorf("source country %q, target state %q", e.SourceCountry, e.TargetState)
	}
	for _, e := range b.Events {
		if e.Source == "Recep Tayyip Erdogan" && (e.SourceState != "TUR" || e.SourceCountry != "TUR" || e.SourceSector != "GOV") {
			t.Errorf("Erdogan's event: state %q, country %q, sector %q; want TUR, TUR, GOV", e.SourceState, e.SourceCountry, e.SourceSector)
		}
	}
}
