package graph_test

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graphmodel"
	"github.com/geokg/geokg/internal/neo4jtest"
	"github.com/geokg/geokg/schema"
)

// hostileNames are actor names that would break Cypher built from text.
var hostileNames = []string{
	`O'Brien "The Hammer"`,
	"Back`tick` Brigade",
	"{curly} } MATCH (n) DETACH DELETE n //",
	`MERGE (x) RETURN x; DROP CONSTRAINT actor_id`,
	`\u0027 \\ backslash \n newline`,
	"Ünïcödé — 北京 🌍",
}

func hostileDoc() schema.Doc {
	d := schema.Doc{Path: "hostile.txt", ID: `id with 'quotes' and "doubles"`, Title: "Title `with` {braces}",
		Published: mustDate("2016-02-29"), Hash: "hash-hostile", Actors: []schema.Actor{}, Relations: []schema.Relation{}}
	for i, name := range hostileNames {
		typ := schema.ActorTypes[i%len(schema.ActorTypes)]
		d.Actors = append(d.Actors, schema.Actor{ID: name, Name: name, Type: typ, Aliases: []string{name, name + "'s"},
			Mentions: []schema.Mention{{Text: name, Start: 0, End: 1}}})
	}
	for i := 1; i < len(hostileNames); i++ {
		d.Relations = append(d.Relations, schema.Relation{Source: hostileNames[i-1], Target: hostileNames[i],
			Type: schema.Support, Quad: schema.Support.Quad(), Evidence: "Evidence with `backticks` and 'quotes' " + hostileNames[i],
			Sentence: i, Date: mustDate("2016-02-29"), Confidence: 0.9})
	}
	return d
}

