package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/creack/pty"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/geokg/geokg/internal/neo4jtest"
	"github.com/geokg/geokg/nlp"
	"github.com/geokg/geokg/pipeline"
	"github.com/geokg/geokg/schema"
)

// wordExtractor stands in for the NLP stage with fixed rules, so the
// tests do not change when the extractor improves: "Russia" and "Syria"
// are countries, "Putin" a person, and "backs" a SUPPORT relation from
// the first actor to the second.
type wordExtractor struct{}

func (wordExtractor) Extract(_ context.Context, a schema.Article) (schema.Doc, error) {
	d := schema.NewDoc(a)
	for _, w := range []struct {
		word, id string
		typ      schema.ActorType
	}{{"Russia", "RUS", schema.Country}, {"Syria", "SYR", schema.Country}, {"Putin", "vladimir putin", schema.Person}} {
		if i := strings.Index(a.Text, w.word); i >= 0 {
			d.Actors = append(d.Actors, schema.Actor{ID: w.id, Name: w.word, Type: w.typ, Aliases: []string{w.word},
				Mentions: []schema.Mention{{Text: w.word, Start: i, End: i + len(w.word)}}})
		}
	}
	if strings.Contains(a.Text, "backs") && len(d.Actors) >= 2 {
		t := schema.Support
		d.Relations = append(d.Relations, schema.Relation{Source: d.Actors[0].ID, Target: d.Actors[1].ID, Type: t,
			Quad: t.Quad(), Score: t.Score(), Evidence: a.Text, Confidence: 0.9})
	}
	if strings.Contains(a.Text, "PANIC") {
		panic("extractor bug")
	}
	return d, nil
}

// corpus writes a folder of good and bad inputs, texts written for these
// tests.
func corpus(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"2016-01-01-backing.txt": "Russia backs Syria\n\nRussia backs Syria again, Putin said.\n",
		"news.jsonl": `{"title":"One","text":"Putin visited Syria.","url":"https://n.example/1"}` + "\n" +
			`{"title":"Two","text": broken` + "\n" +
			`{"title":"Three","text":"Russia backs Syria in talks.","url":"https://n.example/3"}` + "\n" +
			`{"title":"One again","text":"Putin visited Syria.","url":"https://n.example/1"}` + "\n",
		"empty.md":  "",
		"table.csv": "title,body\nQuiet day,Nothing happened.\nshort\n",
		"bad.html":  "<html><body><nav>Home</nav></body></html>",
		"panic.txt": "PANIC in the extractor\n",
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// fixedClock advances one second per call.
func fixedClock() func() time.Time {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	return func() time.Time { now = now.Add(250 * time.Millisecond); return now }
}

// testOptions are the options of a test import of paths, and its factory:
// a fixed clock, no terminal, the word extractor. What the factory opens is
// closed when the test ends.
func testOptions(t testing.TB, paths ...string) (*importOptions, *factory) {
	f := newFactory(streams{})
	f.Now = fixedClock()
	f.IsTerminal = func(any) bool { return false }
	f.Extractor = func(nlp.Config) (pipeline.Extractor, error) { return wordExtractor{}, nil }
	t.Cleanup(func() { f.close(context.Background()) })
	return &importOptions{Paths: paths, Workers: 2, LogFormat: "text", Input: inputOptions{MaxArticleSize: "2MiB"}}, f
}

// withIO sets the factory's streams.
func (f *factory) withIO(io streams) *factory {
	f.IO = io
	return f
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (go test -update rewrites it):\n--- got\n%s--- want\n%s", path, got, want)
	}
}

func TestImportSummary(t *testing.T) {
	dir := corpus(t)
	opts, f := testOptions(t, dir)
	opts.Out = filepath.Join(t.TempDir(), "out")
	opts.ErrorsFile = filepath.Join(t.TempDir(), "errors.jsonl")
	opts.Quiet = true
	var out, errw bytes.Buffer
	err := runImport(context.Background(), f.withIO(streams{In: strings.NewReader(""), Out: &out, Err: &errw}), opts)
	var jf jobFailedError
	if !errors.As(err, &jf) || jf.failed != 3 {
		t.Errorf("err = %v, want 3 failed", err)
	}
	clean := func(s string) string {
		s = strings.ReplaceAll(s, dir, "$IN")
		s = strings.ReplaceAll(s, opts.Out, "$OUT")
		return strings.ReplaceAll(s, opts.ErrorsFile, "$ERRORS")
	}
	golden(t, "import_summary.golden", clean(out.String()))
	golden(t, "import_stderr.golden", clean(errw.String()))

	// The errors file lists every problem, for a rerun.
	data, err := os.ReadFile(opts.ErrorsFile)
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "import_errors.golden", clean(string(data)))
	paths, err := readFilesFrom(opts.ErrorsFile, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := clean(strings.Join(paths, " ")); got != "$IN/news.jsonl $IN/panic.txt $IN/table.csv" {
		t.Errorf("--files-from takes %s, want the failed files once each", got)
	}
	for _, name := range []string{"docs.jsonl", "graph.jsonl", "load.cypher", "schema.cypher", "csv/actors.csv", "summary.json", "README.txt"} {
		if _, err := os.Stat(filepath.Join(opts.Out, name)); err != nil {
			t.Errorf("output folder: %v", err)
		}
	}
}

