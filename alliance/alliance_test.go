package alliance_test

import (
	"fmt"
	"math"
	"testing"
	"time"

	"github.com/geokg/geokg/alliance"
	"github.com/geokg/geokg/schema"
)

func day(s string) schema.Date {
	d, err := schema.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestWeight(t *testing.T) {
	year := 365 * 24 * time.Hour
	tests := []struct {
		name          string
		age, halfLife time.Duration
		want          float64
	}{
		{"fresh event counts fully", 0, year, 1},
		{"one half-life halves", year, year, 0.5},
		{"two half-lives quarter", 2 * year, year, 0.25},
		{"no half-life, no decay", 5 * year, 0, 1},
		{"events after the reference count fully", -year, year, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := alliance.Weight(tc.age, tc.halfLife); math.Abs(got-tc.want) > 1e-12 {
				t.Errorf("Weight = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestScorerRivalsToAllies(t *testing.T) {
	events := []alliance.Event{
		{"TUR", "RUS", schema.Assault.Score(), day("2015-11-24"), schema.Assault},
		{"RUS", "TUR", schema.Sanction.Score(), day("2015-11-28"), schema.Sanction},
		{"RUS", "TUR", schema.Agree.Score(), day("2016-08-09"), schema.Agree},
		{"RUS", "TUR", schema.Cooperate.Score(), day("2016-12-20"), schema.Cooperate},
		{"RUS", "SYR", schema.Aid.Score(), day("2016-03-01"), schema.Aid},
		{"RUS", "RUS", schema.Agree.Score(), day("2016-03-01"), schema.Agree}, // self: ignored
		{"USA", "RUS", schema.Accuse.Score(), schema.Date{}, schema.Accuse},   // undated: not in a bounded window
	}
	score := func(w alliance.Window, half time.Duration) map[string]alliance.Alignment {
		s := alliance.NewScorer(w, half, schema.Date{})
		for _, e := range events {
			s.Add(e)
		}
		out := map[string]alliance.Alignment{}
		for _, a := range s.Alignments() {
			out[a.A+"-"+a.B] = a
		}
		return out
	}
	y15, y16 := score(alliance.Year(2015), 0), score(alliance.Year(2016), 0)
	if a := y15["RUS-TUR"]; a.Score >= 0 || a.Events != 2 || a.Conflict != 2 {
		t.Errorf("2015 RUS-TUR = %+v, want rivals", a)
	}
	if a := y16["RUS-TUR"]; a.Score <= 0 || a.Events != 2 || a.Cooperation != 2 {
		t.Errorf("2016 RUS-TUR = %+v, want allies", a)
	}
	if got := fmt.Sprint(y15["RUS-TUR"].TopTypes); got != "[SANCTION ASSAULT]" {
		t.Errorf("2015 RUS-TUR top types %s, want [SANCTION ASSAULT] (ties in PLOVER order)", got)
	}
	if _, ok := y16["RUS-USA"]; ok {
		t.Errorf("the undated event counted in a bounded window")
	}
	// Decay: with a 30-day half-life the December COOPERATE dominates the
	// August AGREE.
	half := 30 * 24 * time.Hour
	d := score(alliance.Year(2016), half)["RUS-TUR"]
	agreeAge := day("2016-12-31").Time().Sub(day("2016-08-09").Time())
	coopAge := day("2016-12-31").Time().Sub(day("2016-12-20").Time())
	want := schema.Agree.Score()*alliance.Weight(agreeAge, half) + schema.Cooperate.Score()*alliance.Weight(coopAge, half)
	if math.Abs(d.Score-want) > 1e-6 {
		t.Errorf("decayed score %v, want %v", d.Score, want)
	}
	all := score(alliance.Window{}, 0)
	if a := all["RUS-USA"]; a.Undated != 1 || a.Events != 1 {
		t.Errorf("unbounded window: undated event = %+v, want counted", a)
	}
}

func TestWindowName(t *testing.T) {
	tests := []struct {
		w    alliance.Window
		want string
	}{
		{alliance.Window{}, "all"},
		{alliance.Year(2016), "2016"},
		{alliance.Window{Since: day("2016-01-01"), Until: day("2016-06-30")}, "2016-01-01/2016-06-30"},
		{alliance.Window{Since: day("2016-01-01")}, "2016-01-01/.."},
	}
	for _, tc := range tests {
		if got := tc.w.Name(); got != tc.want {
			t.Errorf("%+v.Name() = %q, want %q", tc.w, got, tc.want)
		}
	}
}
