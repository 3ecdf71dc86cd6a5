package graphdata_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/geokg/geokg/graphdata"
	"github.com/geokg/geokg/schema"
)

func TestEventAtLevel(t *testing.T) {
	for _, tc := range []struct {
		name       string
		e          graphdata.Event
		level      graphdata.Level
		src, tgt   string
		kept       bool
		srcCountry string
	}{
		{"actor level keeps the actors",
			graphdata.Event{Source: "vladimir putin", Target: "TUR", Type: schema.Accuse, SourceState: "RUS"},
			graphdata.ActorLevel, "vladimir putin", "TUR", true, ""},
		{"a person counts for the state they act for",
			graphdata.Event{Source: "vladimir putin", Target: "TUR", Type: schema.Accuse, SourceState: "RUS", SourceCountry: "RUS"},
			graphdata.StateLevel, "RUS", "TUR", true, "RUS"},
		{"an end without a state is its own",
			graphdata.Event{Source: "ISIL", Target: "nameless envoy", Type: schema.Assault},
			graphdata.StateLevel, "ISIL", "nameless envoy", true, ""},
		{"two ends of one state drop out",
			graphdata.Event{Source: "sergei lavrov", Target: "vladimir putin", Type: schema.Consult, SourceState: "RUS", TargetState: "RUS"},
			graphdata.StateLevel, "RUS", "RUS", false, ""},
		{"a person and their own state drop out",
			graphdata.Event{Source: "RUS", Target: "vladimir putin", Type: schema.Support, TargetState: "RUS"},
			graphdata.StateLevel, "RUS", "RUS", false, ""},
		{"a symmetric event keeps its smaller end first, fields along",
			graphdata.Event{Source: "recep tayyip erdogan", Target: "vladimir putin", Type: schema.Consult,
				SourceState: "TUR", TargetState: "RUS", SourceCountry: "TUR", TargetCountry: "RUS"},
			graphdata.StateLevel, "RUS", "TUR", true, "RUS"},
		{"a directed event keeps its direction",
			graphdata.Event{Source: "recep tayyip erdogan", Target: "vladimir putin", Type: schema.Accuse,
				SourceState: "TUR", TargetState: "RUS", SourceCountry: "TUR"},
			graphdata.StateLevel, "TUR", "RUS", true, "TUR"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, kept := tc.e.AtLevel(tc.level)
			if kept != tc.kept || (kept && (got.Source != tc.src || got.Target != tc.tgt || got.SourceCountry != tc.srcCountry)) {
				t.Errorf("AtLevel(%s) = %s→%s (country %q), kept %v; want %s→%s (%q), kept %v",
					tc.level, got.Source, got.Target, got.SourceCountry, kept, tc.src, tc.tgt, tc.srcCountry, tc.kept)
			}
		})
	}
}

func TestParseLevel(t *testing.T) {
	for in, want := range map[string]graphdata.Level{"": graphdata.ActorLevel, "actor": graphdata.ActorLevel, "state": graphdata.StateLevel} {
		if got, err := graphdata.ParseLevel(in); err != nil || got != want {
			t.Errorf("ParseLevel(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := graphdata.ParseLevel("country"); err == nil {
		t.Errorf("ParseLevel(country): no error")
	}
}

func TestFilterMinConfidence(t *testing.T) {
	f := graphdata.Filter{MinConfidence: 0.6}
	for conf, want := range map[float64]bool{0.59: false, 0.6: true, 0.9: true, 0: false} {
		if got := f.Keep(graphdata.Event{Confidence: conf}); got != want {
			t.Errorf("Keep(confidence %g) = %v with MinConfidence 0.6", conf, got)
		}
	}
	if !(graphdata.Filter{}).Keep(graphdata.Event{}) {
		t.Errorf("the zero filter leaves out an event without confidence")
	}
}

// oneEvent is a Source of one event.
type oneEvent struct {
	graphdata.Source
	e graphdata.Event
}

func (s oneEvent) Events(_ context.Context, f graphdata.Filter, fn func(graphdata.Event) error) error {
	if f.Keep(s.e) {
		return fn(s.e)
	}
	return nil
}

func ExampleAtLevel() {
	talks := graphdata.Event{Source: "vladimir putin", Target: "recep tayyip erdogan", Type: schema.Consult,
		SourceState: "RUS", TargetState: "TUR"}
	for _, l := range []graphdata.Level{graphdata.ActorLevel, graphdata.StateLevel} {
		graphdata.AtLevel(oneEvent{e: talks}, l).Events(context.Background(), graphdata.Filter{}, func(e graphdata.Event) error {
			fmt.Printf("%s: %s – %s\n", l, e.Source, e.Target)
			return nil
		})
	}
	// Output:
	// actor: vladimir putin – recep tayyip erdogan
	// state: RUS – TUR
}