func TestImportExitCodes(t *testing.T) {
	dir := corpus(t)
	good := filepath.Join(dir, "2016-01-01-backing.txt")
	tests := []struct {
		name string
		args []string
		code int
		err  string // in standard error
	}{
		{"all read", []string{"--dry-run", good}, exitOK, ""},
		{"some failed", []string{"--dry-run", dir}, exitFailed, "articles failed; see the messages above"},
		{"fail-fast", []string{"--dry-run", "--fail-fast", filepath.Join(dir, "news.jsonl")}, exitFailed, "stopped at the first failed input"},
		{"no inputs", []string{}, exitUsage, "name at least one file"},
		{"bad log format", []string{"--log-format", "xml", good}, exitUsage, "--log-format \"xml\""},
		{"bad input format", []string{"--input-format", "pdf", good}, exitUsage, "--input-format \"pdf\""},
		{"bad size", []string{"--max-article-size", "big", good}, exitUsage, "--max-article-size"},
		{"bad glob", []string{"--include", "[a-", dir}, exitUsage, "glob \"[a-\" is malformed"},
		{"unknown flag", []string{"--frobnicate", good}, exitUsage, "flag provided but not defined"},
		{"resume with dry-run", []string{"--resume", "--dry-run", good}, exitUsage, "--resume and --dry-run exclude each other"},
		{"missing errors folder", []string{"--errors", filepath.Join(dir, "no", "such", "e.jsonl"), good}, exitFailed, "--errors"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errw bytes.Buffer
			args := append([]string{"geokg", "import", "-q", "--out", filepath.Join(t.TempDir(), "o")}, tt.args...)
			code := run(context.Background(), args, strings.NewReader(""), &out, &errw)
			if code != tt.code {
				t.Errorf("exit code %d, want %d\n%s", code, tt.code, errw.String())
			}
			if !strings.Contains(errw.String(), tt.err) {
				t.Errorf("stderr lacks %q:\n%s", tt.err, errw.String())
			}
		})
	}
}

func TestImportDryRunWritesNothing(t *testing.T) {
	opts, f := testOptions(t, corpus(t))
	opts.DryRun, opts.Quiet = true, true
	opts.Out = filepath.Join(t.TempDir(), "out")
	var out bytes.Buffer
	runImport(context.Background(), f.withIO(streams{In: strings.NewReader(""), Out: &out, Err: io.Discard}), opts)
	if _, err := os.Stat(opts.Out); !os.IsNotExist(err) {
		t.Errorf("--dry-run created %s", opts.Out)
	}
	if !strings.Contains(out.String(), "nothing written (--dry-run)") {
		t.Errorf("summary:\n%s", out.String())
	}
}

func TestImportLimit(t *testing.T) {
	opts, f := testOptions(t, corpus(t))
	opts.DryRun, opts.Quiet, opts.Limit = true, true, 2
	var out bytes.Buffer
	runImport(context.Background(), f.withIO(streams{In: strings.NewReader(""), Out: &out, Err: io.Discard}), opts)
	if !strings.HasPrefix(out.String(), "articles read             2\n") {
		t.Errorf("summary:\n%s", out.String())
	}
}

func TestImportStdin(t *testing.T) {
	opts, f := testOptions(t, "-")
	opts.DryRun, opts.Quiet = true, true
	var out bytes.Buffer
	in := strings.NewReader(`{"text":"Russia backs Syria."}` + "\n" + `{"text":"Putin spoke."}` + "\n")
	if err := runImport(context.Background(), f.withIO(streams{In: in, Out: &out, Err: io.Discard}), opts); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out.String(), "articles read             2\n") {
		t.Errorf("summary:\n%s", out.String())
	}
}

func TestImportLogFormatJSON(t *testing.T) {
	opts, f := testOptions(t, corpus(t))
	opts.DryRun, opts.LogFormat = true, "json"
	f.ProgressInterval = time.Millisecond
	var errw bytes.Buffer
	runImport(context.Background(), f.withIO(streams{In: strings.NewReader(""), Out: io.Discard, Err: &errw}), opts)
	sc := bufio.NewScanner(&errw)
	var msgs []string
	for sc.Scan() {
		var rec map[string]any
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatalf("not a JSON line: %q", sc.Text())
		}
		msgs = append(msgs, fmt.Sprint(rec["level"], " ", rec["kind"]))
		if rec["msg"] == "import finished" {
			s, _ := rec["summary"].(map[string]any)
			if s["failed"] != float64(3) {
				t.Errorf("finished line: %v", rec)
			}
		}
	}
	joined := strings.Join(msgs, ",")
	for _, want := range []string{"ERROR failed", "WARN skipped", "INFO <nil>"} {
		if !strings.Contains(joined, want) {
			t.Errorf("log levels and kinds %s lack %q", joined, want)
		}
	}
}

