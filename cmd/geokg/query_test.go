package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/geokg/geokg/internal/neo4jtest"
	"github.com/geokg/geokg/nlp"
	"github.com/geokg/geokg/pipeline"
	"github.com/geokg/geokg/schema"
)

// tripleExtractor reads relations written as "SOURCE TYPE TARGET" lines
// (ids of actors, a PLOVER type), so that a test states its graph
// exactly. Every id is a country whose name is names[id], else the id.
type tripleExtractor struct{ names map[string]string }

func (x tripleExtractor) Extract(_ context.Context, a schema.Article) (schema.Doc, error) {
	d := schema.NewDoc(a)
	seen := map[string]bool{}
	addActor := func(id string, at int) {
		if seen[id] {
			return
		}
		seen[id] = true
		name := x.names[id]
		if name == "" {
			name = id
		}
		d.Actors = append(d.Actors, schema.Actor{ID: id, Name: name, Type: schema.Country, Aliases: []string{name},
			Mentions: []schema.Mention{{Text: id, Start: at, End: at + len(id)}}})
	}
	offset := 0
	for _, line := range strings.SplitAfter(a.Text, "\n") {
		f := strings.Fields(line)
		if len(f) == 3 {
			typ, err := schema.ParseEventType(f[1])
			if err != nil {
				return d, err
			}
			addActor(f[0], offset)
			addActor(f[2], offset+strings.Index(line, f[2]))
			d.Relations = append(d.Relations, schema.Relation{Source: f[0], Target: f[2], Type: typ,
				Quad: typ.Quad(), Score: typ.Score(), Evidence: strings.TrimSpace(line), Confidence: 0.9})
		}
		offset += len(line)
	}
	return d, nil
}

