package outdir_test

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/geokg/geokg/export/admincsv"
	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/internal/fixture"
	"github.com/geokg/geokg/internal/neo4jtest"
	"github.com/geokg/geokg/outdir"
	"github.com/geokg/geokg/schema"
)

// nasty is text that would break out of a badly quoted literal or CSV
// field; it reaches the graph as written.
const nasty = "He said \"no\" \\ 'twice'`; MATCH (n) DETACH DELETE n // }]\nnew line\ttab ; é 😀 \u2028 end"

func date(s string) schema.Date {
	d, err := schema.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// fixtureDocs are three articles written for this test: shared actors
// across batches, a symmetric relation given both ways, a person with a
// role and an affiliation in two articles, an unasserted relation, an
// undated article, relations found through references, events dated by
// their sentence (to the day or month) or by their article, and text full
// of quoting hazards.
func fixtureDocs() []schema.Doc {
	putin := schema.Actor{ID: "vladimir putin", Name: "Vladimir Putin", Type: schema.Person, Aliases: []string{"Putin"},
		Affiliation: "RUS", Role: "President", Mentions: []schema.Mention{{Text: "Putin", Start: 0, End: 5}}}
	rus := schema.Actor{ID: "RUS", Name: "Russia", Type: schema.Country, Aliases: []string{"Russia", "Moscow"}, Mentions: []schema.Mention{{Text: "Russia", Start: 10, End: 16}, {Text: "Moscow", Start: 20, End: 26}}}
	tur := schema.Actor{ID: "TUR", Name: "Turkey", Type: schema.Country, Aliases: []string{"Turkey", "Ankara"}, Mentions: []schema.Mention{{Text: "Ankara", Start: 30, End: 36}}}
	syr := schema.Actor{ID: "SYR", Name: "Syria", Type: schema.Country, Aliases: []string{"Syria"}, Mentions: []schema.Mention{{Text: "Syria", Start: 40, End: 45}}}
	isil := schema.Actor{ID: "ISIL", Name: "Islamic State", Type: schema.Group, Aliases: []string{nasty}, Mentions: []schema.Mention{{Text: "IS", Start: 50, End: 52}}}
	rel := func(s, t string, typ schema.EventType, sentence int, d string, modes ...schema.Mode) schema.Relation {
		r := schema.Relation{Source: s, Target: t, Type: typ, Quad: typ.Quad(), Score: typ.Score(), Symmetric: typ.Symmetric(),
			Modes: modes, Sentence: sentence, Evidence: "Evidence " + nasty, Cue: "met", CueStart: 1, CueEnd: 4, Confidence: 0.75}
		if d != "" {
			r.Date, r.DateSource, r.DatePrecision = date(d), schema.DateFromArticle, schema.DayPrecision
		}
		return r
	}
	fromText := func(r schema.Relation, precision string) schema.Relation {
		r.DateSource, r.DatePrecision = schema.DateFromText, precision
		return r
	}
	withRefs := func(r schema.Relation, refs ...string) schema.Relation {
		r.References = refs
		return r
	}
	return []schema.Doc{
		{Path: "a.txt", ID: "https://news.example/a", URL: "https://news.example/a", Title: "Putin meets Erdogan " + nasty, Published: date("2016-08-09"),
			Source: "Example Wire", Hash: "h-a", Actors: []schema.Actor{putin, rus, tur},
			Relations: []schema.Relation{withRefs(rel("RUS", "TUR", schema.Consult, 0, "2016-08-09"), "the two leaders"), fromText(rel("TUR", "RUS", schema.Consult, 1, "2016-08-01"), schema.MonthPrecision)}},
		{Path: "b.txt", ID: "sha256:b", Title: "", Hash: "h-b",
			Actors: []schema.Actor{{ID: "RUS", Name: "Russian Federation", Type: schema.Country, Aliases: []string{"Kremlin"}, Mentions: []schema.Mention{{Text: "Kremlin", Start: 0, End: 7}}}, syr, isil, putin},
			Relations: []schema.Relation{rel("RUS", "SYR", schema.Support, 0, ""), fromText(rel("RUS", "ISIL", schema.Assault, 1, "2015-09-30"), schema.DayPrecision),
				rel("RUS", "SYR", schema.Aid, 2, "", schema.Hypothetical)}},
		{Path: "c.jsonl#1", ID: "https://news.example/c", URL: "https://news.example/c", Title: "Strikes", Published: date("2015-10-01"), Hash: "h-c",
			Actors:    []schema.Actor{rus, isil, {ID: "vladimir putin", Name: "Putin", Type: schema.Person, Aliases: []string{"Mr Putin"}, Affiliation: "RUS", Role: "Commander", Mentions: []schema.Mention{{Text: "Putin", Start: 0, End: 5}}}},
			Relations: []schema.Relation{rel("RUS", "ISIL", schema.Assault, 0, "2015-10-01"), withRefs(rel("RUS", "ISIL", schema.Coerce, 3, ""), "it", nasty)}},
	}
}

// TestSinksMakeTheSameGraph loads the fixture three ways — the Neo4j
// writer, load.cypher run as cypher-shell runs it, and the neo4j-admin
// CSVs read as the importer reads them — and compares the graphs.
func TestSinksMakeTheSameGraph(t *testing.T) {
	ctx := context.Background()
	driver := neo4jtest.Driver(t)
	dir := t.TempDir()
	w, err := outdir.Create(dir)
	if err != nil {
		t.Fatal(err)
	}
	// The happening articles: events of several reports, with a place.
	docs := append(fixtureDocs(), fixture.Happening()...)
	for _, batch := range [][]schema.Doc{docs[:2], docs[2:]} {
		if err := w.WriteBatch(ctx, batch); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(ctx); err != nil {
		t.Fatal(err)
	}

	target, _ := neo4jtest.TargetFromEnv()
	gw, err := graph.Open(ctx, graph.Config{URI: target.URI, Username: target.Username, Password: target.Password, BatchSize: 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		if err := gw.WriteBatch(ctx, []schema.Doc{d}); err != nil {
			t.Fatal(err)
		}
	}
	if err := gw.Close(ctx); err != nil {
		t.Fatal(err)
	}
	want := dumpGraph(t, driver)
	// The sinks could agree by all dropping a property: the writer's
	// graph itself must keep what the relations were found through.
	for _, refs := range []string{`references:["the two leaders"]`, `references:["it" ` + strconv.Quote(nasty) + `]`,
		`date_precision:"month"`, `date_source:"text"`, `date_source:"article"`} {
		if !slices.ContainsFunc(want, func(l string) bool { return strings.Contains(l, refs) }) {
			t.Errorf("no event with %s in the Neo4j writer's graph", refs)
		}
	}

	if err := neo4jtest.Clean(ctx, driver); err != nil {
		t.Fatal(err)
	}
	neo4jtest.RunScript(t, driver, filepath.Join(dir, outdir.CypherFile))
	if got := dumpGraph(t, driver); !slices.Equal(got, want) {
		t.Errorf("load.cypher made another graph than the Neo4j writer:\n%s", neo4jtest.DiffLines(got, want))
	}
	// Running the script again changes nothing: every statement merges.
	neo4jtest.RunScript(t, driver, filepath.Join(dir, outdir.CypherFile))
	if got := dumpGraph(t, driver); !slices.Equal(got, want) {
		t.Errorf("load.cypher run twice:\n%s", neo4jtest.DiffLines(got, want))
	}

	// neo4j-admin reads an empty field as no property; the other sinks
	// store an empty title as "".
	var wantImported []string
	for _, l := range want {
		wantImported = append(wantImported, strings.ReplaceAll(l, ` title:""`, ""))
	}
	if got := csvGraph(t, filepath.Join(dir, outdir.CSVDir)); !slices.Equal(got, wantImported) {
		t.Errorf("the CSVs hold another graph than the Neo4j writer made:\n%s", neo4jtest.DiffLines(got, wantImported))
	}
}

// dumpGraph lists every node and relationship with its properties, one
// sorted line each. Empty lists count as absent, as in a CSV import.
func dumpGraph(t *testing.T, driver neo4j.DriverWithContext) []string {
	t.Helper()
	ctx := context.Background()
	var lines []string
	res, err := neo4j.ExecuteQuery(ctx, driver, `MATCH (n) RETURN labels(n) AS l, properties(n) AS p`, nil, neo4j.EagerResultTransformer)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res.Records {
		labels := toStrings(r.Values[0].([]any))
		slices.Sort(labels)
		lines = append(lines, fmt.Sprintf("node %v %s", labels, canon(r.Values[1])))
	}
	res, err = neo4j.ExecuteQuery(ctx, driver, `MATCH (a)-[r]->(b) RETURN coalesce(a.id, a.name), type(r), coalesce(b.id, b.name), properties(r)`, nil, neo4j.EagerResultTransformer)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res.Records {
		lines = append(lines, fmt.Sprintf("rel %v-[%v]->%v %s", r.Values[0], r.Values[1], r.Values[2], canon(r.Values[3])))
	}
	slices.Sort(lines)
	return lines
}

func toStrings(l []any) []string {
	out := make([]string, len(l))
	for i, v := range l {
		out[i] = fmt.Sprint(v)
	}
	return out
}

// canon prints a property value the same way whatever its origin.
func canon(v any) string {
	switch v := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k, x := range v {
			if l, ok := x.([]any); ok && len(l) == 0 {
				continue
			}
			keys = append(keys, k)
		}
		slices.Sort(keys)
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = k + ":" + canon(v[k])
		}
		return "{" + strings.Join(parts, " ") + "}"
	case []any:
		parts := make([]string, len(v))
		for i, x := range v {
			parts[i] = canon(x)
		}
		return "[" + strings.Join(parts, " ") + "]"
	case dbtype.Date:
		return "date(" + v.Time().Format("2006-01-02") + ")"
	case time.Time:
		return "date(" + v.Format("2006-01-02") + ")"
	case string:
		return strconv.Quote(v)
	case float64:
		return "float(" + strconv.FormatFloat(v, 'g', -1, 64) + ")"
	case int64:
		return "int(" + strconv.FormatInt(v, 10) + ")"
	}
	return fmt.Sprintf("%T(%v)", v, v)
}

// csvGraph reads csv/ as neo4j-admin database import does with
// --array-delimiter=U+001F: typed columns, empty fields absent.
func csvGraph(t *testing.T, dir string) []string {
	t.Helper()
	ids := map[string]string{} // "Space:id" → display id
	var lines []string
	read := func(name string) ([]string, [][]string) {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		rows, err := csv.NewReader(f).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return rows[0], rows[1:]
	}
	props := func(header, row []string) (map[string]any, map[string]string) {
		p := map[string]any{}
		special := map[string]string{}
		for i, h := range header {
			name, typ, _ := strings.Cut(h, ":")
			if name == "" || strings.HasPrefix(typ, "ID(") {
				special[h] = row[i]
				if name == "" {
					continue
				}
			}
			if row[i] == "" {
				continue
			}
			if strings.HasPrefix(typ, "ID(") {
				typ = "string"
			}
			p[name] = typed(t, typ, row[i])
		}
		return p, special
	}
	for _, f := range admincsv.Files {
		if !f.Nodes() {
			continue
		}
		header, rows := read(f.Name)
		for _, row := range rows {
			p, special := props(header, row)
			labels := strings.Split(special[":LABEL"], "\x1f")
			slices.Sort(labels)
			lines = append(lines, fmt.Sprintf("node %v %s", labels, canon(p)))
			for k, v := range special {
				if strings.Contains(k, ":ID(") {
					ids[v] = v
				}
			}
		}
	}
	for _, f := range admincsv.Files {
		if f.Nodes() {
			continue
		}
		header, rows := read(f.Name)
		for _, row := range rows {
			p, special := props(header, row)
			var start, end, typ string
			for k, v := range special {
				switch {
				case strings.HasPrefix(k, ":START_ID"):
					start = v
				case strings.HasPrefix(k, ":END_ID"):
					end = v
				case k == ":TYPE":
					typ = v
				}
			}
			if ids[start] == "" || ids[end] == "" {
				t.Errorf("%s: relationship %s-[%s]->%s to a node no CSV holds", f.Name, start, typ, end)
			}
			lines = append(lines, fmt.Sprintf("rel %v-[%v]->%v %s", start, typ, end, canon(p)))
		}
	}
	slices.Sort(lines)
	return lines
}

func typed(t *testing.T, typ, s string) any {
	switch typ {
	case "", "string":
		return s
	case "string[]":
		var l []any
		for _, x := range strings.Split(s, "\x1f") {
			l = append(l, x)
		}
		return l
	case "long[]":
		var l []any
		for _, x := range strings.Split(s, "\x1f") {
			l = append(l, typed(t, "long", x))
		}
		return l
	case "point{crs:WGS-84}":
		var lat, lon float64
		if _, err := fmt.Sscanf(s, "{latitude:%g,longitude:%g}", &lat, &lon); err != nil {
			t.Fatalf("point %q: %v", s, err)
		}
		return neo4j.Point2D{X: lon, Y: lat, SpatialRefId: 4326}
	case "long":
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			t.Fatal(err)
		}
		return n
	case "double":
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatal(err)
		}
		return f
	case "boolean":
		return s == "true"
	case "date":
		d, err := time.Parse("2006-01-02", s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	t.Fatalf("CSV type %q", typ)
	return nil
}

// TestCSVImportsWithNeo4jAdmin runs the real `neo4j-admin database import
// full` (from the test server's jars) on csv/ with the command line of
// the folder's README, and checks the counts it reports against
// graph.jsonl.
func TestCSVImportsWithNeo4jAdmin(t *testing.T) {
	dir := t.TempDir()
	w, err := outdir.Create(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.WriteBatch(context.Background(), fixtureDocs()); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	f, err := os.Open(filepath.Join(dir, outdir.GraphFile))
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	reports := 0
	for sc.Scan() {
		var line struct {
			Kind string
			Row  struct{ Reports []json.RawMessage }
		}
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			t.Fatal(err)
		}
		kinds[line.Kind]++
		if line.Kind == "event" {
			reports += len(line.Row.Reports)
		}
	}
	f.Close()

	res := neo4jtest.AdminImport(t, dir, admincsv.ImportArgs(outdir.CSVDir, "neo4j")...)
	// Nodes: graph.jsonl's and the schema node.
	wantNodes := kinds["actor"] + kinds["article"] + kinds["event"] + 1
	// An event has an ACTOR, a RECIPIENT and a REPORTED_IN per report.
	wantRels := 2*kinds["event"] + reports + kinds["mention"] + kinds["relation"] + kinds["affiliation"]
	if res.Nodes != wantNodes || res.Relationships != wantRels {
		t.Errorf("neo4j-admin imported %d nodes and %d relationships, want %d and %d (graph.jsonl: %v)\n%s",
			res.Nodes, res.Relationships, wantNodes, wantRels, kinds, res.Output)
	}
}
