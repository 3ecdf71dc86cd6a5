// Package export writes a geokg graph in the formats researchers' other
// tools read: GraphML for Gephi and Cytoscape, PLOVER event JSON lines,
// a GDELT-like tab-separated event table, and the CSV files of
// `neo4j-admin database import` (package export/admincsv, which the output
// folder's csv/ uses too; package export/cypherscript writes its
// load.cypher). Every exporter reads a graphdata.Source (an output folder
// or Neo4j) and streams events, so memory grows with the number of actors
// and dyads, not with the number of events; the typed edges and
// affiliations are graphmodel.Aggregate's, as in every other route.
package export

import (
	"context"
	"fmt"
	"strings"

	"github.com/geokg/geokg/graphdata"
	"github.com/geokg/geokg/graphmodel"
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

// aggregate reads the asserted events of the filter's window into the
// graph's aggregated typed edges (graphmodel.Aggregate), sorted by source,
// target and type.
func aggregate(ctx context.Context, src graphdata.Source, f graphdata.Filter, st *Stats) ([]graphmodel.Relation, error) {
	f.AllModes = false
	g := graphmodel.NewAggregate()
	err := src.Events(ctx, f, func(e graphdata.Event) error {
		if !e.Type.Valid() {
			return nil
		}
		st.Events++
		st.skipUndated(e, true)
		g.Event(eventRow(e))
		return nil
	})
	if err != nil {
		return nil, err
	}
	return g.Relations(), nil
}

// eventRow is the graph model's row of an event.
func eventRow(e graphdata.Event) graphmodel.EventRow {
	modes := make([]string, len(e.Modes))
	for i, m := range e.Modes {
		modes[i] = string(m)
	}
	return graphmodel.EventRow{ID: e.ID, Article: e.Article, Source: e.Source, Target: e.Target, Type: e.Type,
		Quad: e.Type.Quad(), Score: e.Score, Symmetric: e.Type.Symmetric(), Modes: modes, Asserted: e.Asserted(),
		Date: e.Date.String(), DateSource: e.DateSource, DatePrecision: e.DatePrecision, Evidence: e.Evidence,
		References: e.References, Sentence: e.Sentence, Cue: e.Cue, Claimant: e.Claimant, Confidence: e.Confidence,
		Mentions: e.Mentions, Articles: e.Articles, Sources: e.Sources,
		SourceState: e.SourceState, TargetState: e.TargetState, SourceCountry: e.SourceCountry, TargetCountry: e.TargetCountry,
		SourceSector: e.SourceSector, TargetSector: e.TargetSector, Place: e.Place, Reports: modelReports(e)}
}

// modelReports returns the event's reports as the graph stores them; a
// source that does not hold them gives what it has, and an event without
// reports its article's.
func modelReports(e graphdata.Event) []graphmodel.Report {
	key := graphmodel.KeyOf(schema.Relation{Source: e.Source, Target: e.Target, Type: e.Type, Modes: e.Modes})
	if len(e.Reports) == 0 {
		return []graphmodel.Report{{Key: key, Article: e.Article, Date: e.Date.String(), DateSource: e.DateSource, DatePrecision: e.DatePrecision,
			Sentences: []int{e.Sentence}, Evidence: []string{e.Evidence}, Confidence: e.Confidence}}
	}
	out := make([]graphmodel.Report, len(e.Reports))
	for i, r := range e.Reports {
		if rep, err := graphmodel.ParseReport(r.Stored); err == nil {
			out[i] = rep
			continue
		}
		out[i] = graphmodel.Report{Key: key, Article: r.Article, Outlet: r.Source, Sentences: r.Sentences, Evidence: r.Evidence}
	}
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
