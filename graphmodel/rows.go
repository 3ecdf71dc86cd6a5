package graphmodel

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/geokg/geokg/schema"
)

// ActorRow is one (:Actor) node, the parameters of CypherMergeActors.
type ActorRow struct {
	ID      string           `json:"id"`
	Name    string           `json:"name"`
	Type    schema.ActorType `json:"type"`
	Aliases []string         `json:"aliases"` // sorted, distinct
	// Sector is the sector code the latest article giving one states
	// (by publication date, undated last, then id: SectorKey).
	Sector    string `json:"sector,omitempty"`
	SectorKey string `json:"-"`
}

// Param returns the row as a Cypher parameter map.
func (r ActorRow) Param() map[string]any {
	return map[string]any{"id": r.ID, "name": r.Name, "type": string(r.Type), "aliases": list(r.Aliases),
		"sector": null(r.Sector), "sector_key": null(r.SectorKey)}
}

// ActorLabel is the Neo4j label that marks an actor's type beside :Actor
// (CypherMergeActors sets the same); empty for an unknown type.
func ActorLabel(t schema.ActorType) string {
	switch t {
	case schema.Country:
		return "Country"
	case schema.Person:
		return "Person"
	case schema.Organization:
		return "Organization"
	case schema.Group:
		return "Group"
	}
	return ""
}

// ArticleRow is one (:Article) node, the parameters of CypherMergeArticles.
type ArticleRow struct {
	ID        string `json:"id"`
	URL       string `json:"url,omitempty"`
	Title     string `json:"title"`
	Published string `json:"published,omitempty"` // YYYY-MM-DD; empty when unknown
	Source    string `json:"source,omitempty"`
	Path      string `json:"path"`
	Hash      string `json:"hash,omitempty"`
}

// Param returns the row as a Cypher parameter map; empty optional fields
// are null, so the properties are absent.
func (r ArticleRow) Param() map[string]any {
	return map[string]any{"id": r.ID, "url": null(r.URL), "title": r.Title, "published": null(r.Published),
		"source": null(r.Source), "path": r.Path}
}

// EventRow is one (:Event) node with its ACTOR, RECIPIENT and REPORTED_IN
// relationships, the parameters of CypherMergeEvents. Symmetric events
// have Source < Target, so each is stored once.
type EventRow struct {
	ID        string           `json:"id"`
	Article   string           `json:"article"`
	Source    string           `json:"source"`
	Target    string           `json:"target"`
	Type      schema.EventType `json:"type"`
	Quad      schema.Quad      `json:"quad"`
	Score     float64          `json:"score"`
	Symmetric bool             `json:"symmetric"`
	Modes     []string         `json:"modes"`
	Asserted  bool             `json:"asserted"`
	Date      string           `json:"date,omitempty"` // YYYY-MM-DD; empty when unknown
	// DateSource and DatePrecision are schema.Relation's; empty when
	// Date is.
	DateSource    string   `json:"date_source,omitempty"`
	DatePrecision string   `json:"date_precision,omitempty"`
	Evidence      string   `json:"evidence"`
	References    []string `json:"references,omitempty"` // schema.Relation.References
	Sentence      int      `json:"sentence"`
	Cue           string   `json:"cue,omitempty"`
	Claimant      string   `json:"claimant,omitempty"`
	Confidence    float64  `json:"confidence"`
	// Mentions, Articles and Sources count the happening's sentences,
	// articles and distinct outlets (see Happening).
	Mentions int `json:"mentions"`
	Articles int `json:"articles"`
	Sources  int `json:"sources"`
	// SourceState … TargetSector are the first report's Rollups of the
	// ends.
	SourceState   string `json:"source_state,omitempty"`
	TargetState   string `json:"target_state,omitempty"`
	SourceCountry string `json:"source_country,omitempty"`
	TargetCountry string `json:"target_country,omitempty"`
	SourceSector  string `json:"source_sector,omitempty"`
	TargetSector  string `json:"target_sector,omitempty"`
	// Place is the first place a report gives; nil when none does.
	Place *schema.Place `json:"place,omitempty"`
	// Reports are the happening's reports, one REPORTED_IN relationship
	// each, in Happening order.
	Reports []Report `json:"reports"`
}

