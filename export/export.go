// Package export writes a geokg graph in the formats researchers' other
// tools read: GraphML for Gephi and Cytoscape, PLOVER event JSON lines,
// a GDELT-like tab-separated event table, and the CSV files of
// `neo4j-admin database import`. Every exporter reads a graphdata.Source
// (an output folder or Neo4j) and streams events, so memory grows with the
// number of actors and dyads, not with the number of events.
package export

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/geokg/geokg/graphdata"
	"github.com/geokg/geokg/schema"
)

// Format names an export format.
type Format string

// The export formats.
const (
	GraphML  Format = "graphml"
	PLOVER   Format = "plover-json"
	GDELT    Format = "gdelt-tsv"
	AdminCSV Format = "csv"
)

// Formats lists every Format.
var Formats = []Format{GraphML, PLOVER, GDELT, AdminCSV}

// ParseFormat accepts the names of Formats.
func ParseFormat(s string) (Format, error) {
	for _, f := range Formats {
		if string(f) == s {
			return f, nil
		}
	}
	names := make([]string, len(Formats))
	for i, f := range Formats {
		names[i] = string(f)
	}
	return "", fmt.Errorf("format %q: want one of %s", s, strings.Join(names, ", "))
}

// Stats counts what an export wrote.
type Stats struct {
	Actors, Articles, Events, Relations int
	// Skipped counts events left out, with the reason in SkipReason.
	Skipped    int
	SkipReason string
	// Undated counts the events without a date, written or not: event
	// records (PLOVER, GDELT) leave them out unless asked to keep them;
	// graph formats (GraphML, CSV) always carry them, with no date.
	Undated int
}

// undatedReason says why the event-record formats leave undated events
// out.
const undatedReason = "undated: an event record needs a date; --keep-undated writes them with an empty date"

// skipUndated counts an event without a date and reports whether an
// event-record export leaves it out (unless keep).
func (st *Stats) skipUndated(e graphdata.Event, keep bool) bool {
	if !e.Date.IsZero() {
		return false
	}
	st.Undated++
	if keep {
		return false
	}
	st.Skipped++
	st.SkipReason = undatedReason
	return true
}

// dyadKey names one aggregated typed edge.
type dyadKey struct {
	Source, Target string
	Type           schema.EventType
}

// dyad is one aggregated typed edge: the graph's
// (:Actor)-[:TYPE {events, articles, first, last, quad, score}]->(:Actor),
// counted from asserted events only, as the loader counts it.
type dyad struct {
	dyadKey
	Events      int
	articles    map[string]bool
	First, Last schema.Date
	// Score is the sum of the events' PLOVER scores.
	Score float64
}

// Articles is the number of distinct articles reporting the dyad's events.
func (d *dyad) Articles() int { return len(d.articles) }

// aggregate reads the asserted events of the filter's window into dyads,
// sorted by source, target and type.
func aggregate(ctx context.Context, src graphdata.Source, f graphdata.Filter, st *Stats) ([]*dyad, error) {
	f.AllModes = false
	ds := dyads{}
	err := src.Events(ctx, f, func(e graphdata.Event) error {
		if !e.Type.Valid() {
			return nil
		}
		st.Events++
		st.skipUndated(e, true)
		ds.add(e)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return ds.sorted(), nil
}

// dyads aggregates events by source, target and type.
type dyads map[dyadKey]*dyad

// add counts the event in its dyad.
func (ds dyads) add(e graphdata.Event) {
	k := dyadKey{e.Source, e.Target, e.Type}
	d := ds[k]
	if d == nil {
		d = &dyad{dyadKey: k, articles: map[string]bool{}}
		ds[k] = d
	}
	d.Events++
	d.articles[e.Article] = true
	for _, r := range e.Reports {
		d.articles[r.Article] = true
	}
	d.Score += e.Score
	if !e.Date.IsZero() {
		if d.First.IsZero() || e.Date.Time().Before(d.First.Time()) {
			d.First = e.Date
		}
		if d.Last.IsZero() || e.Date.Time().After(d.Last.Time()) {
			d.Last = e.Date
		}
	}
}

// sorted lists the dyads by source, target and type.
func (ds dyads) sorted() []*dyad {
	out := make([]*dyad, 0, len(ds))
	for _, d := range ds {
		out = append(out, d)
	}
	slices.SortFunc(out, func(a, b *dyad) int {
		return cmp.Or(cmp.Compare(a.Source, b.Source), cmp.Compare(a.Target, b.Target), cmp.Compare(a.Type, b.Type))
	})
	return out
}

// actorsByID reads every actor into a map.
func actorsByID(ctx context.Context, src graphdata.Source) (map[string]graphdata.Actor, []string, error) {
	m := map[string]graphdata.Actor{}
	var ids []string
	err := src.Actors(ctx, func(a graphdata.Actor) error {
		m[a.ID] = a
		ids = append(ids, a.ID)
		return nil
	})
	return m, ids, err
}

// quadCode is the quad class as GDELT and PLOVER number it.
func quadCode(q schema.Quad) int {
	switch q {
	case schema.VerbalCooperation:
		return 1
	case schema.MaterialCooperation:
		return 2
	case schema.VerbalConflict:
		return 3
	case schema.MaterialConflict:
		return 4
	}
	return 0
}

// countryCode is the ISO 3166 alpha-3 code an actor acts for: its own id
// for a country, its affiliation when that is a country, else "".
func countryCode(a graphdata.Actor, actors map[string]graphdata.Actor) string {
	if a.Type == schema.Country {
		return a.ID
	}
	if aff, ok := actors[a.Affiliation]; ok && aff.Type == schema.Country {
		return aff.ID
	}
	return ""
}

// modesString joins an event's modes with commas.
func modesString(ms []schema.Mode) string {
	parts := make([]string, len(ms))
	for i, m := range ms {
		parts[i] = string(m)
	}
	return strings.Join(parts, ",")
}
