// Package alliance turns events into alignment scores: for each dyad, the
// net cooperation of a time window — the sum of the PLOVER scores of the
// events between the two actors, either way round, each decayed by its
// age with a configurable half-life — written to Neo4j as
// (:Actor)-[:ALIGNMENT {window, score, events, …}]->(:Actor) edges, one per
// dyad and window, so "who moved from rival to ally in 2016" is one query.
//
// Scoring is plain Go over Events. ReadEvents takes them from any
// graphdata.Source (a graph in Neo4j, an output folder); Write and
// WriteBlocs write the ALIGNMENT, ALLIED_WITH and OPPOSED_TO edges and the
// blocs through a graph.Conn, and that is all this package writes.
package alliance

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/geokg/geokg/graphdata"
	"github.com/geokg/geokg/schema"
)

// Event is what scoring needs of one event.
type Event struct {
	Source, Target string
	Score          float64
	Date           schema.Date
	// Type is the PLOVER category; empty when the caller does not know it.
	Type schema.EventType
}

// Window is a named span of dates; zero bounds are open. Level says
// whose alignment it scores: the actors' (the default) or, at
// graphdata.StateLevel, the states' they act for; the two are written
// apart (property level on ALIGNMENT, ALLIED_WITH, OPPOSED_TO, IN_BLOC
// and Bloc), so both can stand in one graph.
type Window struct {
	Since, Until schema.Date
	Level        graphdata.Level
	// MinConfidence leaves out the events the extractor was less sure of;
	// it does not name the window (a run replaces the window's edges).
	MinConfidence float64
}

// level is the window's level, actor when unset.
func (w Window) level() string {
	if w.Level == graphdata.StateLevel {
		return string(graphdata.StateLevel)
	}
	return string(graphdata.ActorLevel)
}

// Name is the window's label on ALIGNMENT edges: "2016" for a calendar
// year, "all" for no bounds, else "SINCE/UNTIL" (ISO 8601 interval, ".."
// for an open end).
func (w Window) Name() string {
	if w.Since.IsZero() && w.Until.IsZero() {
		return "all"
	}
	if !w.Since.IsZero() && !w.Until.IsZero() {
		s, u := w.Since.Time(), w.Until.Time()
		if s.Month() == 1 && s.Day() == 1 && u.Year() == s.Year() && u.Month() == 12 && u.Day() == 31 {
			return fmt.Sprint(s.Year())
		}
	}
	name := func(d schema.Date) string {
		if d.IsZero() {
			return ".."
		}
		return d.String()
	}
	return name(w.Since) + "/" + name(w.Until)
}

// Contains reports whether the event's date lies in the window. Undated
// events lie only in an unbounded window.
func (w Window) Contains(d schema.Date) bool {
	if w.Since.IsZero() && w.Until.IsZero() {
		return true
	}
	if d.IsZero() {
		return false
	}
	return (w.Since.IsZero() || !d.Time().Before(w.Since.Time())) && (w.Until.IsZero() || !d.Time().After(w.Until.Time()))
}

// Year returns the calendar year as a window.
func Year(y int) Window {
	return Window{Since: schema.NewDate(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)),
		Until: schema.NewDate(time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC))}
}

// DefaultHalfLife is the decay half-life when none is given: an event a
// year older than the window's end counts half.
const DefaultHalfLife = 365 * 24 * time.Hour

// Weight is the decay factor of an event age old: 2^(-age/halfLife). A
// non-positive half-life means no decay; future events (negative age)
// count fully.
func Weight(age, halfLife time.Duration) float64 {
	if halfLife <= 0 || age <= 0 {
		return 1
	}
	return math.Exp2(-float64(age) / float64(halfLife))
}