// EventRowOf returns the row of a happening: its first report gives the
// date, the evidence and the per-sentence details.
func EventRowOf(h Happening) EventRow {
	f := h.Reports[0]
	k := h.Key
	row := EventRow{ID: h.ID, Article: f.Article, Source: k.Source, Target: k.Target, Type: k.Type,
		Quad: k.Type.Quad(), Score: k.Type.Score(), Symmetric: k.Type.Symmetric(), Modes: k.ModeList(),
		Asserted: k.Asserted(), Date: f.Date, DateSource: f.DateSource, DatePrecision: f.DatePrecision,
		Evidence: f.Evidence[0], References: slices.Clone(f.References), Sentence: f.Sentences[0],
		Cue: f.Cue, Claimant: f.Claimant, Confidence: f.Confidence,
		Mentions: h.Mentions(), Articles: h.Articles(), Sources: h.Sources(),
		SourceState: f.SourceRollup.State, TargetState: f.TargetRollup.State,
		SourceCountry: f.SourceRollup.Country, TargetCountry: f.TargetRollup.Country,
		SourceSector: f.SourceRollup.Sector, TargetSector: f.TargetRollup.Sector,
		Place: h.Place(), Reports: h.Reports}
	return row
}

// Param returns the row as a Cypher parameter map.
func (r EventRow) Param() map[string]any {
	m := map[string]any{"id": r.ID, "article": r.Article, "source": r.Source, "target": r.Target,
		"type": string(r.Type), "quad": string(r.Quad), "score": r.Score, "symmetric": r.Symmetric,
		"modes": list(r.Modes), "asserted": r.Asserted, "date": null(r.Date), "evidence": r.Evidence,
		"date_source": null(r.DateSource), "date_precision": null(r.DatePrecision),
		"references": optionalList(r.References), "sentence": int64(r.Sentence), "cue": null(r.Cue), "claimant": null(r.Claimant), "confidence": r.Confidence,
		"mentions": int64(r.Mentions), "articles": int64(r.Articles), "sources": int64(r.Sources),
		"source_state": null(r.SourceState), "target_state": null(r.TargetState),
		"source_country": null(r.SourceCountry), "target_country": null(r.TargetCountry),
		"source_sector": null(r.SourceSector), "target_sector": null(r.TargetSector),
		"place": nil, "place_text": nil, "place_kind": nil, "place_country": nil, "lat": nil, "lon": nil,
		"reports": reportParams(r.Reports)}
	if p := r.Place; p != nil {
		m["place"], m["place_text"], m["place_kind"], m["place_country"] = null(p.Name), null(p.Text), null(p.Kind), null(p.Country)
		m["lat"], m["lon"] = p.Lat, p.Lon
	}
	return m
}

// reportParams returns the REPORTED_IN relationships of an event's
// reports as Cypher parameters.
func reportParams(reports []Report) []any {
	out := make([]any, len(reports))
	for i, r := range reports {
		sentences := make([]any, len(r.Sentences))
		for j, s := range r.Sentences {
			sentences[j] = int64(s)
		}
		out[i] = map[string]any{"article": r.Article, "mentions": int64(r.Mentions()), "sentences": sentences,
			"evidence": list(r.Evidence), "date": null(r.Date), "report": r.Stored()}
	}
	return out
}

// MentionRow is one (:Actor)-[:MENTIONED_IN]->(:Article) relationship, the
// parameters of CypherMergeMentions. Role and Affiliation are what the
// article says of a person; AFFILIATED_WITH edges are derived from them.
type MentionRow struct {
	Actor       string `json:"actor"`
	Article     string `json:"article"`
	Count       int    `json:"count"`
	Role        string `json:"role,omitempty"`
	Affiliation string `json:"affiliation,omitempty"`
}

// Param returns the row as a Cypher parameter map.
func (r MentionRow) Param() map[string]any {
	return map[string]any{"actor": r.Actor, "article": r.Article, "count": int64(r.Count),
		"role": null(r.Role), "affiliation": null(r.Affiliation)}
}

