package graphmodel

import (
	"cmp"
	"slices"
)

// Param returns the edge as a row of CypherSetRelations, which sets the
// edge the graph holds to it.
func (r Relation) Param() map[string]any {
	return map[string]any{"source": r.Source, "target": r.Target, "type": string(r.Type),
		"quad": string(r.Type.Quad()), "score": r.Type.Score(), "events": int64(r.Events),
		"articles": int64(r.Articles), "first": null(r.First), "last": null(r.Last)}
}

// Param returns the affiliation as a row of CypherAddToAffiliations,
// which adds it to the edge the graph holds; role_key orders its role's
// article as roleKey does.
func (r Affiliation) Param() map[string]any {
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
	RelationDeltas    []Relation
	AffiliationDeltas []Affiliation
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
	// The new articles' contribution, aggregated as every other sink
	// aggregates a corpus.
	added := NewAggregate()
	for _, e := range b.Events {
		if !isNew(e.Article) {
			recomputeDyad[DyadRow{Source: e.Source, Target: e.Target, Type: e.Type}] = true
			continue
		}
		added.Event(e)
	}
	for d := range recomputeDyad {
		out.Dyads = append(out.Dyads, d)
	}
	for _, r := range added.Relations() {
		if !recomputeDyad[r.dyad()] {
			out.RelationDeltas = append(out.RelationDeltas, r)
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
	for _, m := range b.Mentions {
		if !persons[m.Actor] {
			continue
		}
		if !isNew(m.Article) {
			recomputePerson[m.Actor] = true
			continue
		}
		added.Mention(m, published[m.Article])
	}
	for p := range recomputePerson {
		out.Persons = append(out.Persons, IDRow{p})
	}
	// Every affiliation, known actor or not: the statement's MATCH
	// leaves out those whose actor the graph does not hold.
	for _, a := range added.affiliations {
		if !recomputePerson[a.Person] {
			out.AffiliationDeltas = append(out.AffiliationDeltas, *a)
		}
	}
	// Sorted, so that concurrent writers lock edges and nodes in one order.
	slices.SortFunc(out.Dyads, compareDyads)
	slices.SortFunc(out.Persons, func(x, y IDRow) int { return cmp.Compare(x.ID, y.ID) })
	slices.SortFunc(out.AffiliationDeltas, compareAffiliations)
	return out
}
