package graphmodel

import (
	"cmp"
	"slices"
	"unicode/utf8"

	"github.com/geokg/geokg/schema"
)

// The derived graph in Go: the actors merged over articles, the aggregated
// typed edges and the affiliations, computed as the Cypher of this package
// computes them in Neo4j (CypherMergeActors, CypherRecomputeRelations,
// CypherRecomputeAffiliations). Every sink that cannot run that Cypher —
// the output folder, the exports, the admin CSVs — uses Aggregate, so that
// each route to a graph makes the same one.

// Relation is one aggregated typed edge, (source)-[:TYPE]->(target), with
// the properties CypherRecomputeRelations gives it.
type Relation struct {
	Source string           `json:"source"`
	Target string           `json:"target"`
	Type   schema.EventType `json:"type"`
	// Events counts the dyad's asserted events, Articles the distinct
	// articles reporting them.
	Events   int `json:"events"`
	Articles int `json:"articles"`
	// First and Last are the earliest and latest event dates
	// (YYYY-MM-DD); empty when none is dated.
	First string `json:"first,omitempty"`
	Last  string `json:"last,omitempty"`
	// Quad and Score are the type's.
	Quad  schema.Quad `json:"quad"`
	Score float64     `json:"score"`
	// ScoreTotal sums the events' own scores, for GraphML's score_total;
	// the graph does not store it.
	ScoreTotal float64 `json:"-"`
}

// Affiliation is one (:Person)-[:AFFILIATED_WITH]->(:Actor) edge with the
// properties CypherRecomputeAffiliations gives it.
type Affiliation struct {
	Person string `json:"person"`
	Org    string `json:"actor"`
	// Role is the role given by the latest article that gives one —
	// by publication date with the undated last (Cypher's ORDER BY puts a
	// missing date after every date), then by id — and RoleArticle that
	// article; both empty when none does.
	Role        string `json:"role,omitempty"`
	RoleArticle string `json:"role_article,omitempty"`
	// First and Last are the earliest and latest publication dates of the
	// articles stating the affiliation; empty when none is dated.
	First string `json:"first,omitempty"`
	Last  string `json:"last,omitempty"`
	// Articles counts those articles.
	Articles int `json:"articles"`

	rolePublished string // the role article's publication date
}

// BetterName reports whether name should replace current as an actor's
// display name: the longest wins, ties go to the alphabetically first.
// CypherMergeActors applies the same rule in the graph.
func BetterName(name, current string) bool {
	n, c := utf8.RuneCountInString(name), utf8.RuneCountInString(current)
	return n > c || (n == c && name < current)
}

// Aggregate accumulates the derived graph from the rows of a corpus.
// Memory grows with the number of actors and dyads, with the (dyad,
// article) pairs, and with the reports that wait for Events. The zero value is not
// ready; use NewAggregate.
type Aggregate struct {
	actors       map[string]*ActorRow
	relations    map[DyadRow]*Relation
	articles     map[DyadRow]map[string]bool // articles counted per dyad
	affiliations map[[2]string]*Affiliation
	// reports wait for Events, which clusters them.
	reports []Report
}

// NewAggregate returns an empty Aggregate.
func NewAggregate() *Aggregate {
	return &Aggregate{
		actors:       map[string]*ActorRow{},
		relations:    map[DyadRow]*Relation{},
		articles:     map[DyadRow]map[string]bool{},
		affiliations: map[[2]string]*Affiliation{},
	}
}

// Batch adds a GraphBatch's actors, mentions and reports. Which reports
// make one event (Cluster) is known only when the corpus is complete:
// Events clusters them. An article of the batch must not come again in a
// later one (a job's source skips repeated ids; a docs file is read last
// version first, see the callers).
func (g *Aggregate) Batch(b *GraphBatch) {
	for _, r := range b.Actors {
		g.Actor(r)
	}
	g.reports = append(g.reports, b.Reports...)
	published := make(map[string]string, len(b.Articles))
	for _, a := range b.Articles {
		published[a.ID] = a.Published
	}
	for _, m := range b.Mentions {
		g.Mention(m, published[m.Article])
	}
}

// Events clusters the reports of every batch into events with the event
// window in days (Cluster), counts them in their dyads' edges (Event) and
// returns them, by id. Call it once, after the last Batch.
func (g *Aggregate) Events(window int) []EventRow {
	events := EventRows(Cluster(g.reports, window))
	g.reports = nil
	for _, e := range events {
		g.Event(e)
	}
	return events
}

// Actor merges an actor row: the type is the first one's (the graph fixes
// it when it creates the node), the name follows BetterName, the sector
// is the latest article's (SectorKey) and the aliases are the sorted
// union.
func (g *Aggregate) Actor(r ActorRow) {
	a, ok := g.actors[r.ID]
	if !ok {
		row := r
		row.Aliases = append(make([]string, 0, len(r.Aliases)), r.Aliases...)
		g.actors[r.ID] = &row
		a = &row
	} else if BetterName(r.Name, a.Name) {
		a.Name = r.Name
	}
	if ok && r.SectorKey > a.SectorKey {
		a.Sector, a.SectorKey = r.Sector, r.SectorKey
	}
	if ok {
		a.Aliases = append(a.Aliases, r.Aliases...)
	}
	slices.Sort(a.Aliases)
	a.Aliases = slices.Compact(a.Aliases)
}