// ContentRow lists what one article now contains, the parameters of
// CypherDeleteStaleEvents and CypherDeleteStaleMentions: anything the
// graph holds for the article beyond these is from an earlier extraction.
type ContentRow struct {
	Article string   `json:"article"`
	Events  []string `json:"events"`
	Actors  []string `json:"actors"`
}

// Param returns the row as a Cypher parameter map.
func (r ContentRow) Param() map[string]any {
	return map[string]any{"article": r.Article, "events": list(r.Events), "actors": list(r.Actors)}
}

// DyadRow names one aggregated typed edge, the parameters of
// CypherRecomputeRelations.
type DyadRow struct {
	Source string           `json:"source"`
	Target string           `json:"target"`
	Type   schema.EventType `json:"type"`
}

// Param returns the row as a Cypher parameter map.
func (r DyadRow) Param() map[string]any {
	return map[string]any{"source": r.Source, "target": r.Target, "type": string(r.Type),
		"quad": string(r.Type.Quad()), "score": r.Type.Score()}
}

// IDRow names one node by id, the parameters of
// CypherRecomputeAffiliations.
type IDRow struct {
	ID string `json:"id"`
}

// Param returns the row as a Cypher parameter map.
func (r IDRow) Param() map[string]any { return map[string]any{"id": r.ID} }

// LoadedRow records an article's content hash, the parameters of
// CypherMarkArticlesLoaded.
type LoadedRow struct {
	ID   string `json:"id"`
	Hash string `json:"hash,omitempty"`
}

// Param returns the row as a Cypher parameter map.
func (r LoadedRow) Param() map[string]any { return map[string]any{"id": r.ID, "hash": null(r.Hash)} }

// Parameter is a row that becomes one map of a statement's $rows.
type Parameter interface{ Param() map[string]any }

// Params turns rows into the value of a statement's $rows parameter.
func Params[R Parameter](rows []R) []any {
	out := make([]any, len(rows))
	for i, r := range rows {
		out[i] = r.Param()
	}
	return out
}

// GraphOptions tune how docs become graph rows.
type GraphOptions struct {
	// Unasserted also loads negated and hypothetical relations as Event
	// nodes (asserted: false). Aggregated typed edges count asserted
	// events only either way.
	Unasserted bool
	// EventWindow is how many days apart two day-dated reports of one
	// source, type and target may be and still be one event: 0 means
	// DefaultEventWindow, a negative value the same day only.
	EventWindow int
}

// Window returns the event window in days.
func (o GraphOptions) Window() int {
	switch {
	case o.EventWindow < 0:
		return 0
	case o.EventWindow == 0:
		return DefaultEventWindow
	}
	return o.EventWindow
}

// GraphBatch is a batch of docs as the parameter rows of the write
// statements. Rows are sorted by key, so concurrent writers lock nodes in
// the same order. Every sink that writes the graph — the Neo4j writer, a
// Cypher script, bulk-import CSVs — builds it the same way.
type GraphBatch struct {
	Actors   []ActorRow
	Articles []ArticleRow
	// Reports are the articles' reports; Events the happenings they make
	// on their own (Cluster), which is the graph's when the batch holds
	// every article (a sink writing a whole corpus at once); the Neo4j
	// writer clusters them with the reports already in the graph.
	Reports  []Report
	Events   []EventRow
	Mentions []MentionRow
	Contents []ContentRow
	Dyads    []DyadRow
	Persons  []IDRow
	Loaded   []LoadedRow
	// Problems are the relations and actors left out because the doc is
	// inconsistent (a relation naming no actor of the article, a type
	// outside PLOVER, an actor without id), one error per item.
	Problems []error
}

// Step is one write statement with its rows.
type Step struct {
	Name   string
	Cypher string
	Rows   []any
}