func TestProgressLogLinesWhenPiped(t *testing.T) {
	opts, f := testOptions(t, corpus(t))
	opts.DryRun = true
	f.ProgressInterval = time.Millisecond
	f.Extractor = func(nlp.Config) (pipeline.Extractor, error) { return slowExtractor{}, nil }
	var errw bytes.Buffer
	runImport(context.Background(), f.withIO(streams{In: strings.NewReader(""), Out: io.Discard, Err: &errw}), opts)
	s := errw.String()
	if strings.ContainsAny(s, "\r\x1b") {
		t.Errorf("piped stderr has terminal control characters:\n%q", s)
	}
	if !strings.Contains(s, "geokg: progress articles=") || !strings.Contains(s, "rate=") {
		t.Errorf("no progress log lines:\n%s", s)
	}
}

// slowExtractor takes a while per article, so progress shows.
type slowExtractor struct{ wordExtractor }

func (x slowExtractor) Extract(ctx context.Context, a schema.Article) (schema.Doc, error) {
	time.Sleep(20 * time.Millisecond)
	return x.wordExtractor.Extract(ctx, a)
}

// TestProgressBarInATerminal runs geokg with standard error on a
// pseudo-terminal and standard output on a pipe: the bar is drawn on the
// terminal, and the summary on the pipe has none of it.
func TestProgressBarInATerminal(t *testing.T) {
	dir := t.TempDir()
	var lines strings.Builder
	for i := range 400 {
		fmt.Fprintf(&lines, `{"text":"Report %d: Russia backs Syria, Putin said on day %d of the talks."}`+"\n", i, i)
	}
	input := filepath.Join(dir, "many.jsonl")
	if err := os.WriteFile(input, []byte(lines.String()+"{broken\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Fatalf("no pseudo-terminal: %v", err)
	}
	defer ptmx.Close()
	pty.Setsize(ptmx, &pty.Winsize{Rows: 24, Cols: 100})
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "import", "-j", "1", "--dry-run", input)
	cmd.Env = append(os.Environ(), runMainEnv+"=1")
	var stdout bytes.Buffer
	cmd.Stdout, cmd.Stderr, cmd.Stdin = &stdout, tty, nil
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	tty.Close()
	screen, _ := io.ReadAll(ptmx) // ends with EIO when the child exits
	if err := cmd.Wait(); err == nil || cmd.ProcessState.ExitCode() != exitFailed {
		t.Errorf("exit: %v, want code 1 for the broken line", err)
	}
	s := string(screen)
	if !strings.Contains(s, "\r") || !strings.Contains(s, "articles · ") || !strings.Contains(s, "/s") {
		t.Errorf("no progress bar on the terminal:\n%q", s)
	}
	if !strings.Contains(s, "[") || !strings.Contains(s, "%") {
		t.Errorf("the bar shows no percentage of the input:\n%q", s)
	}
	if !strings.Contains(s, "geokg: error: "+input+":401: syntax error") {
		t.Errorf("the error line is not printed above the bar:\n%q", s)
	}
	if out := stdout.String(); strings.ContainsAny(out, "\r\x1b") || !strings.Contains(out, "articles read           400") {
		t.Errorf("stdout has bar output or no summary:\n%q", out)
	}
}

// TestImportIntoNeo4j runs the job into the real test server, then again
// with --resume, which finds every article loaded.
func TestImportIntoNeo4j(t *testing.T) {
	driver := neo4jtest.Driver(t)
	target, _ := neo4jtest.TargetFromEnv()
	dir := corpus(t)
	for _, resume := range []bool{false, true} {
		opts, f := testOptions(t, dir)
		opts.Quiet, opts.Resume = true, resume
		opts.Neo4j = neo4jOptions{URI: target.URI, Username: target.Username, Password: target.Password}
		var out bytes.Buffer
		err := runImport(context.Background(), f.withIO(streams{In: strings.NewReader(""), Out: &out, Err: io.Discard}), opts)
		var jf jobFailedError
		if !errors.As(err, &jf) {
			t.Fatalf("resume=%v: err = %v, want the corpus's failures only", resume, err)
		}
		wantRead := "articles read             5\n"
		if resume {
			// The 4 loaded are read and skipped; the article whose
			// extraction panics is never loaded.
			wantRead = "articles read             5\n  written                 0\n  skipped                 7\n    already there         4\n"
		}
		if !strings.HasPrefix(out.String(), wantRead) || !strings.Contains(out.String(), "output           bolt://") {
			t.Errorf("resume=%v: summary:\n%s", resume, out.String())
		}
	}
	res, err := neo4j.ExecuteQuery(context.Background(), driver,
		`MATCH (a:Article) WITH count(a) AS articles MATCH (:Actor)-[r:SUPPORT]->(:Actor) RETURN articles, r.events`, nil, neo4j.EagerResultTransformer)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Records) != 1 || fmt.Sprint(res.Records[0].Values) != "[4 2]" {
		t.Errorf("graph: %v, want 4 articles and one SUPPORT edge of 2 events", res.Records)
	}
}
