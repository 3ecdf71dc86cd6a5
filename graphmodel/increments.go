package graphmodel

import (
	"cmp"
	"slices"

	"github.com/geokg/geokg/schema"
)

// RelationDeltaRow adds the asserted events of articles new to the graph
// to one aggregated typed edge, the parameters of CypherAddToRelations.
type RelationDeltaRow struct {
	Source string           `json:"source"`
	Target string           `json:"target"`
	Type   schema.EventType `json:"type"`
	// Events and Articles are the new asserted events and their articles.
	Events, Articles int
	// First and Last are the earliest and latest of their dates
	// (YYYY-MM-DD); empty when none is dated.
	First, Last string
}

// Param returns the row as a Cypher parameter map.
func (r RelationDeltaRow) Param() map[string]any {
	return map[string]any{"source": r.Source, "target": r.Target, "type": string(r.Type),
		"quad": string(r.Type.Quad()), "score": r.Type.Score(), "events": int64(r.Events),
		"articles": int64(r.Articles), "first": null(r.First), "last": null(r.Last)}
}

// AffiliationDeltaRow adds the mentions of articles new to the graph that
// affiliate a person with an actor to their AFFILIATED_WITH edge, the
// parameters of CypherAddToAffiliations.
type AffiliationDeltaRow struct {
	Person string `json:"person"`
	Org    string `json:"org"`
	// Articles is the number of new articles.
	Articles int
	// First and Last are the earliest and latest of their publication
	// dates; empty when none is dated.
	First, Last string
	// Role is the role given by the latest of them that gives one (by
	// publication date, undated last, then id), RoleArticle that article;
	// both empty when none does.
	Role, RoleArticle, rolePublished string
}

// roleKey orders the articles a role comes from as CypherRecomputeAffiliations
// does: by publication date, undated last, then by id.
func roleKey(published, article string) string {
	if published == "" {
		published = "~" // after every digit
	}
	return published + " " + article
}

// Param returns the row as a Cypher parameter map.
func (r AffiliationDeltaRow) Param() map[string]any {
	key := any(nil)
	if r.RoleArticle != "" {
		key = roleKey(r.rolePublished, r.RoleArticle)
	}
	return map[string]any{"person": r.Person, "org": r.Org, "articles": int64(r.Articles),
		"first": null(r.First), "last": null(r.Last), "role": null(r.Role),
		"role_article": null(r.RoleArticle), "role_key": key}
}

// Derived says how the Neo4j writer brings a batch's aggregated edges and
// affiliations up to date.
type Derived struct {
	// RelationDeltas and AffiliationDeltas are added to their edges: they
	// come only from articles new to the graph, none of whose events or
	// mentions was counted before.
	RelationDeltas    []RelationDeltaRow
	AffiliationDeltas []AffiliationDeltaRow
	// Dyads and Persons are recomputed from the graph: an article that
	// was written before touches them, or a stale event or mention was
	// deleted from them.
	Dyads   []DyadRow
	Persons []IDRow
}

// Derived splits the batch's dyads and persons into those whose edges can
// take the batch's contribution as an increment and those that must be
// recomputed. isNew tells whether an article had no events, links or
// mentions in the graph before the batch (decided under the article's
// lock); staleDyads and stalePersons come from the stale-data deletions.
// Adding is exact where it is used: every event and mention it adds is
// counted for the first time, so the result equals a recomputation.
func (b *GraphBatch) Derived(isNew func(article string) bool, staleDyads []DyadRow, stalePersons []IDRow) Derived {
	var out Derived
	recomputeDyad := make(map[DyadRow]bool, len(staleDyads))
	for _, d := range staleDyads {
		recomputeDyad[d] = true
	}
	type relationAcc struct {
		row      RelationDeltaRow
		articles map[string]bool
	}
	relations := map[DyadRow]*relationAcc{}
	for _, e := range b.Events {
		d := DyadRow{Source: e.Source, Target: e.Target, Type: e.Type}
		if !isNew(e.Article) {
			recomputeDyad[d] = true
			continue
		}
		if !e.Asserted {
			continue
		}
		acc := relations[d]
		if acc == nil {
			acc = &relationAcc{row: RelationDeltaRow{Source: d.Source, Target: d.Target, Type: d.Type}, articles: map[string]bool{}}
			relations[d] = acc
		}
		acc.row.Events++
		acc.articles[e.Article] = true
		acc.row.First, acc.row.Last = widen(acc.row.First, acc.row.Last, e.Date)
	}
	for d := range recomputeDyad {
		out.Dyads = append(out.Dyads, d)
	}
	for d, acc := range relations {
		if !recomputeDyad[d] {
			acc.row.Articles = len(acc.articles)
			out.RelationDeltas = append(out.RelationDeltas, acc.row)
		}
	}

	published := make(map[string]string, len(b.Articles))
	for _, a := range b.Articles {
		published[a.ID] = a.Published
	}
	persons := make(map[string]bool, len(b.Persons))
	for _, p := range b.Persons {
		persons[p.ID] = true
	}
	recomputePerson := make(map[string]bool, len(stalePersons))
	for _, p := range stalePersons {
		recomputePerson[p.ID] = true
	}
	type affiliation struct{ person, org string }
	affiliations := map[affiliation]*AffiliationDeltaRow{}
	for _, m := range b.Mentions {
		if !persons[m.Actor] {
			continue
		}
		if !isNew(m.Article) {
			recomputePerson[m.Actor] = true
			continue
		}
		if m.Affiliation == "" {
			continue
		}
		k := affiliation{m.Actor, m.Affiliation}
		row := affiliations[k]
		if row == nil {
			row = &AffiliationDeltaRow{Person: m.Actor, Org: m.Affiliation}
			affiliations[k] = row
		}
		row.Articles++
		date := published[m.Article]
		row.First, row.Last = widen(row.First, row.Last, date)
		if m.Role != "" && (row.RoleArticle == "" || roleKey(date, m.Article) > roleKey(row.rolePublished, row.RoleArticle)) {
			row.Role, row.RoleArticle, row.rolePublished = m.Role, m.Article, date
		}
	}
	for p := range recomputePerson {
		out.Persons = append(out.Persons, IDRow{p})
	}
	for k, row := range affiliations {
		if !recomputePerson[k.person] {
			out.AffiliationDeltas = append(out.AffiliationDeltas, *row)
		}
	}
	// Sorted, so that concurrent writers lock edges and nodes in one order.
	slices.SortFunc(out.Dyads, compareDyads)
	slices.SortFunc(out.RelationDeltas, func(x, y RelationDeltaRow) int {
		return compareDyads(DyadRow{x.Source, x.Target, x.Type}, DyadRow{y.Source, y.Target, y.Type})
	})
	slices.SortFunc(out.Persons, func(x, y IDRow) int { return cmp.Compare(x.ID, y.ID) })
	slices.SortFunc(out.AffiliationDeltas, func(x, y AffiliationDeltaRow) int {
		return cmp.Or(cmp.Compare(x.Person, y.Person), cmp.Compare(x.Org, y.Org))
	})
	return out
}

// widen extends the date range [first, last] (YYYY-MM-DD, empty when
// unknown) to date; an empty date leaves it as it is.
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