// Alignment is one dyad's score in a window. A < B.
type Alignment struct {
	A, B string
	// Score is the decayed net cooperation: positive for allies, negative
	// for rivals.
	Score float64
	// Raw is the undecayed sum of scores.
	Raw float64
	// Events counts the events, Cooperation and Conflict by quad sign,
	// Undated those without a date (counted at full weight).
	Events, Cooperation, Conflict, Undated int
	// First and Last are the dated events' span.
	First, Last schema.Date
	// TopTypes are the most frequent PLOVER types of the dyad's events,
	// at most MaxTopTypes, the most frequent first.
	TopTypes []schema.EventType
}

// MaxTopTypes bounds Alignment.TopTypes.
const MaxTopTypes = 3

// Scorer accumulates events into alignments. Memory grows with the number
// of dyads, not events.
type Scorer struct {
	window    Window
	halfLife  time.Duration
	reference time.Time
	dyads     map[[2]string]*Alignment
	types     map[[2]string]map[schema.EventType]int
}

// NewScorer scores events of the window. Ages are measured from
// reference: the window's end when it has one, else the caller's choice
// (the latest event date, say); a zero reference means no decay.
func NewScorer(w Window, halfLife time.Duration, reference schema.Date) *Scorer {
	if !w.Until.IsZero() {
		reference = w.Until
	}
	return &Scorer{window: w, halfLife: halfLife, reference: reference.Time(),
		dyads: map[[2]string]*Alignment{}, types: map[[2]string]map[schema.EventType]int{}}
}

// Add scores one event; events outside the window and self-events are
// ignored. It reports whether the event counted.
func (s *Scorer) Add(e Event) bool {
	if e.Source == e.Target || !s.window.Contains(e.Date) {
		return false
	}
	a, b := e.Source, e.Target
	if b < a {
		a, b = b, a
	}
	k := [2]string{a, b}
	al := s.dyads[k]
	if al == nil {
		al = &Alignment{A: a, B: b}
		s.dyads[k] = al
		s.types[k] = map[schema.EventType]int{}
	}
	if e.Type != "" {
		s.types[k][e.Type]++
	}
	w := 1.0
	if e.Date.IsZero() {
		al.Undated++
	} else {
		if !s.reference.IsZero() {
			w = Weight(s.reference.Sub(e.Date.Time()), s.halfLife)
		}
		if al.First.IsZero() || e.Date.Time().Before(al.First.Time()) {
			al.First = e.Date
		}
		if al.Last.IsZero() || e.Date.Time().After(al.Last.Time()) {
			al.Last = e.Date
		}
	}
	al.Events++
	al.Raw += e.Score
	al.Score += w * e.Score
	switch {
	case e.Score > 0:
		al.Cooperation++
	case e.Score < 0:
		al.Conflict++
	}
	return true
}

// Alignments returns the scores, strongest alliance first, then by dyad.
// Scores are rounded to 1e-6 so that they compare equal across runs.
func (s *Scorer) Alignments() []Alignment {
	out := make([]Alignment, 0, len(s.dyads))
	for k, a := range s.dyads {
		al := *a
		al.TopTypes = topTypes(s.types[k])
		al.Score = math.Round(al.Score*1e6) / 1e6
		al.Raw = math.Round(al.Raw*1e6) / 1e6
		out = append(out, al)
	}
	slices.SortFunc(out, func(x, y Alignment) int {
		return cmp.Or(cmp.Compare(y.Score, x.Score), cmp.Compare(x.A, y.A), cmp.Compare(x.B, y.B))
	})
	return out
}

// topTypes returns the most frequent types, ties in PLOVER order.
func topTypes(counts map[schema.EventType]int) []schema.EventType {
	var out []schema.EventType
	for _, t := range schema.EventTypes {
		if counts[t] > 0 {
			out = append(out, t)
		}
	}
	slices.SortStableFunc(out, func(x, y schema.EventType) int { return cmp.Compare(counts[y], counts[x]) })
	if len(out) > MaxTopTypes {
		out = out[:MaxTopTypes]
	}
	return out
}
