// Package graphdata reads the content of a geokg graph — actors, articles
// and events — as flat records, for the consumers that render or export
// the whole graph (the HTML view, GraphML, PLOVER JSON, GDELT-like and
// neo4j-admin CSV exports). The output folder's open side (outdir.Open,
// over a docs.jsonl) and Neo4j (graph.Reader) are Sources.
//
// A Source streams: events are handed to a callback one at a time, so an
// export's memory grows with the number of distinct actors and dyads, never
// with the number of events.
package graphdata

import (
	"context"

	"github.com/geokg/geokg/schema"
)

// Actor is one canonical actor, merged over every article that names it
// as the graph merges it: the longest name (ties: the alphabetically
// first) and the sorted union of aliases.
type Actor struct {
	// ID is the canonical identity (ISO 3166 alpha-3 for countries).
	ID string `json:"id"`
	// Name is the display name.
	Name string `json:"name"`
	// Type is the actor's kind.
	Type schema.ActorType `json:"type"`
	// Aliases are the distinct surface forms seen for the actor.
	Aliases []string `json:"aliases"`
	// Affiliation is the ID of the country or organization a person acts
	// for, when known.
	Affiliation string `json:"affiliation,omitempty"`
	// Role is a person's title ("Foreign Minister"), when known.
	Role string `json:"role,omitempty"`
	// Mentions counts the spans naming the actor over all articles.
	Mentions int `json:"mentions"`
	// Articles counts the articles naming the actor.
	Articles int `json:"articles"`
}

// Article is the metadata of one source article.
type Article struct {
	ID        string      `json:"id"`
	URL       string      `json:"url,omitempty"`
	Title     string      `json:"title"`
	Published schema.Date `json:"published"`
	Source    string      `json:"source,omitempty"`
	Path      string      `json:"path,omitempty"`
	// Hash is the hex SHA-256 of the article's text.
	Hash string `json:"hash,omitempty"`
}

// Mention records that an article names an actor: the graph's
// (:Actor)-[:MENTIONED_IN {count, role, affiliation}]->(:Article).
type Mention struct {
	Actor   string `json:"actor"`
	Article string `json:"article"`
	// Count is the number of spans naming the actor in the article.
	Count int `json:"count"`
	// Role and Affiliation are what the article says of a person.
	Role        string `json:"role,omitempty"`
	Affiliation string `json:"affiliation,omitempty"`
}

// Event is one PLOVER event between two actors: one happening, with
// every article's report of it (see docs/graph-model.md, "Event
// identity").
type Event struct {
	// ID is the happening's id (graphmodel.Cluster), the graph's.
	ID string `json:"id"`
	// Source acts on Target; both are actor IDs. A symmetric event
	// (CONSULT, AGREE, COOPERATE) has Source < Target, as in the graph.
	Source string `json:"source"`
	Target string `json:"target"`
	// Type, Quad and Score are the PLOVER category, its quad class and
	// its intensity.
	Type  schema.EventType `json:"type"`
	Quad  schema.Quad      `json:"quad"`
	Score float64          `json:"score"`
	// Modes qualify the statement (negated, hypothetical, future,
	// attributed); empty for a plain assertion.
	Modes []schema.Mode `json:"modes,omitempty"`
	// Date is the event's date; zero when unknown.
	Date schema.Date `json:"date"`
	// DateSource and DatePrecision are schema.Relation's: whether the
	// sentence or the article dates the event, and to the day, month or
	// year; empty when Date is zero.
	DateSource    string `json:"date_source,omitempty"`
	DatePrecision string `json:"date_precision,omitempty"`
	// Evidence is the sentence that states the event; Sentence its 0-based
	// index in the article; Cue the signalling word.
	Evidence string `json:"evidence"`
	Sentence int    `json:"sentence"`
	Cue      string `json:"cue,omitempty"`
	// References are the pronouns and descriptions through which the
	// evidence names an end of the event (schema.Relation.References).
	References []string `json:"references,omitempty"`
	// Confidence is the extractor's confidence in (0, 1].
	Confidence float64 `json:"confidence"`
	// Claimant is who the text attributes the event to, when attributed.
	Claimant string `json:"claimant,omitempty"`
	// Article is the ID of the article that reports the event.
	Article string `json:"article"`

	// Mentions counts the sentences that report the event, over all its
	// reports; Articles the articles and Sources the distinct outlets
	// among them (GDELT's NumMentions, NumArticles, NumSources).
	Mentions int `json:"mentions,omitempty"`
	Articles int `json:"articles,omitempty"`
	Sources  int `json:"sources,omitempty"`
	// Reports are where the event was read: one per article, with its
	// sentences.
	Reports []Report `json:"reports,omitempty"`
	// SourceState and TargetState are the ends at state level: the
	// country or organization a person acts for in the reporting article,
	// else the actor itself.
	SourceState string `json:"source_state,omitempty"`
	TargetState string `json:"target_state,omitempty"`
	// SourceCountry and TargetCountry are the ISO 3166 alpha-3 codes of the
	// states the ends act for (GDELT's Actor1CountryCode); empty when an
	// end acts for no country.
	SourceCountry string `json:"source_country,omitempty"`
	TargetCountry string `json:"target_country,omitempty"`
	// SourceSector and TargetSector are the ends' CAMEO-style sector codes
	// (schema.Actor.Sector, GDELT's Actor1Type1Code).
	SourceSector string `json:"source_sector,omitempty"`
	TargetSector string `json:"target_sector,omitempty"`
	// Place is where the event happened; nil when no sentence says.
	Place *schema.Place `json:"place,omitempty"`
}