// Steps returns the statements that write the batch, in the order they
// must run. Nodes come first; the stale-data deletions run after the new
// data is merged and before the aggregated edges are recomputed. A sink
// that cannot feed the deletions' results back (a Cypher script) should
// finish its load with CypherRecomputeAllRelations and
// CypherRecomputeAllAffiliations.
func (b *GraphBatch) Steps() []Step {
	return []Step{
		{"actors", CypherMergeActors, Params(b.Actors)},
		{"articles", CypherMergeArticles, Params(b.Articles)},
		{"events", CypherMergeEvents, Params(b.Events)},
		{"mentions", CypherMergeMentions, Params(b.Mentions)},
		{"stale events", CypherDeleteStaleEvents, Params(b.Contents)},
		{"stale mentions", CypherDeleteStaleMentions, Params(b.Contents)},
		{"relations", CypherRecomputeRelations, Params(b.Dyads)},
		{"affiliations", CypherRecomputeAffiliations, Params(b.Persons)},
		{"loaded", CypherMarkArticlesLoaded, Params(b.Loaded)},
	}
}

// NewGraphBatch turns docs into graph rows. When one article id occurs
// more than once, its last doc wins, as it would if the docs were written
// one after another.
func NewGraphBatch(docs []schema.Doc, opts GraphOptions) GraphBatch {
	var b GraphBatch
	last := make(map[string]int, len(docs))
	for i, d := range docs {
		last[d.ID] = i
	}
	actors := map[string]*ActorRow{}
	dyads := map[DyadRow]bool{}
	persons := map[string]bool{}
	for i := range docs {
		d := &docs[i]
		if d.ID == "" {
			b.Problems = append(b.Problems, fmt.Errorf("%s: doc without an article id left out", schema.QuotePath(d.Path)))
			continue
		}
		if last[d.ID] != i {
			continue
		}
		b.addDoc(d, opts, actors, dyads, persons)
	}
	b.Events = EventRows(Cluster(b.Reports, opts.Window()))
	contents := make(map[string]*ContentRow, len(b.Contents))
	for i := range b.Contents {
		contents[b.Contents[i].Article] = &b.Contents[i]
	}
	for _, e := range b.Events {
		for _, r := range e.Reports {
			c := contents[r.Article]
			c.Events = append(c.Events, e.ID)
		}
	}
	for _, c := range contents {
		slices.Sort(c.Events)
	}
	for _, a := range actors {
		slices.Sort(a.Aliases)
		a.Aliases = slices.Compact(a.Aliases)
		b.Actors = append(b.Actors, *a)
	}
	for d := range dyads {
		b.Dyads = append(b.Dyads, d)
	}
	for p := range persons {
		b.Persons = append(b.Persons, IDRow{p})
	}
	slices.SortFunc(b.Actors, func(x, y ActorRow) int { return cmp.Compare(x.ID, y.ID) })
	slices.SortFunc(b.Articles, func(x, y ArticleRow) int { return cmp.Compare(x.ID, y.ID) })
	slices.SortFunc(b.Events, func(x, y EventRow) int {
		return cmp.Or(cmp.Compare(x.Source, y.Source), cmp.Compare(x.Target, y.Target), cmp.Compare(x.ID, y.ID))
	})
	slices.SortFunc(b.Mentions, func(x, y MentionRow) int {
		return cmp.Or(cmp.Compare(x.Actor, y.Actor), cmp.Compare(x.Article, y.Article))
	})
	slices.SortFunc(b.Contents, func(x, y ContentRow) int { return cmp.Compare(x.Article, y.Article) })
	slices.SortFunc(b.Dyads, compareDyads)
	slices.SortFunc(b.Persons, func(x, y IDRow) int { return cmp.Compare(x.ID, y.ID) })
	slices.SortFunc(b.Loaded, func(x, y LoadedRow) int { return cmp.Compare(x.ID, y.ID) })
	return b
}

// compareDyads orders dyads by source, target and type.
func compareDyads(x, y DyadRow) int {
	return cmp.Or(cmp.Compare(x.Source, y.Source), cmp.Compare(x.Target, y.Target), cmp.Compare(x.Type, y.Type))
}

