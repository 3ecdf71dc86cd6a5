package graphmodel_test

import (
	"bufio"
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/geokg/geokg/export"
	"github.com/geokg/geokg/export/admincsv"
	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graphdata"
	"github.com/geokg/geokg/internal/neo4jtest"
	"github.com/geokg/geokg/jsonl"
	"github.com/geokg/geokg/outdir"
	"github.com/geokg/geokg/schema"
)

// routeDocs are articles written for this test. Lavrov's role is stated
// by a dated article (b) and an undated one (c): the graph keeps the
// undated article's, as Cypher's ORDER BY sorts a missing date last. c2
// is c changed: another role, one relation replaced by another and an
// actor (Putin) no longer named.
func routeDocs() (a, b, c, c2 schema.Doc) {
	d := func(s string) schema.Date {
		x, err := schema.ParseDate(s)
		if err != nil {
			panic(err)
		}
		return x
	}
	mention := []schema.Mention{{Text: "x", Start: 0, End: 1}}
	rus := schema.Actor{ID: "RUS", Name: "Russia", Type: schema.Country, Aliases: []string{"Russia", "Moscow"}, Mentions: mention}
	usa := schema.Actor{ID: "USA", Name: "United States", Type: schema.Country, Aliases: []string{"Washington"}, Mentions: mention}
	lavrov := func(role string) schema.Actor {
		return schema.Actor{ID: "sergei lavrov", Name: "Sergei Lavrov", Type: schema.Person, Aliases: []string{"Lavrov"},
			Role: role, Affiliation: "RUS", Mentions: mention}
	}
	putin := schema.Actor{ID: "vladimir putin", Name: "Putin", Type: schema.Person, Role: "President", Affiliation: "RUS", Mentions: mention}
	rel := func(s, t string, typ schema.EventType, sentence int, date string, modes ...schema.Mode) schema.Relation {
		r := schema.Relation{Source: s, Target: t, Type: typ, Quad: typ.Quad(), Score: typ.Score(), Symmetric: typ.Symmetric(),
			Modes: modes, Sentence: sentence, Evidence: fmt.Sprintf("Sentence %d.", sentence), Cue: "cue", Confidence: 0.8}
		if date != "" {
			r.Date, r.DateSource, r.DatePrecision = d(date), schema.DateFromText, schema.DayPrecision
		}
		return r
	}
	a = schema.Doc{Path: "a.txt", ID: "art-a", Title: "A", Published: d("2016-01-10"), Hash: "h-a",
		Actors: []schema.Actor{rus, usa, lavrov("Foreign Minister")},
		Relations: []schema.Relation{rel("USA", "RUS", schema.Consult, 0, "2016-01-10"), rel("RUS", "USA", schema.Accuse, 1, "2016-01-09"),
			rel("RUS", "USA", schema.Threaten, 2, "2016-01-10", schema.Hypothetical)}}
	b = schema.Doc{Path: "b.txt", ID: "art-b", Title: "B", Published: d("2016-02-01"), Hash: "h-b",
		Actors:    []schema.Actor{rus, usa, lavrov("Minister")},
		Relations: []schema.Relation{rel("RUS", "USA", schema.Accuse, 0, "2016-02-01"), rel("RUS", "USA", schema.Consult, 1, "")}}
	c = schema.Doc{Path: "c.txt", ID: "art-c", Title: "C", Hash: "h-c",
		Actors: []schema.Actor{{ID: "RUS", Name: "Russian Federation", Type: schema.Country, Aliases: []string{"Kremlin"}, Mentions: mention},
			usa, lavrov("Envoy"), putin},
		Relations: []schema.Relation{rel("USA", "RUS", schema.Sanction, 0, ""), rel("vladimir putin", "USA", schema.Accuse, 1, "")}}
	c2 = c
	c2.Hash = "h-c2"
	c2.Actors = []schema.Actor{c.Actors[0], usa, lavrov("Ambassador")}
	c2.Relations = []schema.Relation{rel("USA", "RUS", schema.Coerce, 0, "2016-03-05")}
	return a, b, c, c2
}