func mustDate(s string) schema.Date {
	d, err := schema.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestHostileNamesLoadVerbatim(t *testing.T) {
	d := neo4jtest.Driver(t)
	load(t, testConfig(t), []schema.Doc{hostileDoc()}, 1)
	for _, name := range hostileNames {
		rows := query(t, d, `MATCH (a:Actor {id: $id}) RETURN a.name AS name, a.aliases AS aliases`, map[string]any{"id": name})
		if len(rows) != 1 {
			t.Errorf("actor %q: %d nodes, want 1", name, len(rows))
			continue
		}
		if rows[0]["name"] != name {
			t.Errorf("actor name = %q, want %q", rows[0]["name"], name)
		}
		if got := toStrings(rows[0]["aliases"]); len(got) != 2 || got[0] != name || got[1] != name+"'s" {
			t.Errorf("aliases of %q = %q", name, got)
		}
	}
	if n := count(t, d, `MATCH (:Actor)-[r:SUPPORT]->(:Actor) RETURN count(r)`); n != int64(len(hostileNames)-1) {
		t.Errorf("%d SUPPORT edges, want %d", n, len(hostileNames)-1)
	}
	if n := count(t, d, `MATCH (a:Article) WHERE a.title = "Title `+"`with`"+` {braces}" RETURN count(a)`); n != 1 {
		t.Errorf("article title not verbatim")
	}
	if n := count(t, d, `SHOW CONSTRAINTS YIELD name WHERE name = 'actor_id' RETURN count(*)`); n != 1 {
		t.Errorf("actor_id constraint is gone")
	}
}

func TestModel(t *testing.T) {
	d := neo4jtest.Driver(t)
	ru := schema.Actor{ID: "RUS", Name: "Russia", Type: schema.Country, Aliases: []string{"Russia", "Moscow"}, Mentions: make([]schema.Mention, 3)}
	sy := schema.Actor{ID: "SYR", Name: "Syria", Type: schema.Country, Aliases: []string{"Syria"}, Mentions: make([]schema.Mention, 1)}
	as := schema.Actor{ID: "Bashar al-Assad", Name: "Bashar al-Assad", Type: schema.Person, Aliases: []string{"Assad"},
		Mentions: make([]schema.Mention, 2), Affiliation: "SYR", Role: "President"}
	us := schema.Actor{ID: "USA", Name: "United States", Type: schema.Country, Aliases: []string{"Washington"}, Mentions: make([]schema.Mention, 1)}
	rel := func(src, typ, tgt string, sentence int, modes ...schema.Mode) schema.Relation {
		et := schema.EventType(typ)
		return schema.Relation{Source: src, Target: tgt, Type: et, Quad: et.Quad(), Score: et.Score(), Sentence: sentence,
			Evidence: "s" + typ, Modes: modes, Confidence: 0.8}
	}
	doc1 := schema.Doc{Path: "a.txt", ID: "a", Title: "A", Published: mustDate("2015-10-01"), Hash: "ha",
		Actors: []schema.Actor{ru, sy, as, us},
		Relations: []schema.Relation{
			rel("RUS", "SUPPORT", "Bashar al-Assad", 0),
			rel("RUS", "SUPPORT", "Bashar al-Assad", 1),
			rel("USA", "CONSULT", "RUS", 2), // symmetric: stored as RUS→USA
			rel("USA", "ASSAULT", "Bashar al-Assad", 3, schema.Hypothetical),
		}}
	for i := range doc1.Relations {
		doc1.Relations[i].Date = mustDate("2015-10-01")
	}
	as2 := as
	as2.Role = "Syrian President"
	doc2 := schema.Doc{Path: "b.txt", ID: "b", Title: "B", Published: mustDate("2016-03-05"), Hash: "hb",
		Actors:    []schema.Actor{ru, as2, sy},
		Relations: []schema.Relation{rel("RUS", "SUPPORT", "Bashar al-Assad", 4)}}
	doc2.Relations[0].Date = mustDate("2016-03-01")
	load(t, testConfig(t), []schema.Doc{doc1, doc2}, 10)

	rows := query(t, d, `MATCH (s:Actor {id: 'RUS'})-[r:SUPPORT]->(t:Actor {id: 'Bashar al-Assad'})
		RETURN r.events AS events, r.articles AS articles, toString(r.first) AS first, toString(r.last) AS last, r.quad AS quad`, nil)
	if len(rows) != 1 {
		t.Fatalf("SUPPORT edges: %v", rows)
	}
	// Sentences 0 and 1 of a tell of one happening: one event.
	want := map[string]any{"events": int64(2), "articles": int64(2), "first": "2015-10-01", "last": "2016-03-01", "quad": "verbal cooperation"}
	for k, v := range want {
		if rows[0][k] != v {
			t.Errorf("SUPPORT.%s = %v, want %v", k, rows[0][k], v)
		}
	}
	if n := count(t, d, `MATCH (:Actor {id: 'RUS'})-[r:CONSULT]->(:Actor {id: 'USA'}) RETURN count(r)`); n != 1 {
		t.Errorf("symmetric CONSULT not stored RUS→USA")
	}
	if n := count(t, d, `MATCH ()-[r:ASSAULT]->() RETURN count(r)`); n != 0 {
		t.Errorf("hypothetical ASSAULT became an edge")
	}
	if n := count(t, d, `MATCH (e:Event) RETURN count(e)`); n != 3 {
		t.Errorf("%d events, want 3 (unasserted left out, one happening told twice)", n)
	}
	rows = query(t, d, `MATCH (:Person {id: 'Bashar al-Assad'})-[r:AFFILIATED_WITH]->(c:Country)
		RETURN c.id AS org, r.role AS role, toString(r.first) AS first, toString(r.last) AS last, r.articles AS articles`, nil)
	if len(rows) != 1 || rows[0]["org"] != "SYR" || rows[0]["role"] != "Syrian President" || rows[0]["first"] != "2015-10-01" ||
		rows[0]["last"] != "2016-03-05" || rows[0]["articles"] != int64(2) {
		t.Errorf("AFFILIATED_WITH = %v", rows)
	}
	rows = query(t, d, `MATCH (:Actor {id: 'RUS'})-[m:MENTIONED_IN]->(a:Article {id: 'a'}) RETURN m.count AS n`, nil)
	if len(rows) != 1 || rows[0]["n"] != int64(3) {
		t.Errorf("MENTIONED_IN = %v", rows)
	}
	rows = query(t, d, `MATCH (e:Event {type: 'SUPPORT'})-[:REPORTED_IN]->(a:Article {id: 'b'})
		MATCH (s)-[:ACTOR]->(e)-[:RECIPIENT]->(t) RETURN s.id AS s, t.id AS t, e.date = date('2016-03-01') AS dated`, nil)
	if len(rows) != 1 || rows[0]["s"] != "RUS" || rows[0]["t"] != "Bashar al-Assad" || rows[0]["dated"] != true {
		t.Errorf("event provenance = %v", rows)
	}
	if n := count(t, d, `MATCH (a:Actor:Country {iso3: 'RUS'}) RETURN count(a)`); n != 1 {
		t.Errorf("RUS is not a :Country with iso3")
	}
	if n := count(t, d, `MATCH (s:GraphSchema {name: 'geokg'}) RETURN s.version`); n != graphmodel.SchemaVersion {
		t.Errorf("schema version %d", n)
	}

	// Re-extraction: article a now only has RUS CONSULT USA; the old
	// events, the SUPPORT they counted and Assad's mention go.
	doc1b := doc1
	doc1b.Actors = []schema.Actor{ru, us}
	doc1b.Relations = []schema.Relation{rel("USA", "CONSULT", "RUS", 2)}
	doc1b.Relations[0].Date = mustDate("2015-10-01")
	load(t, testConfig(t), []schema.Doc{doc1b}, 10)
	after := dump(t, d)
	neo4jtest.Clean(context.Background(), d)
	load(t, testConfig(t), []schema.Doc{doc1b, doc2}, 10)
	diff(t, "re-extraction vs clean load", after, dump(t, d))
	rows = query(t, d, `MATCH (:Actor {id: 'RUS'})-[r:SUPPORT]->() RETURN r.events AS n`, nil)
	if len(rows) != 1 || rows[0]["n"] != int64(1) {
		t.Errorf("SUPPORT after re-extraction = %v", rows)
	}

	// Re-extraction that moves a person's affiliation: the old edge goes.
	as3 := as2
	as3.Affiliation = "RUS"
	doc2b := doc2
	doc2b.Actors = []schema.Actor{ru, as3, sy}
	load(t, testConfig(t), []schema.Doc{doc2b}, 10)
	after = dump(t, d)
	neo4jtest.Clean(context.Background(), d)
	load(t, testConfig(t), []schema.Doc{doc1b, doc2b}, 10)
	diff(t, "affiliation moved vs clean load", after, dump(t, d))
	rows = query(t, d, `MATCH (:Person {id: 'Bashar al-Assad'})-[:AFFILIATED_WITH]->(o) RETURN o.id AS org`, nil)
	if len(rows) != 1 || rows[0]["org"] != "RUS" {
		t.Errorf("AFFILIATED_WITH after the move = %v", rows)
	}
}

func TestImportTwiceIsIdentical(t *testing.T) {
	d := neo4jtest.Driver(t)
	docs := append(syntheticDocs(120, 40), hostileDoc())
	cfg := testConfig(t)
	first := load(t, cfg, docs, 7)
	once := dump(t, d)
	second := load(t, cfg, docs, 13)
	diff(t, "second import", dump(t, d), once)
	if second.NodesCreated != 0 || second.RelationshipsCreated != 0 || second.NodesDeleted != 0 || second.RelationshipsDeleted != 0 {
		t.Errorf("second import changed the graph: %+v", second)
	}
	if first.RelationshipsCreated == 0 || first.Events == 0 {
		t.Errorf("first import wrote nothing: %+v", first)
	}
	// Stats.Time says where the time went, by statement.
	for _, name := range []string{"actors", "articles", "commit articles", "loaded", "lock actors", "read reports",
		"new events", "new mentions", "relations", "new affiliations", "commit links"} {
		if first.Time[name] <= 0 {
			t.Errorf("Stats.Time[%q] = %v, want > 0 (have %v)", name, first.Time[name], first.Time)
		}
	}
	// The second import rewrites every article: only then are mentions
	// merged, stale mentions and the dyads of earlier reports looked for,
	// and affiliations recomputed instead of added to. Its events are
	// unchanged, so none is written.
	for _, name := range []string{"mentions", "stale mentions", "reported dyads", "affiliations"} {
		if first.Time[name] != 0 || second.Time[name] <= 0 {
			t.Errorf("%s: %v in the first import, %v in the second; want only in the second", name, first.Time[name], second.Time[name])
		}
	}
	for _, name := range []string{"events", "new events", "stale events", "relations", "new mentions", "new affiliations"} {
		if second.Time[name] != 0 {
			t.Errorf("the second import ran %q (%v): it created or added without looking", name, second.Time[name])
		}
	}
}

func TestResumeSkipsLoaded(t *testing.T) {
	neo4jtest.Driver(t)
	ctx := context.Background()
	docs := syntheticDocs(10, 10)
	load(t, testConfig(t), docs[:6], 3)
	w, err := graph.Open(ctx, testConfig(t))
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close(ctx)
	var src articles
	for _, d := range docs {
		src = append(src, schema.Article{ID: d.ID, Path: d.Path, Hash: d.Hash})
	}
	r := w.SkipLoaded(&src)
	var got []string
	for {
		a, err := r.Next(ctx)
		if err != nil {
			break
		}
		got = append(got, a.Path)
	}
	if len(got) != 4 || got[0] != docs[6].Path || r.Skipped() != 6 {
		t.Errorf("resume kept %v, skipped %d", got, r.Skipped())
	}
}

// articles is an ArticleSource over a slice.
type articles []schema.Article

func (s *articles) Next(context.Context) (schema.Article, error) {
	if len(*s) == 0 {
		return schema.Article{}, io.EOF
	}
	a := (*s)[0]
	*s = (*s)[1:]
	return a, nil
}

func TestWrongPassword(t *testing.T) {
	neo4jtest.Driver(t)
	cfg := testConfig(t)
	cfg.Password = "not-the-password-s3cret"
	_, err := graph.Open(context.Background(), cfg)
	if !errors.Is(err, graph.ErrUnauthorized) {
		t.Fatalf("err = %v, want ErrUnauthorized", err)
	}
	msg := err.Error()
	if strings.Contains(msg, "\n") || strings.Contains(msg, cfg.Password) || !strings.Contains(msg, cfg.URI) ||
		!strings.Contains(msg, "authentication failed") {
		t.Errorf("error is not one clear line naming the URI: %q", msg)
	}
	t.Log(msg)
}

func TestServerDown(t *testing.T) {
	cfg := graph.Config{URI: "bolt://127.0.0.1:1", Username: "neo4j", Password: "pw-s3cret"}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	_, err := graph.Open(ctx, cfg)
	if !errors.Is(err, graph.ErrUnavailable) {
		t.Fatalf("err = %v, want ErrUnavailable", err)
	}
	msg := err.Error()
	if strings.Contains(msg, "\n") || !strings.Contains(msg, "bolt://127.0.0.1:1") || strings.Contains(msg, "s3cret") {
		t.Errorf("error is not one clear line naming the URI: %q", msg)
	}
	t.Log(msg)
}

func TestBadURI(t *testing.T) {
	for _, uri := range []string{"http://127.0.0.1:7474", "bolt://user:s3cret@[::1"} {
		_, err := graph.Open(context.Background(), graph.Config{URI: uri})
		if err == nil || strings.Contains(err.Error(), "s3cret") || strings.Contains(err.Error(), "\n") {
			t.Errorf("Open(%q) = %v", uri, err)
		}
	}
}

// TestConcurrentWriters runs two loaders over the same articles at once
// (two import jobs over overlapping inputs): deadlocks are retried, and
// the graph is the one a single load gives — nothing created twice.
func TestConcurrentWriters(t *testing.T) {
	d := neo4jtest.Driver(t)
	docs := syntheticDocs(300, 30)
	// Both loaders go through the articles in the same order, so they
	// write the same articles at the same time.
	both := loadConcurrently(t, d, [][]schema.Doc{docs, docs}, 40)
	neo4jtest.Clean(context.Background(), d)
	load(t, testConfig(t), docs, 50)
	diff(t, "two concurrent loads vs one load", both, dump(t, d))
}

// loadConcurrently runs one loader per part at once, each writing its
// docs in slices of chunk docs and transactions of 4×chunk events, and
// returns the dump of the graph they made.
func loadConcurrently(t *testing.T, d neo4j.DriverWithContext, parts [][]schema.Doc, chunk int) []string {
	t.Helper()
	cfg := testConfig(t)
	cfg.RetryTime = 30 * time.Second
	cfg.BatchSize = chunk * 4
	errs := make(chan error, len(parts))
	for _, part := range parts {
		go func() {
			ctx := context.Background()
			w, err := graph.Open(ctx, cfg)
			if err != nil {
				errs <- err
				return
			}
			for i := 0; i < len(part); i += chunk {
				if err := w.WriteBatch(ctx, part[i:min(i+chunk, len(part))]); err != nil {
					w.Close(ctx)
					errs <- err
					return
				}
			}
			errs <- w.Close(ctx)
		}()
	}
	for range parts {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	return dump(t, d)
}