// addDoc adds one article's rows.
func (b *GraphBatch) addDoc(d *schema.Doc, opts GraphOptions, actors map[string]*ActorRow, dyads map[DyadRow]bool, persons map[string]bool) {
	b.Articles = append(b.Articles, ArticleRow{ID: d.ID, URL: d.URL, Title: d.Title, Published: d.Published.String(),
		Source: d.Source, Path: d.Path, Hash: d.Hash})
	b.Loaded = append(b.Loaded, LoadedRow{ID: d.ID, Hash: d.Hash})
	content := ContentRow{Article: d.ID, Events: []string{}, Actors: []string{}}

	mentions := map[string]*MentionRow{}
	var order []string
	for _, a := range d.Actors {
		if a.ID == "" {
			b.Problems = append(b.Problems, fmt.Errorf("%s: actor %q without id left out", schema.QuotePath(d.Path), a.Name))
			continue
		}
		if _, err := schema.ParseActorType(string(a.Type)); err != nil {
			b.Problems = append(b.Problems, fmt.Errorf("%s: actor %q left out: %w", schema.QuotePath(d.Path), a.ID, err))
			continue
		}
		name := a.Name
		if name == "" {
			name = a.ID
		}
		row, ok := actors[a.ID]
		if !ok {
			row = &ActorRow{ID: a.ID, Name: name, Type: a.Type}
			actors[a.ID] = row
		} else if BetterName(name, row.Name) {
			row.Name = name
		}
		row.Aliases = append(row.Aliases, a.Aliases...)
		if k := roleKey(d.Published.String(), d.ID); a.Sector != "" && k > row.SectorKey {
			row.Sector, row.SectorKey = a.Sector, k
		}
		m, ok := mentions[a.ID]
		if !ok {
			m = &MentionRow{Actor: a.ID, Article: d.ID}
			mentions[a.ID] = m
			order = append(order, a.ID)
		}
		m.Count += len(a.Mentions)
		if row.Type == schema.Person && a.Affiliation != "" && a.Affiliation != a.ID && m.Affiliation == "" {
			m.Affiliation, m.Role = a.Affiliation, a.Role
		} else if m.Role == "" {
			m.Role = a.Role
		}
		if row.Type == schema.Person {
			persons[a.ID] = true
		}
	}
	for _, id := range order {
		b.Mentions = append(b.Mentions, *mentions[id])
		content.Actors = append(content.Actors, id)
	}

	reports := ReportsOf(d, func(i int, r schema.Relation) bool {
		if !r.Asserted() && !opts.Unasserted {
			return false
		}
		if err := checkRelation(r, mentions); err != nil {
			b.Problems = append(b.Problems, fmt.Errorf("%s: relation %d (%s %s→%s) left out: %w", schema.QuotePath(d.Path), i+1, r.Type, r.Source, r.Target, err))
			return false
		}
		return true
	})
	for _, r := range reports {
		dyads[r.Key.Dyad()] = true
	}
	b.Reports = append(b.Reports, reports...)
	slices.Sort(content.Actors)
	b.Contents = append(b.Contents, content)
}

// EventRows returns the rows of happenings.
func EventRows(hs []Happening) []EventRow {
	out := make([]EventRow, len(hs))
	for i, h := range hs {
		out[i] = EventRowOf(h)
	}
	return out
}

// checkRelation reports why a relation cannot become an event.
func checkRelation(r schema.Relation, actors map[string]*MentionRow) error {
	if !r.Type.Valid() {
		return fmt.Errorf("type %q is not a PLOVER category", r.Type)
	}
	for _, end := range []string{r.Source, r.Target} {
		if _, ok := actors[end]; !ok {
			return fmt.Errorf("%q is not one of the article's actors", end)
		}
	}
	return nil
}

// null maps the empty string to a Cypher null.
func null(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// optionalList returns s as a list, or a Cypher null when it is empty, so
// that the property is absent, as a neo4j-admin import leaves an empty
// array field.
func optionalList(s []string) any {
	if len(s) == 0 {
		return nil
	}
	return list(s)
}

// list returns s as a non-nil list, so Neo4j stores [] rather than
// dropping the property.
func list(s []string) []any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}