// TestEveryRouteMakesOneGraph feeds the same docs through every route to
// a graph — the Neo4j writer, the output folder's graph.jsonl, its
// load.cypher, its csv/ imported by the real neo4j-admin, and each export
// format of a docs.jsonl — and compares canonical dumps of actors, typed
// edges, affiliations and events: one graph, whatever the route.
func TestEveryRouteMakesOneGraph(t *testing.T) {
	a, b, c, c2 := routeDocs()
	// One case, as each neo4j-admin import restarts the server: c2 keeps
	// Lavrov's role undated, so the role case holds in the final graph.
	tests := []struct {
		name string
		// batches are loaded in order; an article given again replaces
		// its earlier version.
		batches [][]schema.Doc
		// final is what the graph holds after them, what one import job
		// writes into an output folder.
		final []schema.Doc
		// scripts are the folders whose load.cypher runs, in order, over
		// one graph: a re-import runs a script again.
		scripts [][]schema.Doc
	}{{
		name:    "a dated and an undated role then a re-import and a changed article",
		batches: [][]schema.Doc{{a, b}, {c}, {a, b, c}, {c2}},
		final:   []schema.Doc{a, b, c2},
		scripts: [][]schema.Doc{{a, b, c}, {a, b, c}, {a, b, c2}},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			driver := neo4jtest.Driver(t)
			target, _ := neo4jtest.TargetFromEnv()
			gw, err := graph.Open(ctx, graph.Config{URI: target.URI, Username: target.Username, Password: target.Password})
			if err != nil {
				t.Fatal(err)
			}
			for _, batch := range tt.batches {
				if err := gw.WriteBatch(ctx, batch); err != nil {
					t.Fatal(err)
				}
			}
			if err := gw.Close(ctx); err != nil {
				t.Fatal(err)
			}
			want := neo4jDump(t, driver)
			// The routes could agree on a wrong graph: the writer's itself
			// must take the undated article's role (Cypher's order).
			role := `affiliation sergei lavrov->RUS role="Ambassador" role_article=art-c first=2016-01-10 last=2016-02-01 articles=3`
			if !slices.Contains(want, role) {
				t.Fatalf("the Neo4j writer's graph lacks %s:\n%s", role, strings.Join(want, "\n"))
			}
			compare := func(route string, got, want []string) {
				t.Helper()
				if !slices.Equal(got, want) {
					t.Errorf("%s makes another graph than the Neo4j writer:\n%s", route, neo4jtest.DiffLines(got, want))
				}
			}

			// The output folder of one import job.
			dir := writeFolder(t, filepath.Join(t.TempDir(), "out"), tt.final)
			compare("the output folder's graph.jsonl", graphJSONLDump(t, dir), want)

			// load.cypher, run over one graph as often as the case says.
			if err := neo4jtest.Clean(ctx, driver); err != nil {
				t.Fatal(err)
			}
			for i, docs := range tt.scripts {
				neo4jtest.RunScript(t, driver, filepath.Join(writeFolder(t, filepath.Join(t.TempDir(), fmt.Sprint("script", i)), docs), outdir.CypherFile))
			}
			compare("load.cypher", neo4jDump(t, driver), want)

			// The exports read a docs.jsonl holding every batch.
			docsFile := filepath.Join(t.TempDir(), "docs.jsonl")
			writeDocs(t, docsFile, slices.Concat(tt.batches...))
			src, err := outdir.Open(docsFile, func(err error) { t.Error(err) })
			if err != nil {
				t.Fatal(err)
			}
			var gml strings.Builder
			if _, err := export.WriteGraphML(ctx, &gml, src, graphdata.Filter{}); err != nil {
				t.Fatal(err)
			}
			compare("export --format graphml", graphMLDump(t, gml.String()), edgesOnly(want))
			var plover strings.Builder
			if _, err := export.WritePLOVER(ctx, &plover, src, graphdata.Filter{}, export.PLOVEROptions{KeepUndated: true}); err != nil {
				t.Fatal(err)
			}
			compare("export --format plover-json", ploverDump(t, plover.String()), only(want, "event "))
			var gdelt strings.Builder
			if _, err := export.WriteGDELT(ctx, &gdelt, src, graphdata.Filter{}, export.GDELTOptions{KeepUndated: true}); err != nil {
				t.Fatal(err)
			}
			compare("export --format gdelt-tsv", gdeltDump(t, gdelt.String()), only(want, "event "))

			// The admin CSVs, of the folder and of the export, imported by
			// the real neo4j-admin into the test server's database.
			neo4jtest.AdminImportIntoServer(t, dir, admincsv.ImportArgs(outdir.CSVDir, "neo4j")...)
			compare("the output folder's csv/ imported by neo4j-admin", neo4jDump(t, driver), want)
			csvDir := filepath.Join(t.TempDir(), "csv")
			if _, err := export.WriteAdminCSV(ctx, csvDir, src, graphdata.Filter{}); err != nil {
				t.Fatal(err)
			}
			neo4jtest.AdminImportIntoServer(t, filepath.Dir(csvDir), admincsv.ImportArgs(filepath.Base(csvDir), "neo4j")...)
			compare("export --format csv imported by neo4j-admin", neo4jDump(t, driver), want)
		})
	}
}

