package outdir

import (
	"cmp"
	"slices"

	"github.com/geokg/geokg/graphmodel"
	"github.com/geokg/geokg/schema"
)

// relationRow is one aggregated typed edge, (source)-[:TYPE]->(target),
// with the properties CypherRecomputeRelations gives it.
type relationRow struct {
	Source   string           `json:"source"`
	Target   string           `json:"target"`
	Type     schema.EventType `json:"type"`
	Events   int              `json:"events"`
	Articles int              `json:"articles"`
	First    string           `json:"first,omitempty"`
	Last     string           `json:"last,omitempty"`
	Quad     schema.Quad      `json:"quad"`
	Score    float64          `json:"score"`
}

// affiliationRow is one (:Person)-[:AFFILIATED_WITH]->(:Actor) edge with
// the properties CypherRecomputeAffiliations gives it.
type affiliationRow struct {
	Person string `json:"person"`
	Actor  string `json:"actor"`
	Role   string `json:"role,omitempty"`
	// RoleArticle is the article the role comes from.
	RoleArticle string `json:"role_article,omitempty"`
	First       string `json:"first,omitempty"`
	Last        string `json:"last,omitempty"`
	Articles    int    `json:"articles"`
}

// aggregate accumulates what depends on the whole corpus. It mirrors the
// Cypher of the graph model, so the folder's graph equals the one the
// Neo4j writer makes from the same docs.
type aggregate struct {
	actors       map[string]*graphmodel.ActorRow
	relations    map[graphmodel.DyadRow]*relationRow
	affiliations map[[2]string]*affiliationState
	published    map[string]string // article id → date, for this batch's mentions
	// reports are every article's reports of events: which make one
	// event (graphmodel.Cluster) is known only at the end.
	reports []graphmodel.Report
}

// affiliationState is an affiliation being aggregated: the role is the
// one of the latest article (by published date, then id; undated last)
// that gives one, as ORDER BY a.published, a.id and collect(m.role)[-1]
// pick it.
type affiliationState struct {
	affiliationRow
	roleKey [2]string // published, article id of the role's article
	hasRole bool
}

func newAggregate() *aggregate {
	return &aggregate{
		actors:       map[string]*graphmodel.ActorRow{},
		relations:    map[graphmodel.DyadRow]*relationRow{},
		affiliations: map[[2]string]*affiliationState{},
	}
}

// add folds in one batch. An article occurs in one batch only (the
// source skips repeated ids), so counting distinct articles per batch
// counts them over the corpus.
func (g *aggregate) add(b *graphmodel.GraphBatch) {
	for _, r := range b.Actors {
		a, ok := g.actors[r.ID]
		if !ok {
			row := r
			row.Aliases = slices.Clone(r.Aliases)
			g.actors[r.ID] = &row
			continue
		}
		// The type is fixed when the actor is created (ON CREATE SET).
		if betterName(r.Name, a.Name) {
			a.Name = r.Name
		}
		a.Aliases = append(a.Aliases, r.Aliases...)
		if r.SectorKey > a.SectorKey {
			a.Sector, a.SectorKey = r.Sector, r.SectorKey
		}
		slices.Sort(a.Aliases)
		a.Aliases = slices.Compact(a.Aliases)
	}
	g.reports = append(g.reports, b.Reports...)
	published := make(map[string]string, len(b.Articles))
	for _, a := range b.Articles {
		published[a.ID] = a.Published
	}
	for _, m := range b.Mentions {
		if m.Affiliation == "" {
			continue
		}
		key := [2]string{m.Actor, m.Affiliation}
		s, ok := g.affiliations[key]
		if !ok {
			s = &affiliationState{affiliationRow: affiliationRow{Person: m.Actor, Actor: m.Affiliation}}
			g.affiliations[key] = s
		}
		date := published[m.Article]
		s.Articles++
		s.First, s.Last = minDate(s.First, date), maxDate(s.Last, date)
		if m.Role != "" {
			k := [2]string{date, m.Article}
			if !s.hasRole || laterArticle(k, s.roleKey) {
				s.Role, s.RoleArticle, s.roleKey, s.hasRole = m.Role, m.Article, k, true
			}
		}
	}
}

// result returns the actors, events (with the event window in days), aggregated edges and affiliations,
// sorted. Affiliations to an actor the graph does not hold are left out,
// as the model's MATCH leaves them out.
func (g *aggregate) result(window int) ([]graphmodel.ActorRow, []graphmodel.EventRow, []relationRow, []affiliationRow) {
	actors := make([]graphmodel.ActorRow, 0, len(g.actors))
	for _, a := range g.actors {
		actors = append(actors, *a)
	}
	slices.SortFunc(actors, func(x, y graphmodel.ActorRow) int { return cmp.Compare(x.ID, y.ID) })
	events := graphmodel.EventRows(graphmodel.Cluster(g.reports, window))
	relations := relationsOf(events)
	var affs []affiliationRow
	for _, s := range g.affiliations {
		person, org := g.actors[s.Person], g.actors[s.Actor]
		if person == nil || org == nil || person.Type != schema.Person {
			continue
		}
		affs = append(affs, s.affiliationRow)
	}
	slices.SortFunc(affs, func(x, y affiliationRow) int {
		return cmp.Or(cmp.Compare(x.Person, y.Person), cmp.Compare(x.Actor, y.Actor))
	})
	return actors, events, relations, affs
}

// relationsOf aggregates the asserted events as the graph does
// (graphmodel.RelationsOf).
func relationsOf(events []graphmodel.EventRow) []relationRow {
	rows := graphmodel.RelationsOf(events)
	out := make([]relationRow, len(rows))
	for i, r := range rows {
		out[i] = relationRow{Source: r.Source, Target: r.Target, Type: r.Type, Events: r.Events, Articles: r.Articles,
			First: r.First, Last: r.Last, Quad: r.Type.Quad(), Score: r.Type.Score()}
	}
	return out
}

// laterArticle orders (published, id) keys as Cypher's ORDER BY does:
// dates ascending with the undated after every date, then ids.
func laterArticle(a, b [2]string) bool {
	if a[0] != b[0] {
		switch {
		case a[0] == "":
			return true
		case b[0] == "":
			return false
		}
		return a[0] > b[0]
	}
	return a[1] > b[1]
}

// minDate and maxDate aggregate YYYY-MM-DD dates, ignoring unknown ones
// as Cypher's min and max ignore nulls.
func minDate(cur, d string) string {
	if d == "" || (cur != "" && cur <= d) {
		return cur
	}
	return d
}

func maxDate(cur, d string) string {
	if d == "" || (cur != "" && cur >= d) {
		return cur
	}
	return d
}

// betterName is the model's rule for an actor's display name: the
// longest wins, ties go to the alphabetically first (CypherMergeActors).
func betterName(name, current string) bool {
	n, c := len([]rune(name)), len([]rune(current))
	return n > c || (n == c && name < current)
}
