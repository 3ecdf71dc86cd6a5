package export_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/geokg/geokg/export"
	"github.com/geokg/geokg/export/admincsv"
	"github.com/geokg/geokg/graphdata"
	"github.com/geokg/geokg/internal/fixture"
	"github.com/geokg/geokg/outdir"
	"github.com/geokg/geokg/schema"
)

func fixtureSource(t *testing.T) graphdata.Source {
	t.Helper()
	src, err := outdir.Open(fixture.WriteDocs(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	return src
}

// graphml is the subset of GraphML read back.
type graphml struct {
	Keys []struct {
		ID   string `xml:"id,attr"`
		For  string `xml:"for,attr"`
		Name string `xml:"attr.name,attr"`
		Type string `xml:"attr.type,attr"`
	} `xml:"key"`
	Graph struct {
		EdgeDefault string `xml:"edgedefault,attr"`
		Nodes       []struct {
			ID   string        `xml:"id,attr"`
			Data []graphmlData `xml:"data"`
		} `xml:"node"`
		Edges []struct {
			ID     string        `xml:"id,attr"`
			Source string        `xml:"source,attr"`
			Target string        `xml:"target,attr"`
			Data   []graphmlData `xml:"data"`
		} `xml:"edge"`
	} `xml:"graph"`
}

type graphmlData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

func dataMap(ds []graphmlData) map[string]string {
	m := map[string]string{}
	for _, d := range ds {
		m[d.Key] = d.Value
	}
	return m
}

func TestGraphMLRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	st, err := export.WriteGraphML(context.Background(), &buf, fixtureSource(t), graphdata.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	var g graphml
	if err := xml.Unmarshal(buf.Bytes(), &g); err != nil {
		t.Fatalf("GraphML does not parse: %v", err)
	}
	if g.Graph.EdgeDefault != "directed" {
		t.Errorf("edgedefault = %q", g.Graph.EdgeDefault)
	}
	keys := map[string]string{}
	for _, k := range g.Keys {
		keys[k.ID] = k.For
	}
	nodes := map[string]map[string]string{}
	for _, n := range g.Graph.Nodes {
		nodes[n.ID] = dataMap(n.Data)
		for _, d := range n.Data {
			if keys[d.Key] != "node" {
				t.Errorf("node %s uses undeclared node key %q", n.ID, d.Key)
			}
		}
	}
	if len(nodes) != st.Actors || len(nodes) != 10 {
		t.Errorf("%d nodes, stats say %d, want 10", len(nodes), st.Actors)
	}
	if rus := nodes["RUS"]; rus["label"] != "Russia" || rus["type"] != "COUNTRY" || rus["country"] != "RUS" {
		t.Errorf("RUS node = %v", rus)
	}
	if p := nodes["Vladimir Putin"]; p["country"] != "RUS" || p["role"] != "President" {
		t.Errorf("Putin node = %v", p)
	}
	if q := nodes[`O'Neil "Bob" {x}`]; q["label"] != `O'Neil "Bob" {x}` {
		t.Errorf("actor with quotes and braces did not round-trip: %v", q)
	}
	type edge struct{ s, t, typ string }
	edges := map[edge]map[string]string{}
	for _, e := range g.Graph.Edges {
		if nodes[e.Source] == nil || nodes[e.Target] == nil {
			t.Errorf("edge %s has an end that is not a node: %s → %s", e.ID, e.Source, e.Target)
		}
		d := dataMap(e.Data)
		edges[edge{e.Source, e.Target, d["etype"]}] = d
	}
	if len(edges) != st.Relations || st.Events != 15 {
		t.Errorf("%d edges (stats %d), %d events; want 15 events", len(edges), st.Relations, st.Events)
	}
	sup := edges[edge{"RUS", "Bashar al-Assad", "SUPPORT"}]
	if sup["weight"] != "2" || sup["first"] != "2015-09-30" || sup["last"] != "2016-12-20" || sup["quad"] != "verbal cooperation" {
		t.Errorf("RUS SUPPORT Assad edge = %v", sup)
	}
	if _, ok := edges[edge{"TUR", "Bashar al-Assad", "REJECT"}]; ok {
		t.Errorf("the negated REJECT became an edge")
	}
	// Symmetric types are stored once, smaller id first, like the graph.
	if _, ok := edges[edge{"Recep Tayyip Erdogan", "Vladimir Putin", "CONSULT"}]; !ok {
		t.Errorf("symmetric CONSULT not normalized: %v", edges)
	}
}

// ploverFields are the top-level fields of the PLOVER specification's
// "JSON Data Fields" table; geokg adds only geokg_* fields.
var ploverFields = []string{"id", "has_event", "date", "time", "enddate", "endtime", "source", "recipient", "event",
	"event_loc", "event_text", "quad_code", "event_scale", "mode", "context", "link", "text", "text_info", "cite_info",
	"coder", "coded_date", "coded_time", "comment"}

var ploverActorFields = []string{"code", "sector", "actor_text", "identifier_id", "identifier_text", "actor_loc",
	"religion", "ethnicity", "office", "gender", "age"}

func TestPLOVERValidates(t *testing.T) {
	var buf bytes.Buffer
	st, err := export.WritePLOVER(context.Background(), &buf, fixtureSource(t), graphdata.Filter{}, export.PLOVEROptions{})
	if err != nil {
		t.Fatal(err)
	}
	date := regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	sc := bufio.NewScanner(&buf)
	n := 0
	ids := map[string]bool{}
	var refs []any
	for sc.Scan() {
		n++
		var rec map[string]any
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatalf("line %d: %v", n, err)
		}
		if r, ok := rec["geokg_references"].([]any); ok {
			refs = append(refs, r...)
		}
		if rec["geokg_date_source"] != "article" || rec["geokg_date_precision"] != "day" {
			t.Errorf("line %d: geokg_date_source %v, geokg_date_precision %v, want the fixture's article, day", n, rec["geokg_date_source"], rec["geokg_date_precision"])
		}
		for k := range rec {
			if !slices.Contains(ploverFields, k) && !strings.HasPrefix(k, "geokg_") {
				t.Errorf("line %d: field %q is neither PLOVER's nor geokg_*", n, k)
			}
		}
		id, _ := rec["id"].(string)
		if id == "" || ids[id] {
			t.Errorf("line %d: id %q missing or not unique", n, id)
		}
		ids[id] = true
		if d, _ := rec["date"].(string); !date.MatchString(d) {
			t.Errorf("line %d: date %v is not YYYY-MM-DD", n, rec["date"])
		}
		for _, side := range []string{"source", "recipient"} {
			list, ok := rec[side].([]any)
			if !ok || len(list) == 0 {
				t.Errorf("line %d: %s is not a non-empty list of actors", n, side)
				continue
			}
			for _, a := range list {
				obj, _ := a.(map[string]any)
				if obj["identifier_id"] == nil {
					t.Errorf("line %d: %s actor without identifier_id", n, side)
				}
				for k := range obj {
					if !slices.Contains(ploverActorFields, k) && !strings.HasPrefix(k, "geokg_") {
						t.Errorf("line %d: actor field %q is neither PLOVER's nor geokg_*", n, k)
					}
				}
			}
		}
		events, _ := rec["event"].([]any)
		if len(events) != 1 {
			t.Fatalf("line %d: event = %v", n, rec["event"])
		}
		typ, err := schema.ParseEventType(events[0].(string))
		if err != nil {
			t.Errorf("line %d: %v", n, err)
		}
		quads := map[schema.Quad]float64{schema.VerbalCooperation: 1, schema.MaterialCooperation: 2, schema.VerbalConflict: 3, schema.MaterialConflict: 4}
		if rec["quad_code"] != quads[typ.Quad()] {
			t.Errorf("line %d: quad_code %v for %s", n, rec["quad_code"], typ)
		}
		if rec["event_scale"] != typ.Score() {
			t.Errorf("line %d: event_scale %v for %s, want %v", n, rec["event_scale"], typ, typ.Score())
		}
		cite, _ := rec["cite_info"].(map[string]any)
		if u, _ := cite["url"].(string); !strings.HasPrefix(u, "https://news.example/") {
			t.Errorf("line %d: cite_info.url = %v", n, cite["url"])
		}
	}
	if n != 15 || st.Events != 15 || st.Skipped != 0 {
		t.Errorf("%d records (stats %+v), want the 15 asserted events", n, st)
	}
	// The one relation found through a description keeps it.
	if !slices.Equal(refs, []any{"The two governments"}) {
		t.Errorf("geokg_references = %v, want [The two governments]", refs)
	}
}

func TestPLOVERUndated(t *testing.T) {
	dir := fixture.WriteDocs(t)
	path := filepath.Join(dir, "docs.jsonl")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// Make the first article undated.
	b = bytes.Replace(b, []byte(`"published":"2015-09-30"`), []byte(`"published":null`), 1)
	b = bytes.ReplaceAll(b, []byte(`"date":"2015-09-30"`), []byte(`"date":null`))
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	src, err := outdir.Open(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	st, err := export.WritePLOVER(context.Background(), &buf, src, graphdata.Filter{}, export.PLOVEROptions{})
	if err != nil {
		t.Fatal(err)
	}
	if st.Events != 11 || st.Skipped != 4 || st.SkipReason == "" {
		t.Errorf("stats = %+v, want 11 written and the 4 undated skipped with a reason", st)
	}
	buf.Reset()
	st, err = export.WritePLOVER(context.Background(), &buf, src, graphdata.Filter{}, export.PLOVEROptions{KeepUndated: true})
	if err != nil {
		t.Fatal(err)
	}
	if st.Events != 15 || strings.Count(buf.String(), `"date":null`) != 4 {
		t.Errorf("keep undated: stats %+v", st)
	}
}

func TestGDELTShape(t *testing.T) {
	var buf bytes.Buffer
	st, err := export.WriteGDELT(context.Background(), &buf, fixtureSource(t), graphdata.Filter{AllModes: true}, export.GDELTOptions{})
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if lines[0] != strings.Join(export.GDELTColumns, "\t") {
		t.Errorf("header = %q", lines[0])
	}
	if len(lines)-1 != st.Events || st.Events != 16 {
		t.Errorf("%d rows, stats %d, want all 16 events with --all-modes", len(lines)-1, st.Events)
	}
	col := map[string]int{}
	for i, c := range export.GDELTColumns {
		col[c] = i
	}
	var negated int
	var refs []string
	for i, l := range lines[1:] {
		f := strings.Split(l, "\t")
		if len(f) != len(export.GDELTColumns) {
			t.Fatalf("row %d has %d fields, want %d", i+1, len(f), len(export.GDELTColumns))
		}
		if !regexp.MustCompile(`^\d{8}$`).MatchString(f[col["SQLDATE"]]) {
			t.Errorf("row %d: SQLDATE %q", i+1, f[col["SQLDATE"]])
		}
		if f[col["Modes"]] == "negated" {
			negated++
		}
		if f[col["DateSource"]] != "article" || f[col["DatePrecision"]] != "day" {
			t.Errorf("row %d: DateSource %q, DatePrecision %q, want the fixture's article, day", i+1, f[col["DateSource"]], f[col["DatePrecision"]])
		}
		if r := f[col["References"]]; r != "" {
			refs = append(refs, f[col["EventCode"]]+": "+r)
		}
		if f[col["Actor1Code"]] == "Vladimir Putin" && f[col["Actor1CountryCode"]] != "RUS" {
			t.Errorf("row %d: Putin's country code %q, want RUS", i+1, f[col["Actor1CountryCode"]])
		}
		if !strings.HasPrefix(f[col["SOURCEURL"]], "https://news.example/") {
			t.Errorf("row %d: SOURCEURL %q", i+1, f[col["SOURCEURL"]])
		}
	}
	if negated != 1 {
		t.Errorf("%d negated rows, want 1", negated)
	}
	if !slices.Equal(refs, []string{"AGREE: The two governments"}) {
		t.Errorf("References = %q, want the AGREE event's", refs)
	}
}

// adminHeader is the grammar of a neo4j-admin import header field:
// name[:type] or :ID/:START_ID/:END_ID with an ID space, :LABEL, :TYPE.
var adminHeader = regexp.MustCompile(`^(?:[A-Za-z_][A-Za-z0-9_]*(?::(?:ID\([A-Za-z]+\)|string|int|long|float|double|boolean|byte|short|char|date|localtime|time|localdatetime|datetime|duration|point(?:\{crs:WGS-84\})?)(?:\[\])?)?|:(?:START_ID|END_ID)\([A-Za-z]+\)|:LABEL|:TYPE)$`)

func TestAdminCSVShape(t *testing.T) {
	dir := t.TempDir()
	st, err := export.WriteAdminCSV(context.Background(), dir, fixtureSource(t), graphdata.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]map[string]bool{} // ID space → ids
	rows := map[string][][]string{}
	for _, f := range admincsv.Files {
		fh, err := os.Open(filepath.Join(dir, f.Name))
		if err != nil {
			t.Fatal(err)
		}
		r := csv.NewReader(fh)
		all, err := r.ReadAll()
		fh.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		if !slices.Equal(all[0], f.Header) {
			t.Errorf("%s header = %q", f.Name, all[0])
		}
		for _, h := range all[0] {
			if !adminHeader.MatchString(h) {
				t.Errorf("%s: header field %q is not neo4j-admin syntax", f.Name, h)
			}
		}
		// Files are self-describing: the command line only lists them.
		special := ":TYPE"
		if f.Nodes() {
			special = ":LABEL"
		}
		if !slices.Contains(all[0], special) {
			t.Errorf("%s: no %s column", f.Name, special)
		}
		rows[f.Name] = all[1:]
		if !f.Nodes() {
			continue
		}
		space := regexp.MustCompile(`:ID\(([A-Za-z]+)\)`).FindStringSubmatch(all[0][0])[1]
		if ids[space] == nil {
			ids[space] = map[string]bool{}
		}
		for _, row := range all[1:] {
			if ids[space][row[0]] {
				t.Errorf("%s: duplicate id %q", f.Name, row[0])
			}
			ids[space][row[0]] = true
		}
	}
	for _, f := range admincsv.Files {
		if f.Nodes() {
			continue
		}
		spaceOf := func(h string) string { return regexp.MustCompile(`\(([A-Za-z]+)\)`).FindStringSubmatch(h)[1] }
		start, end := spaceOf(f.Header[0]), spaceOf(f.Header[1])
		for _, row := range rows[f.Name] {
			if !ids[start][row[0]] || !ids[end][row[1]] {
				t.Errorf("%s: %q → %q names a node that is not in the node files", f.Name, row[0], row[1])
			}
		}
	}
	if len(ids["Event"]) != 15 || st.Events != 15 || len(ids["Actor"]) != 10 || len(rows["relations.csv"]) != st.Relations {
		t.Errorf("ids %d events, %d actors; stats %+v", len(ids["Event"]), len(ids["Actor"]), st)
	}
	// Labels and arrays use the unit separator.
	for _, row := range rows["actors.csv"] {
		if row[0] == "RUS" {
			if row[5] != "Actor"+admincsv.ArrayDelimiter+"Country" {
				t.Errorf("RUS labels = %q", row[5])
			}
			if got := strings.Split(row[3], admincsv.ArrayDelimiter); !slices.Equal(got, []string{"Moscow", "Russia", "the Kremlin"}) {
				t.Errorf("RUS aliases = %q", got)
			}
		}
	}
	refCol, sourceCol, precisionCol := -1, -1, -1
	for _, f := range admincsv.Files {
		if f.Name == "events.csv" {
			refCol = slices.Index(f.Header, "references:string[]")
			sourceCol, precisionCol = slices.Index(f.Header, "date_source"), slices.Index(f.Header, "date_precision")
		}
	}
	var refs []string
	for _, row := range rows["events.csv"] {
		if sourceCol < 0 || precisionCol < 0 || row[sourceCol] != "article" || row[precisionCol] != "day" {
			t.Errorf("events.csv %s: no date_source article, date_precision day", row[0])
			break
		}
		if refCol >= 0 && row[refCol] != "" {
			refs = append(refs, row[1]+": "+row[refCol])
		}
	}
	if !slices.Equal(refs, []string{"AGREE: The two governments"}) {
		t.Errorf("events.csv references = %q, want the AGREE event's", refs)
	}
	var affs []string
	for _, row := range rows["affiliated_with.csv"] {
		affs = append(affs, row[0]+"→"+row[1]+" "+row[4]+".."+row[5])
	}
	want := []string{"Bashar al-Assad→SYR 2015-09-30..2016-12-20", "Recep Tayyip Erdogan→TUR 2015-11-24..2016-08-09",
		"Vladimir Putin→RUS 2015-09-30..2016-08-09"}
	if !slices.Equal(affs, want) {
		t.Errorf("affiliations = %q, want %q", affs, want)
	}
	if _, err := os.Stat(filepath.Join(dir, admincsv.ScriptFile)); err != nil {
		t.Error(err)
	}
}

// TestAdminCSVMatchesOutputFolder exports the output folder `geokg import`
// writes and checks that the export holds the folder's csv/ file for file:
// the same names, the same header lines, the same import.sh.
func TestAdminCSVMatchesOutputFolder(t *testing.T) {
	ctx := context.Background()
	folder := t.TempDir()
	w, err := outdir.Create(folder)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.WriteBatch(ctx, fixture.Docs()); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(ctx); err != nil {
		t.Fatal(err)
	}
	src, err := outdir.Open(folder, nil)
	if err != nil {
		t.Fatal(err)
	}
	exported := t.TempDir()
	if _, err := export.WriteAdminCSV(ctx, exported, src, graphdata.Filter{}); err != nil {
		t.Fatal(err)
	}
	imported := filepath.Join(folder, outdir.CSVDir)

	want := []string{admincsv.ScriptFile}
	for _, f := range admincsv.Files {
		want = append(want, f.Name)
	}
	slices.Sort(want)
	for _, dir := range []string{imported, exported} {
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range entries {
			got = append(got, e.Name())
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s holds %q, want %q", dir, got, want)
		}
	}
	for _, name := range want {
		a, err := os.ReadFile(filepath.Join(imported, name))
		if err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(exported, name))
		if err != nil {
			t.Fatal(err)
		}
		if name == admincsv.ScriptFile {
			if !bytes.Equal(a, b) {
				t.Errorf("the two import.sh differ:\n%s\n---\n%s", a, b)
			}
			continue
		}
		headA, restA, _ := bytes.Cut(a, []byte("\n"))
		headB, restB, _ := bytes.Cut(b, []byte("\n"))
		if !bytes.Equal(headA, headB) {
			t.Errorf("%s: header %q in csv/, %q exported", name, headA, headB)
		}
		rowsA, rowsB := strings.Split(string(restA), "\n"), strings.Split(string(restB), "\n")
		slices.Sort(rowsA)
		slices.Sort(rowsB)
		if !slices.Equal(rowsA, rowsB) {
			t.Errorf("%s: rows differ:\ncsv/:\n%s\nexported:\n%s", name, strings.Join(rowsA, "\n"), strings.Join(rowsB, "\n"))
		}
	}
}