// queryGraph loads into the test Neo4j one article per group of triples
// and points the NEO4J_* variables at the server, for `geokg query`.
func queryGraph(t *testing.T, names map[string]string, articles ...string) {
	t.Helper()
	neo4jtest.Driver(t)
	target, _ := neo4jtest.TargetFromEnv()
	dir := t.TempDir()
	for i, text := range articles {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%02d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	opts, f := testOptions(t, dir)
	f.Extractor = func(nlp.Config) (pipeline.Extractor, error) { return tripleExtractor{names}, nil }
	importForQueries(t, target, opts, f)
}

// importForQueries runs the import of opts into the test Neo4j, one worker,
// and points the NEO4J_* variables at the server, for `geokg query`.
func importForQueries(t *testing.T, target neo4jtest.Target, opts *importOptions, f *factory) {
	t.Helper()
	opts.Quiet, opts.Workers = true, 1
	opts.Neo4j = neo4jOptions{URI: target.URI, Username: target.Username, Password: target.Password}
	var errw bytes.Buffer
	if err := runImport(context.Background(), f.withIO(streams{In: strings.NewReader(""), Out: &bytes.Buffer{}, Err: &errw}), opts); err != nil {
		t.Fatalf("load the query graph: %v\n%s", err, errw.String())
	}
	t.Setenv("NEO4J_URI", target.URI)
	t.Setenv("NEO4J_USERNAME", target.Username)
	t.Setenv("NEO4J_PASSWORD", target.Password)
}

// geokg runs the command line in-process.
func geokg(args ...string) (code int, stdout, stderr string) {
	var out, errw bytes.Buffer
	code = run(context.Background(), append([]string{"geokg"}, args...), strings.NewReader(""), &out, &errw)
	return code, out.String(), errw.String()
}

// jsonRows runs a query with --json and decodes its rows.
func jsonRows(t *testing.T, args ...string) []map[string]any {
	t.Helper()
	code, out, errw := geokg(append(args, "--json")...)
	if code != exitOK {
		t.Fatalf("geokg %s: exit %d\n%s", strings.Join(args, " "), code, errw)
	}
	var rows []map[string]any
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatalf("geokg %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return rows
}

// Items 12, 15 and 16 of issue 14: -n/--limit bounds every named query
// (path's default stays 5), lists in the output are sorted, an unknown name
// gets suggestions and exit 1, a write without --write says to add it.
func TestQueryLimitsSortingAndMessages(t *testing.T) {
	var path []string
	for i := range 7 {
		path = append(path, fmt.Sprintf("AAA SUPPORT M%d\nM%d SUPPORT BBB\n", i, i))
	}
	queryGraph(t, map[string]string{"RUS": "Russia", "SYR": "Syria", "AAA": "Aland", "BBB": "Bergen"},
		append([]string{
			// The Syria dyad, in an order that is not alphabetical.
			"RUS SUPPORT SYR\n", "RUS AID SYR\n", "RUS COOPERATE SYR\n", "RUS CONSULT SYR\n", "RUS ACCUSE SYR\n",
		}, path...)...)

	t.Run("dyad limit", func(t *testing.T) {
		for _, tt := range []struct {
			args []string
			want int
		}{
			{[]string{"query", "dyad", "-n", "3", "Russia", "Syria"}, 3},
			{[]string{"query", "dyad", "--limit", "2", "Russia", "Syria"}, 2},
			{[]string{"query", "dyad", "Russia", "Syria"}, 5},
			{[]string{"query", "dyad", "--by-month", "-n", "1", "Russia", "Syria"}, 1},
		} {
			if got := len(jsonRows(t, tt.args...)); got != tt.want {
				t.Errorf("geokg %s: %d rows, want %d", strings.Join(tt.args, " "), got, tt.want)
			}
		}
	})
	t.Run("path limit", func(t *testing.T) {
		chains := func(rows []map[string]any) int {
			seen := map[any]bool{}
			for _, r := range rows {
				seen[r["path"]] = true
			}
			return len(seen)
		}
		if got := chains(jsonRows(t, "query", "path", "-n", "20", "Aland", "Bergen")); got != 7 {
			t.Errorf("path -n 20: %d chains, want all 7", got)
		}
		if got := chains(jsonRows(t, "query", "path", "Aland", "Bergen")); got != 5 {
			t.Errorf("path: %d chains, want the default 5", got)
		}
		_, help, _ := geokg("query", "path", "--help")
		if !strings.Contains(help, "at most N chains (default: 5)") {
			t.Errorf("path --help does not give the default limit:\n%s", help)
		}
	})
	t.Run("sorted types", func(t *testing.T) {
		want := `["AID","CONSULT","COOPERATE","SUPPORT"]`
		for _, args := range [][]string{{"query", "allies", "Syria"}, {"query", "dyad", "--by-month", "Syria", "Russia"}} {
			rows := jsonRows(t, args...)
			for _, r := range rows {
				if r["quad"] == "verbal conflict" || r["quad"] == "material conflict" {
					continue
				}
				types, _ := json.Marshal(r["types"])
				if args[1] == "allies" && string(types) != want {
					t.Errorf("geokg %s: types %s, want %s", strings.Join(args, " "), types, want)
				}
				if !sortedJSON(r["types"]) {
					t.Errorf("geokg %s: types %s are not sorted", strings.Join(args, " "), types)
				}
			}
		}
	})
	t.Run("did you mean", func(t *testing.T) {
		code, _, errw := geokg("query", "allies", "Russa")
		if code != exitFailed || !strings.Contains(errw, "did you mean Russia?") || strings.Contains(errw, "--help") {
			t.Errorf("unknown name: exit %d, want 1 and a suggestion:\n%s", code, errw)
		}
	})
	t.Run("write needs --write", func(t *testing.T) {
		code, _, errw := geokg("query", "cypher", "CREATE (:Scratch)")
		if code != exitFailed || !strings.Contains(errw, "add --write") {
			t.Errorf("write without --write: exit %d:\n%s", code, errw)
		}
	})
}

func sortedJSON(v any) bool {
	l, _ := v.([]any)
	for i := 1; i < len(l); i++ {
		if fmt.Sprint(l[i-1]) > fmt.Sprint(l[i]) {
			return false
		}
	}
	return true
}

// Item 16 of issue 14: query commands do not list the loader's flags.
func TestQueryHelpListsNoImportFlags(t *testing.T) {
	for _, cmd := range []string{"dyad", "allies", "path", "top", "cypher"} {
		_, help, _ := geokg("query", cmd, "--help")
		for _, flag := range []string{"--neo4j-batch-size", "--neo4j-retry-time", "--include-unasserted", "output folder"} {
			if strings.Contains(help, flag) {
				t.Errorf("query %s --help lists %q", cmd, flag)
			}
		}
	}
	_, help, _ := geokg("import", "--help")
	if !strings.Contains(help, "--neo4j-batch-size") {
		t.Error("import --help lost --neo4j-batch-size")
	}
}

// Item 14 of issue 14: browser-style --serve gives a localhost URL, the
// one host Neo4j Browser fetches styles from by default.
func TestBrowserStyleServePrintsLocalhost(t *testing.T) {
	for _, addr := range []string{"localhost:0", "127.0.0.1:0"} {
		ctx, cancel := context.WithCancel(context.Background())
		pr, pw, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		done := make(chan int)
		go func() {
			done <- run(ctx, []string{"geokg", "browser-style", "--serve", "--addr", addr}, strings.NewReader(""), &bytes.Buffer{}, pw)
		}()
		line, err := bufio.NewReader(pr).ReadString('\n')
		cancel()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatal("browser-style --serve did not stop")
		}
		pw.Close()
		pr.Close()
		if err != nil || !strings.Contains(line, "http://localhost:") {
			t.Errorf("--addr %s: first line %q (%v), want an http://localhost: URL", addr, line, err)
		}
	}
}
