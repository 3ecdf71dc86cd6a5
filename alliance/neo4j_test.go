package alliance_test

import (
	"context"
	"slices"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/geokg/geokg/alliance"
	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/internal/devgraph"
	"github.com/geokg/geokg/query"
	"github.com/geokg/geokg/schema"
)

// TestWriteSignedEdgesAndBlocs writes the dev graph's alignments and blocs
// into the real Neo4j as `geokg alliances` does, twice (a rerun replaces,
// never adds), and reads them back: one ALLIED_WITH or OPPOSED_TO edge
// beside every ALIGNMENT edge of non-zero score, with its top types; one
// Bloc per bloc of two or more, its members linked; `geokg query blocs`
// listing them.
func TestWriteSignedEdgesAndBlocs(t *testing.T) {
	drv := devgraph.LoadNeo4j(t)
	conn := devgraph.Conn(t)
	ctx := context.Background()
	w := alliance.Window{}
	var als []alliance.Alignment
	var p alliance.Partition
	for range 2 {
		s := alliance.NewScorer(w, alliance.DefaultHalfLife, schema.Date{})
		if err := alliance.ReadEvents(ctx, graph.NewReader(conn), w, func(e alliance.Event) { s.Add(e) }); err != nil {
			t.Fatal(err)
		}
		als = s.Alignments()
		if _, err := alliance.Write(ctx, conn, w, alliance.DefaultHalfLife, als); err != nil {
			t.Fatal(err)
		}
		p = alliance.Blocs(als, alliance.BlocOptions{})
		if _, err := alliance.WriteBlocs(ctx, conn, w, p); err != nil {
			t.Fatal(err)
		}
	}
	var pos, neg, blocs int
	for _, a := range als {
		switch {
		case a.Score > 0:
			pos++
		case a.Score < 0:
			neg++
		}
	}
	for _, b := range p.Blocs {
		if len(b.Members) > 1 {
			blocs++
		}
	}
	one := func(cypher string, params map[string]any) any {
		t.Helper()
		res, err := neo4j.ExecuteQuery(ctx, drv, cypher, params, neo4j.EagerResultTransformer)
		if err != nil {
			t.Fatalf("%s: %v", cypher, err)
		}
		return res.Records[0].Values[0]
	}
	count := func(cypher string) int64 { t.Helper(); return one(cypher, nil).(int64) }
	if got := count(`MATCH ()-[r:ALLIED_WITH {window: 'all'}]->() WHERE r.score > 0 AND r.strength = r.score AND size(r.top_types) > 0 RETURN count(r)`); got != int64(pos) {
		t.Errorf("%d ALLIED_WITH edges with positive score and top types, want %d", got, pos)
	}
	if got := count(`MATCH ()-[r:OPPOSED_TO {window: 'all'}]->() WHERE r.score < 0 AND r.strength = -r.score RETURN count(r)`); got != int64(neg) {
		t.Errorf("%d OPPOSED_TO edges with negative score, want %d", got, neg)
	}
	if got := count(`MATCH (a)-[s:ALLIED_WITH|OPPOSED_TO]->(b), (a)-[x:ALIGNMENT {window: s.window}]->(b) WHERE x.score = s.score RETURN count(s)`); got != int64(pos+neg) {
		t.Errorf("%d signed edges match their ALIGNMENT edge, want %d", got, pos+neg)
	}
	if got := count(`MATCH (b:Bloc {window: 'all'}) RETURN count(b)`); got != int64(blocs) {
		t.Errorf("%d Bloc nodes, want %d", got, blocs)
	}
	if got := count(`MATCH (a:Actor)-[i:IN_BLOC]->(b:Bloc) WHERE a.bloc = b.number AND i.bloc = b.number AND a.id IN b.members RETURN count(i)`); got != count(`MATCH (b:Bloc) RETURN sum(b.size)`) {
		t.Errorf("%d members linked to their bloc, want every member", got)
	}
	if same := one(`MATCH (r:Actor {id: 'RUS'}), (i:Actor {id: 'IRN'}) RETURN r.bloc = i.bloc AND r.bloc IS NOT NULL`, nil); same != true {
		t.Errorf("Russia and Iran carry different blocs")
	}

	c := query.New(conn)
	tab, err := c.Blocs(ctx, "all", "", 100)
	if err != nil {
		t.Fatal(err)
	}
	if len(tab.Rows) != blocs || len(tab.Notes) != 1 {
		t.Fatalf("query blocs: %d rows, notes %v; want %d rows and the frustration note", len(tab.Rows), tab.Notes, blocs)
	}
	found := false
	for _, row := range tab.Rows {
		members, _ := row[2].([]any)
		if slices.Contains(members, any("Russia")) && slices.Contains(members, any("Iran")) {
			found = true
		}
	}
	if !found {
		t.Errorf("query blocs: no bloc lists Russia and Iran: %v", tab.Rows)
	}
	if tab, err := c.Blocs(ctx, "1999", "", 10); err != nil || len(tab.Rows) != 0 || len(tab.Notes) != 1 {
		t.Errorf("query blocs of an unwritten window: %v, %v; want no rows and a note", tab, err)
	}
}
