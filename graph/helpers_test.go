package graph_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/internal/neo4jtest"
	"github.com/geokg/geokg/schema"
)

// testConfig is a writer configuration for the test server; Driver(t) must
// have been called (it takes the lock and wipes the database).
func testConfig(t *testing.T) graph.Config {
	t.Helper()
	target, _ := neo4jtest.TargetFromEnv()
	return graph.Config{URI: target.URI, Username: target.Username, Password: target.Password,
		BatchSize: 50, RetryTime: 5 * time.Second}
}

// load writes docs through a fresh Writer in batches of batch docs.
func load(t *testing.T, cfg graph.Config, docs []schema.Doc, batch int) graph.Stats {
	t.Helper()
	ctx := context.Background()
	w, err := graph.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	for len(docs) > 0 {
		n := min(batch, len(docs))
		if err := w.WriteBatch(ctx, docs[:n]); err != nil {
			t.Fatal(err)
		}
		docs = docs[n:]
	}
	if err := w.Close(ctx); err != nil {
		t.Fatal(err)
	}
	return w.Stats()
}

// dump is a canonical text form of the whole graph: one line per node
// (labels, properties) and per relationship (end keys, type, properties),
// sorted. Internal element ids are left out, so two graphs built in a
// different order compare equal exactly when they hold the same data.
func dump(t *testing.T, d neo4j.DriverWithContext) []string {
	t.Helper()
	ctx := context.Background()
	var lines []string
	res, err := neo4j.ExecuteQuery(ctx, d, `MATCH (n) RETURN labels(n) AS labels, properties(n) AS props`, nil, neo4j.EagerResultTransformer)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res.Records {
		labels := toStrings(r.Values[0])
		slices.Sort(labels)
		lines = append(lines, "node "+strings.Join(labels, ":")+" "+canon(r.Values[1]))
	}
	res, err = neo4j.ExecuteQuery(ctx, d, `MATCH (a)-[r]->(b)
		RETURN coalesce(a.id, a.name) AS a, type(r) AS type, coalesce(b.id, b.name) AS b, properties(r) AS props`,
		nil, neo4j.EagerResultTransformer)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res.Records {
		lines = append(lines, fmt.Sprintf("rel %v -%v-> %v %s", r.Values[0], r.Values[1], r.Values[2], canon(r.Values[3])))
	}
	slices.Sort(lines)
	return lines
}

// canon renders a property map with sorted keys and typed values.
func canon(v any) string {
	m, _ := v.(map[string]any)
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var b strings.Builder
	for _, k := range keys {
		val := m[k]
		if d, ok := val.(dbtype.Date); ok {
			val = "date(" + d.Time().Format("2006-01-02") + ")"
		}
		j, _ := json.Marshal(val)
		fmt.Fprintf(&b, "%s=%s ", k, j)
	}
	return b.String()
}

func toStrings(v any) []string {
	l, _ := v.([]any)
	out := make([]string, len(l))
	for i, x := range l {
		out[i], _ = x.(string)
	}
	return out
}

// diff reports the first lines where two dumps differ.
func diff(t *testing.T, name string, got, want []string) {
	t.Helper()
	if slices.Equal(got, want) {
		return
	}
	var only []string
	for _, l := range got {
		if !slices.Contains(want, l) {
			only = append(only, "+ "+l)
		}
	}
	for _, l := range want {
		if !slices.Contains(got, l) {
			only = append(only, "- "+l)
		}
	}
	if len(only) > 20 {
		only = only[:20]
	}
	t.Errorf("%s: graphs differ (%d vs %d lines):\n%s", name, len(got), len(want), strings.Join(only, "\n"))
}

// query runs a read query and returns its rows as maps.
func query(t *testing.T, d neo4j.DriverWithContext, cypher string, params map[string]any) []map[string]any {
	t.Helper()
	res, err := neo4j.ExecuteQuery(context.Background(), d, cypher, params, neo4j.EagerResultTransformer)
	if err != nil {
		t.Fatalf("%s: %v", cypher, err)
	}
	out := make([]map[string]any, len(res.Records))
	for i, r := range res.Records {
		out[i] = r.AsMap()
	}
	return out
}

// count runs a query returning one integer.
func count(t *testing.T, d neo4j.DriverWithContext, cypher string) int64 {
	t.Helper()
	rows := query(t, d, cypher, nil)
	if len(rows) != 1 {
		t.Fatalf("%s: %d rows", cypher, len(rows))
	}
	for _, v := range rows[0] {
		n, _ := v.(int64)
		return n
	}
	return 0
}

// syntheticDocs makes n articles with relations among a pool of actors,
// deterministically.
func syntheticDocs(n, actors int) []schema.Doc {
	rng := rand.New(rand.NewPCG(1, 2))
	types := []schema.ActorType{schema.Country, schema.Person, schema.Organization, schema.Group}
	actor := func(i int) schema.Actor {
		typ := types[i%len(types)]
		id := fmt.Sprintf("A%04d", i)
		a := schema.Actor{ID: id, Name: "Actor " + id, Type: typ, Aliases: []string{"Actor " + id, "A-" + id},
			Mentions: []schema.Mention{{Text: "Actor " + id, Start: 0, End: 10}}}
		if typ == schema.Person {
			a.Affiliation, a.Role = fmt.Sprintf("A%04d", (i+1)%actors), "Minister"
		}
		return a
	}
	docs := make([]schema.Doc, n)
	for i := range docs {
		day := schema.NewDate(time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i%1000))
		d := schema.Doc{Path: fmt.Sprintf("synthetic/%05d.txt", i), ID: fmt.Sprintf("sha256:%064d", i),
			Title: fmt.Sprintf("Article %d", i), Published: day, Hash: fmt.Sprintf("%064d", i),
			Actors: []schema.Actor{}, Relations: []schema.Relation{}}
		picked := map[int]bool{}
		for len(picked) < 4 {
			picked[rng.IntN(actors)] = true
		}
		var ids []int
		for k := range picked {
			ids = append(ids, k)
		}
		slices.Sort(ids)
		for _, k := range ids {
			a := actor(k)
			d.Actors = append(d.Actors, a)
			if a.Affiliation != "" && !picked[(k+1)%actors] {
				d.Actors = append(d.Actors, actor((k+1)%actors))
				picked[(k+1)%actors] = true
			}
		}
		for s := range 5 {
			src, tgt := d.Actors[rng.IntN(len(d.Actors))], d.Actors[rng.IntN(len(d.Actors))]
			if src.ID == tgt.ID {
				continue
			}
			typ := schema.EventTypes[rng.IntN(len(schema.EventTypes))]
			r := schema.Relation{Source: src.ID, Target: tgt.ID, Type: typ, Quad: typ.Quad(), Score: typ.Score(),
				Symmetric: typ.Symmetric(), Sentence: s, Evidence: fmt.Sprintf("Sentence %d of article %d.", s, i),
				Date: day, Confidence: 0.5 + float64(s)/10}
			if s == 4 {
				r.Modes = []schema.Mode{schema.Negated}
			}
			d.Relations = append(d.Relations, r)
		}
		docs[i] = d
	}
	return docs
}

// reader reads the test database through a connection of its own, closed
// when the test ends.
func reader(t *testing.T) graph.Reader {
	t.Helper()
	ctx := context.Background()
	c, err := graph.Connect(ctx, testConfig(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close(ctx) })
	return graph.NewReader(c)
}