// Event counts an event in its dyad's edge; unasserted events are not
// edges. A dyad's articles are the distinct articles of its events'
// reports.
func (g *Aggregate) Event(e EventRow) {
	if !e.Asserted {
		return
	}
	d := DyadRow{Source: e.Source, Target: e.Target, Type: e.Type}
	r := g.relations[d]
	if r == nil {
		r = &Relation{Source: d.Source, Target: d.Target, Type: d.Type, Quad: d.Type.Quad(), Score: d.Type.Score()}
		g.relations[d] = r
	}
	seen := g.articles[d]
	if seen == nil {
		seen = map[string]bool{}
		g.articles[d] = seen
	}
	count := func(article string) {
		if !seen[article] {
			seen[article] = true
			r.Articles++
		}
	}
	if len(e.Reports) == 0 {
		count(e.Article)
	}
	for _, rep := range e.Reports {
		count(rep.Article)
	}
	r.Events++
	r.ScoreTotal += e.Score
	r.First, r.Last = widen(r.First, r.Last, e.Date)
}

// RelationsOf aggregates events into the typed edges their asserted
// events make, as CypherRecomputeRelations does in the graph: per dyad the
// events, their distinct articles (over every report) and the earliest and
// latest event dates. Ordered by dyad.
func RelationsOf(events []EventRow) []Relation {
	g := NewAggregate()
	for _, e := range events {
		g.Event(e)
	}
	return g.Relations()
}

// Mention adds what an article published on the date given (YYYY-MM-DD,
// empty when unknown) says of a person's affiliation. Each article names
// an actor once (one MentionRow per actor and article).
func (g *Aggregate) Mention(m MentionRow, published string) {
	if m.Affiliation == "" {
		return
	}
	k := [2]string{m.Actor, m.Affiliation}
	a := g.affiliations[k]
	if a == nil {
		a = &Affiliation{Person: m.Actor, Org: m.Affiliation}
		g.affiliations[k] = a
	}
	a.add(m, published)
}

// add counts one article's mention in the affiliation.
func (a *Affiliation) add(m MentionRow, published string) {
	a.Articles++
	a.First, a.Last = widen(a.First, a.Last, published)
	if m.Role != "" && (a.RoleArticle == "" || laterArticle(published, m.Article, a.rolePublished, a.RoleArticle)) {
		a.Role, a.RoleArticle, a.rolePublished = m.Role, m.Article, published
	}
}

// Actors returns the merged actors, by id.
func (g *Aggregate) Actors() []ActorRow {
	out := make([]ActorRow, 0, len(g.actors))
	for _, a := range g.actors {
		out = append(out, *a)
	}
	slices.SortFunc(out, func(x, y ActorRow) int { return cmp.Compare(x.ID, y.ID) })
	return out
}

// Relations returns the aggregated typed edges, by source, target and
// type.
func (g *Aggregate) Relations() []Relation {
	out := make([]Relation, 0, len(g.relations))
	for _, r := range g.relations {
		out = append(out, *r)
	}
	slices.SortFunc(out, func(x, y Relation) int { return compareDyads(x.dyad(), y.dyad()) })
	return out
}

func (r Relation) dyad() DyadRow { return DyadRow{Source: r.Source, Target: r.Target, Type: r.Type} }

// Affiliations returns the affiliations of persons to actors, by person
// and actor. Those whose person is not a Person, or whose actor the
// aggregate has not seen, are left out, as the graph's MATCH leaves them
// out.
func (g *Aggregate) Affiliations() []Affiliation {
	var out []Affiliation
	for _, a := range g.affiliations {
		person, org := g.actors[a.Person], g.actors[a.Org]
		if person == nil || org == nil || person.Type != schema.Person {
			continue
		}
		out = append(out, *a)
	}
	slices.SortFunc(out, compareAffiliations)
	return out
}

func compareAffiliations(x, y Affiliation) int {
	return cmp.Or(cmp.Compare(x.Person, y.Person), cmp.Compare(x.Org, y.Org))
}

// roleKey orders the articles a role comes from as CypherRecomputeAffiliations
// does: by publication date, undated last, then by id.
func roleKey(published, article string) string {
	if published == "" {
		published = "~" // after every digit
	}
	return published + " " + article
}

// laterArticle reports whether the article published on the date given
// comes after the other in roleKey's order, without building the keys.
func laterArticle(published, article, otherPublished, other string) bool {
	if published != otherPublished {
		switch {
		case published == "":
			return true
		case otherPublished == "":
			return false
		}
		return published > otherPublished
	}
	return article > other
}

// widen extends the date range [first, last] (YYYY-MM-DD, empty when
// unknown) to date; an empty date leaves it as it is, as Cypher's min and
// max ignore nulls.
func widen(first, last, date string) (string, string) {
	if date == "" {
		return first, last
	}
	if first == "" || date < first {
		first = date
	}
	if last == "" || date > last {
		last = date
	}
	return first, last
}
