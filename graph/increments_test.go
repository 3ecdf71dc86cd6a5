package graph_test

import (
	"context"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/geokg/geokg/graphmodel"
	"github.com/geokg/geokg/internal/neo4jtest"
	"github.com/geokg/geokg/schema"
)

// variedDocs are synthetic docs whose persons change roles, some without
// one, and some of whose articles are undated: what the incremental
// affiliation update must order exactly as the recomputation does.
func variedDocs(n, actors int) []schema.Doc {
	docs := syntheticDocs(n, actors)
	roles := []string{"Minister", "President", "", "Envoy"}
	for i := range docs {
		if i%9 == 4 {
			docs[i].Published = schema.Date{}
		}
		for j := range docs[i].Actors {
			if docs[i].Actors[j].Role != "" {
				docs[i].Actors[j].Role = roles[(i+j)%len(roles)]
			}
		}
	}
	return docs
}

// changed is docs as a later extraction sees them: one relation fewer, a
// relation of another type, other roles.
func changed(docs []schema.Doc) []schema.Doc {
	out := make([]schema.Doc, len(docs))
	for i, d := range docs {
		d.Hash += "-v2"
		d.Relations = append([]schema.Relation(nil), d.Relations[1:]...)
		if len(d.Relations) > 0 {
			r := d.Relations[0]
			r.Type, r.Sentence = schema.Aid, r.Sentence+10
			r.Quad, r.Score, r.Symmetric = r.Type.Quad(), r.Type.Score(), r.Type.Symmetric()
			d.Relations = append(d.Relations, r)
		}
		d.Actors = append([]schema.Actor(nil), d.Actors...)
		for j := range d.Actors {
			if d.Actors[j].Role != "" {
				d.Actors[j].Role = "Former " + d.Actors[j].Role
			}
		}
		out[i] = d
	}
	return out
}

// recomputeAll recomputes every aggregated edge and affiliation from the
// events and mentions in the graph.
func recomputeAll(t *testing.T, d neo4j.DriverWithContext) {
	t.Helper()
	for _, cypher := range []string{graphmodel.CypherRecomputeAllRelations, graphmodel.CypherRecomputeAllAffiliations} {
		query(t, d, cypher, nil)
	}
}

// The writer adds new articles' events and mentions to the aggregated
// edges and affiliations instead of recomputing them; after new, repeated
// and changed articles, in overlapping batches, the edges must equal a
// recomputation from the graph's events and mentions.
func TestIncrementsEqualRecomputation(t *testing.T) {
	d := neo4jtest.Driver(t)
	docs := variedDocs(90, 20)
	cfg := testConfig(t)
	load(t, cfg, docs[:40], 7)
	load(t, cfg, docs[30:70], 9)                                 // 30–39 again, unchanged
	load(t, cfg, append(changed(docs[60:80]), docs[80:]...), 11) // 60–69 changed, 70–89 new
	incremental := dump(t, d)
	recomputeAll(t, d)
	diff(t, "aggregated edges and affiliations, added to vs recomputed", incremental, dump(t, d))
	if n := count(t, d, `MATCH ()-[r:AFFILIATED_WITH]->() WHERE r.role IS NOT NULL AND r.role_article IS NULL RETURN count(r)`); n != 0 {
		t.Errorf("%d affiliations with a role but no role_article", n)
	}
}

// Two loaders writing different new articles at once add to the same
// edges: neither may lose the other's counts.
func TestConcurrentWritersOnDifferentArticles(t *testing.T) {
	d := neo4jtest.Driver(t)
	docs := variedDocs(200, 12) // few actors: the loaders share most dyads
	var halves [2][]schema.Doc
	for i, doc := range docs {
		halves[i%2] = append(halves[i%2], doc)
	}
	both := loadConcurrently(t, d, halves[:], 10)
	neo4jtest.Clean(context.Background(), d)
	load(t, testConfig(t), docs, 50)
	diff(t, "two loaders on different articles vs one", both, dump(t, d))
}