// Report is one article's account of an event.
type Report struct {
	// Article is the article's ID and Source its outlet.
	Article string `json:"article"`
	Source  string `json:"source,omitempty"`
	// Sentences are the indexes of the sentences that state the event,
	// Evidence their text, in the same order.
	Sentences []int    `json:"sentences"`
	Evidence  []string `json:"evidence"`
	// Stored is the report as the graph stores it on REPORTED_IN
	// (graphmodel.Report.JSON), for exports that rebuild the graph; empty
	// when the source does not hold it.
	Stored string `json:"-"`
}

// Asserted reports whether the event is neither negated nor hypothetical,
// and so is a graph edge by default.
func (e Event) Asserted() bool {
	return schema.Relation{Modes: e.Modes}.Asserted()
}

// Source yields the graph's records. Each method walks its records once
// per call, in a deterministic order, and stops at the first error fn
// returns.
type Source interface {
	// Actors calls fn for every actor, ordered by ID.
	Actors(ctx context.Context, fn func(Actor) error) error
	// Articles calls fn for every article.
	Articles(ctx context.Context, fn func(Article) error) error
	// Mentions calls fn for every (actor, article) pair where the article
	// names the actor.
	Mentions(ctx context.Context, fn func(Mention) error) error
	// Events calls fn for every event whose date lies in the filter's
	// window.
	Events(ctx context.Context, f Filter, fn func(Event) error) error
}

// Filter selects events.
type Filter struct {
	// Since and Until bound the event date, both inclusive; a zero bound is
	// open. When either is set, undated events are left out.
	Since, Until schema.Date
	// AllModes keeps negated and hypothetical events, which are not graph
	// edges by default.
	AllModes bool
	// MinConfidence leaves out the events whose extractor confidence is
	// below it; 0 keeps all.
	MinConfidence float64
}

// Keep reports whether e passes the filter.
func (f Filter) Keep(e Event) bool {
	if !f.AllModes && !e.Asserted() {
		return false
	}
	if e.Confidence < f.MinConfidence {
		return false
	}
	if f.Since.IsZero() && f.Until.IsZero() {
		return true
	}
	if e.Date.IsZero() {
		return false
	}
	if !f.Since.IsZero() && e.Date.Time().Before(f.Since.Time()) {
		return false
	}
	if !f.Until.IsZero() && e.Date.Time().After(f.Until.Time()) {
		return false
	}
	return true
}

// Windowed reports whether the filter bounds dates.
func (f Filter) Windowed() bool { return !f.Since.IsZero() || !f.Until.IsZero() }