// writeFolder writes docs into an output folder, one batch per two
// docs, and returns it.
func writeFolder(t *testing.T, dir string, docs []schema.Doc) string {
	t.Helper()
	ctx := context.Background()
	w, err := outdir.Create(dir)
	if err != nil {
		t.Fatal(err)
	}
	for batch := range slices.Chunk(docs, 2) {
		if err := w.WriteBatch(ctx, batch); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(ctx); err != nil {
		t.Fatal(err)
	}
	return dir
}

// writeDocs writes docs as JSON lines, as `geokg extract` prints them.
func writeDocs(t *testing.T, path string, docs []schema.Doc) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := jsonl.NewWriter(f)
	if err := w.WriteBatch(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// The canonical dump: one sorted line per actor, typed edge,
// affiliation and event, with the properties every route must agree on.
func actorLine(id, name, typ string, aliases []string) string {
	return fmt.Sprintf("actor %s name=%q type=%s aliases=%q", id, name, typ, strings.Join(aliases, "|"))
}

func edgeLine(source, typ, target string, events, articles int64, first, last string) string {
	return fmt.Sprintf("edge %s-[%s]->%s events=%d articles=%d first=%s last=%s", source, typ, target, events, articles, first, last)
}

func affiliationLine(person, org, role, roleArticle, first, last string, articles int64) string {
	return fmt.Sprintf("affiliation %s->%s role=%q role_article=%s first=%s last=%s articles=%d", person, org, role, roleArticle, first, last, articles)
}

func eventLine(id, typ, source, target, article, date string) string {
	return fmt.Sprintf("event %s %s %s->%s article=%s date=%s", id, typ, source, target, article, date)
}

// neo4jDump reads the dump from the graph in Neo4j.
func neo4jDump(t *testing.T, driver neo4j.DriverWithContext) []string {
	t.Helper()
	var lines []string
	query := func(cypher string, line func(v []any) string) {
		// Without bookmarks: a neo4j-admin import starts the database's
		// transaction ids afresh.
		res, err := neo4j.ExecuteQuery(context.Background(), driver, cypher, nil, neo4j.EagerResultTransformer,
			neo4j.ExecuteQueryWithoutBookmarkManager())
		if err != nil {
			t.Fatalf("%v\n%s", err, cypher)
		}
		for _, r := range res.Records {
			lines = append(lines, line(r.Values))
		}
	}
	query(`MATCH (a:Actor) RETURN a.id, a.name, a.type, coalesce(a.aliases, [])`, func(v []any) string {
		return actorLine(str(v[0]), str(v[1]), str(v[2]), strs(v[3]))
	})
	query(`MATCH (s:Actor)-[r]->(t:Actor) WHERE type(r) <> 'AFFILIATED_WITH'
RETURN s.id, type(r), t.id, r.events, r.articles, r.first, r.last`, func(v []any) string {
		return edgeLine(str(v[0]), str(v[1]), str(v[2]), v[3].(int64), v[4].(int64), date(v[5]), date(v[6]))
	})
	query(`MATCH (p:Actor)-[r:AFFILIATED_WITH]->(o:Actor)
RETURN p.id, o.id, r.role, r.role_article, r.first, r.last, r.articles`, func(v []any) string {
		return affiliationLine(str(v[0]), str(v[1]), str(v[2]), str(v[3]), date(v[4]), date(v[5]), v[6].(int64))
	})
	query(`MATCH (s:Actor)-[:ACTOR]->(e:Event)-[:RECIPIENT]->(t:Actor), (e)-[:REPORTED_IN]->(a:Article)
RETURN e.id, e.type, s.id, t.id, a.id, e.date`, func(v []any) string {
		return eventLine(str(v[0]), str(v[1]), str(v[2]), str(v[3]), str(v[4]), date(v[5]))
	})
	slices.Sort(lines)
	return lines
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

func strs(v any) []string {
	var out []string
	for _, x := range v.([]any) {
		out = append(out, x.(string))
	}
	return out
}

func date(v any) string {
	switch d := v.(type) {
	case dbtype.Date:
		return d.Time().Format("2006-01-02")
	case nil:
		return ""
	}
	return fmt.Sprintf("%T(%v)", v, v)
}

// graphJSONLDump reads the dump from an output folder's graph.jsonl.
func graphJSONLDump(t *testing.T, dir string) []string {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, outdir.GraphFile))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var l struct {
			Kind string
			Row  struct {
				ID, Name, Type, Source, Target, Article, Date string
				Aliases                                       []string
				Person, Actor, Role, RoleArticle              string
				Events, Articles                              int64
				First, Last                                   string
			}
		}
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatal(err)
		}
		r := l.Row
		var ra struct {
			RoleArticle string `json:"role_article"`
		}
		var raw struct{ Row json.RawMessage }
		if err := json.Unmarshal(sc.Bytes(), &raw); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(raw.Row, &ra); err != nil {
			t.Fatal(err)
		}
		switch l.Kind {
		case "actor":
			lines = append(lines, actorLine(r.ID, r.Name, r.Type, r.Aliases))
		case "relation":
			lines = append(lines, edgeLine(r.Source, r.Type, r.Target, r.Events, r.Articles, r.First, r.Last))
		case "affiliation":
			lines = append(lines, affiliationLine(r.Person, r.Actor, r.Role, ra.RoleArticle, r.First, r.Last, r.Articles))
		case "event":
			lines = append(lines, eventLine(r.ID, r.Type, r.Source, r.Target, r.Article, r.Date))
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	slices.Sort(lines)
	return lines
}

// graphMLDump reads the actors and typed edges of a GraphML export.
func graphMLDump(t *testing.T, doc string) []string {
	t.Helper()
	type data struct {
		Key   string `xml:"key,attr"`
		Value string `xml:",chardata"`
	}
	var g struct {
		Nodes []struct {
			ID   string `xml:"id,attr"`
			Data []data `xml:"data"`
		} `xml:"graph>node"`
		Edges []struct {
			Source string `xml:"source,attr"`
			Target string `xml:"target,attr"`
			Data   []data `xml:"data"`
		} `xml:"graph>edge"`
	}
	if err := xml.Unmarshal([]byte(doc), &g); err != nil {
		t.Fatal(err)
	}
	get := func(ds []data, key string) string {
		for _, d := range ds {
			if d.Key == key {
				return d.Value
			}
		}
		return ""
	}
	var lines []string
	for _, n := range g.Nodes {
		var aliases []string
		if s := get(n.Data, "aliases"); s != "" {
			aliases = strings.Split(s, " | ")
		}
		lines = append(lines, actorLine(n.ID, get(n.Data, "label"), get(n.Data, "type"), aliases))
	}
	for _, e := range g.Edges {
		var events, articles int64
		fmt.Sscan(get(e.Data, "events"), &events)
		fmt.Sscan(get(e.Data, "earticles"), &articles)
		lines = append(lines, edgeLine(e.Source, get(e.Data, "etype"), e.Target, events, articles, get(e.Data, "first"), get(e.Data, "last")))
	}
	slices.Sort(lines)
	return lines
}

// ploverDump reads the events of a PLOVER export.
func ploverDump(t *testing.T, doc string) []string {
	t.Helper()
	var lines []string
	for l := range strings.Lines(doc) {
		var e export.PLOVEREvent
		if err := json.Unmarshal([]byte(l), &e); err != nil {
			t.Fatal(err)
		}
		date := ""
		if e.Date != nil {
			date = *e.Date
		}
		lines = append(lines, eventLine(e.ID, e.Event[0], e.Source[0].IdentifierID, e.Recipient[0].IdentifierID, e.CiteInfo.Citation, date))
	}
	slices.Sort(lines)
	return lines
}

// gdeltDump reads the events of a GDELT-like export.
func gdeltDump(t *testing.T, doc string) []string {
	t.Helper()
	var rows [][]string
	for l := range strings.Lines(doc) {
		rows = append(rows, strings.Split(strings.TrimSuffix(l, "\n"), "\t"))
	}
	col := map[string]int{}
	for i, name := range rows[0] {
		col[name] = i
	}
	var lines []string
	for _, r := range rows[1:] {
		date := ""
		if d := r[col["SQLDATE"]]; d != "" {
			date = d[:4] + "-" + d[4:6] + "-" + d[6:]
		}
		lines = append(lines, eventLine(r[col["GLOBALEVENTID"]], r[col["EventCode"]], r[col["Actor1Code"]], r[col["Actor2Code"]], r[col["ArticleID"]], date))
	}
	slices.Sort(lines)
	return lines
}

// edgesOnly keeps the typed edges and the actors at their ends, which is
// what GraphML holds.
func edgesOnly(dump []string) []string {
	ends := map[string]bool{}
	for _, l := range only(dump, "edge ") {
		s, rest, _ := strings.Cut(strings.TrimPrefix(l, "edge "), "-[")
		_, rest, _ = strings.Cut(rest, "]->")
		tgt, _, _ := strings.Cut(rest, " events=")
		ends[s], ends[tgt] = true, true
	}
	var out []string
	for _, l := range dump {
		if strings.HasPrefix(l, "edge ") {
			out = append(out, l)
		} else if id, ok := strings.CutPrefix(l, "actor "); ok {
			id, _, _ = strings.Cut(id, " name=")
			if ends[id] {
				out = append(out, l)
			}
		}
	}
	return out
}

// only keeps the lines with the prefix.
func only(dump []string, prefix string) []string {
	var out []string
	for _, l := range dump {
		if strings.HasPrefix(l, prefix) {
			out = append(out, l)
		}
	}
	return out
}
