package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/geokg/geokg/graphmodel"
	"github.com/geokg/geokg/internal/neo4jtest"
)

// docsLines are extraction results written for these tests: two articles
// and, between them, a line that is not a doc.
const docsLines = `{"path":"a.txt","id":"https://n.example/a","title":"Moscow backs Damascus","published":"2016-01-02","hash":"h-a","actors":[{"id":"RUS","name":"Russia","type":"COUNTRY","aliases":["Moscow"],"mentions":[{"text":"Moscow","start":0,"end":6}]},{"id":"SYR","name":"Syria","type":"COUNTRY","aliases":["Damascus"],"mentions":[{"text":"Damascus","start":13,"end":21}]}],"relations":[{"source":"RUS","target":"SYR","type":"SUPPORT","quad":"verbal cooperation","score":3.5,"sentence":0,"evidence":"Moscow backs Damascus","cue_start":7,"cue_end":12,"date":"2016-01-02","confidence":0.9}]}
{"path":"broken.txt", "actors": [
{"path":"b.txt","id":"https://n.example/b","title":"Russia and Syria talk","published":null,"hash":"h-b","actors":[{"id":"RUS","name":"Russia","type":"COUNTRY","aliases":["Russia"],"mentions":[]},{"id":"SYR","name":"Syria","type":"COUNTRY","aliases":["Syria"],"mentions":[]}],"relations":[{"source":"SYR","target":"RUS","type":"CONSULT","quad":"verbal cooperation","score":1,"sentence":0,"evidence":"Russia and Syria talk","cue_start":0,"cue_end":0,"date":null,"confidence":0.8}]}
`

// runCLI runs geokg with args and returns the exit code and both streams.
func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errw bytes.Buffer
	code := run(context.Background(), append([]string{"geokg"}, args...), strings.NewReader(""), &out, &errw)
	return code, out.String(), errw.String()
}

func neo4jArgs(password string) []string {
	target, _ := neo4jtest.TargetFromEnv()
	if password == "" {
		password = target.Password
	}
	return []string{"--neo4j-uri", target.URI, "--neo4j-username", target.Username, "--neo4j-password", password}
}

func TestLoadCommand(t *testing.T) {
	neo4jtest.Driver(t)
	dir := t.TempDir() // an output folder: its docs.jsonl is read
	if err := os.WriteFile(filepath.Join(dir, "docs.jsonl"), []byte(docsLines), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runCLI(t, append([]string{"load", "--quiet"}, append(neo4jArgs(""), dir)...)...)
	if code != exitFailed {
		t.Errorf("exit code %d, want %d for the bad line", code, exitFailed)
	}
	if !strings.Contains(errs, filepath.Join(dir, "docs.jsonl")+":2: ") || strings.Count(errs, "docs.jsonl:") != 1 {
		t.Errorf("stderr does not name the bad line once:\n%s", errs)
	}
	for _, want := range []string{"2 read, 2 loaded, 0 skipped (already loaded), 1 bad lines", "2 events", "written to  bolt://"} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}

	code, out, _ = runCLI(t, append([]string{"load", "--quiet", "--resume"}, append(neo4jArgs(""), filepath.Join(dir, "docs.jsonl"))...)...)
	if code != exitFailed || !strings.Contains(out, "2 read, 0 loaded, 2 skipped") {
		t.Errorf("resume: exit %d, summary:\n%s", code, out)
	}
}

func TestLoadErrorsAreOneLine(t *testing.T) {
	neo4jtest.Driver(t)
	docs := filepath.Join(t.TempDir(), "docs.jsonl")
	if err := os.WriteFile(docs, []byte(docsLines), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"wrong password", append(neo4jArgs("wrong-password-s3cret"), docs), "authentication failed"},
		{"server down", []string{"--neo4j-uri", "bolt://127.0.0.1:1", "--neo4j-password", "s3cret", docs}, "bolt://127.0.0.1:1: connect: server not reachable"},
		{"missing file", append(neo4jArgs(""), docs+".missing"), "read " + docs + ".missing: no such file or directory"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errs := runCLI(t, append([]string{"load"}, tc.args...)...)
			if code != exitFailed {
				t.Errorf("exit code %d, want %d", code, exitFailed)
			}
			lines := strings.Split(strings.TrimSpace(errs), "\n")
			var errLines []string
			for _, l := range lines {
				if strings.HasPrefix(l, "geokg: ") {
					errLines = append(errLines, l)
				}
			}
			if len(errLines) != 1 || !strings.Contains(errLines[0], tc.want) || strings.Contains(errs, "s3cret") {
				t.Errorf("stderr:\n%s\nwant one line containing %q and no password", errs, tc.want)
			}
		})
	}
}

func TestSchemaCommands(t *testing.T) {
	code, out, _ := runCLI(t, "schema", "show")
	if code != exitOK {
		t.Fatalf("schema show: exit %d", code)
	}
	golden(t, "schema_show.golden", out)

	neo4jtest.Driver(t)
	for range 2 { // idempotent
		code, out, errs := runCLI(t, append([]string{"schema", "apply"}, neo4jArgs("")...)...)
		if code != exitOK || !strings.HasPrefix(out, "graph schema version "+strconv.Itoa(graphmodel.SchemaVersion)+" applied to bolt://") {
			t.Errorf("schema apply: exit %d\n%s%s", code, out, errs)
		}
	}
	t.Setenv("NEO4J_URI", "")
	if code, _, errs := runCLI(t, "schema", "apply"); code != exitUsage || !strings.Contains(errs, "NEO4J_URI") {
		t.Errorf("schema apply without a URI: exit %d\n%s", code, errs)
	}
}
