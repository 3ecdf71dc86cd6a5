package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/geokg/geokg/nlp"
	"github.com/geokg/geokg/outdir"
	"github.com/geokg/geokg/pipeline"
	"github.com/geokg/geokg/schema"
)

// stoppingExtractor is wordExtractor that counts its articles and, after
// the stopAfter-th, cancels the job as Ctrl-C does.
type stoppingExtractor struct {
	n         *atomic.Int32
	stopAfter int32
	stop      context.CancelFunc
}

func (x stoppingExtractor) Extract(ctx context.Context, a schema.Article) (schema.Doc, error) {
	if x.n.Add(1) == x.stopAfter && x.stop != nil {
		x.stop()
	}
	return wordExtractor{}.Extract(ctx, a)
}

// tenArticles writes ten small distinct articles.
func tenArticles(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for i := range 10 {
		text := fmt.Sprintf("Russia backs Syria, day %d\n\nRussia backs Syria again on day %d, Putin said.\n", i, i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%02d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// Item 3 of issue 14: Ctrl-C during an import into a folder leaves a
// summary and a drawing of what was written, says to rerun with --resume,
// and --resume then finishes the job without extracting the written
// articles again, giving the folder a clean import gives.
func TestImportInterruptedFolderResumes(t *testing.T) {
	in := tenArticles(t)
	out := filepath.Join(t.TempDir(), "out")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var first atomic.Int32
	opts, f := testOptions(t, in)
	opts.Out, opts.Workers, opts.Quiet = out, 1, true
	f.Extractor = func(nlp.Config) (pipeline.Extractor, error) {
		return stoppingExtractor{n: &first, stopAfter: 4, stop: cancel}, nil
	}
	var stdout bytes.Buffer
	err := runImport(ctx, f.withIO(streams{In: strings.NewReader(""), Out: &stdout, Err: &bytes.Buffer{}}), opts)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want the job interrupted", err)
	}
	if !strings.Contains(stdout.String(), "run the same command with --resume") {
		t.Errorf("the summary does not say how to finish the job:\n%s", stdout.String())
	}
	for _, name := range []string{outdir.SummaryFile, outdir.ViewFile} {
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Errorf("interrupted job: %v", err)
		}
	}
	written := countLines(t, filepath.Join(out, outdir.DocsFile))
	if written == 0 || written == 10 {
		t.Fatalf("the interrupted job wrote %d of 10 articles; the test needs some but not all", written)
	}

	var second atomic.Int32
	opts, f = testOptions(t, in)
	opts.Out, opts.Workers, opts.Resume = out, 1, true
	f.Extractor = func(nlp.Config) (pipeline.Extractor, error) { return stoppingExtractor{n: &second}, nil }
	stdout.Reset()
	var stderr bytes.Buffer
	if err := runImport(context.Background(), f.withIO(streams{In: strings.NewReader(""), Out: &stdout, Err: &stderr}), opts); err != nil {
		t.Fatalf("--resume: %v\n%s", err, stderr.String())
	}
	if got, want := int(second.Load()), 10-written; got != want {
		t.Errorf("--resume extracted %d articles, want the %d not written before", got, want)
	}
	checkSkippedMatchesLog(t, stdout.String(), stderr.String(), written)

	clean := filepath.Join(t.TempDir(), "clean")
	opts, f = testOptions(t, in)
	opts.Out, opts.Workers, opts.Quiet = clean, 1, true
	if err := runImport(context.Background(), f.withIO(streams{In: strings.NewReader(""), Out: &bytes.Buffer{}, Err: &bytes.Buffer{}}), opts); err != nil {
		t.Fatal(err)
	}
	// docs.jsonl is the same file; the graph's rows are the same, grouped
	// in other batches.
	for _, name := range []string{outdir.DocsFile, outdir.GraphFile, "csv/events.csv", "csv/actors.csv", "csv/relations.csv"} {
		a, errA := os.ReadFile(filepath.Join(out, name))
		b, errB := os.ReadFile(filepath.Join(clean, name))
		if name != outdir.DocsFile {
			a, b = sortedLines(a), sortedLines(b)
		}
		if errA != nil || errB != nil || !bytes.Equal(a, b) {
			t.Errorf("%s after interrupt + --resume differs from a clean import (%v, %v)", name, errA, errB)
		}
	}
}

// checkSkippedMatchesLog checks item 16's last point: the summary's
// skipped count is the one the resume log line gives.
func checkSkippedMatchesLog(t *testing.T, stdout, stderr string, want int) {
	t.Helper()
	logged := regexp.MustCompile(`resume: skipped articles already in the graph articles=(\d+)`).FindStringSubmatch(stderr)
	summary := regexp.MustCompile(`(?m)^  skipped +(\d+)$`).FindStringSubmatch(stdout)
	if logged == nil || summary == nil || logged[1] != summary[1] || logged[1] != fmt.Sprint(want) {
		t.Errorf("resume log says %v, summary says %v, want both %d\n--- stdout\n%s--- stderr\n%s", logged, summary, want, stdout, stderr)
	}
}

func sortedLines(b []byte) []byte {
	lines := strings.Split(string(b), "\n")
	slices.Sort(lines)
	return []byte(strings.Join(lines, "\n"))
}

func countLines(t *testing.T, path string) int {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return bytes.Count(b, []byte("\n"))
}

// Item 4 of issue 14: a non-empty folder geokg did not make is refused,
// its files untouched, unless --force; geokg's own folder is rewritten.
func TestImportRefusesForeignFolder(t *testing.T) {
	in := tenArticles(t)
	out := t.TempDir()
	mine := filepath.Join(out, "README.txt")
	if err := os.WriteFile(mine, []byte("my notes\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	importInto := func(extra ...string) (int, string) {
		var errw bytes.Buffer
		args := append([]string{"geokg", "import", "-q", "--out", out}, extra...)
		code := run(context.Background(), append(args, in), strings.NewReader(""), &bytes.Buffer{}, &errw)
		return code, errw.String()
	}
	code, stderr := importInto()
	if code != exitFailed || !strings.Contains(stderr, "not made by geokg") || !strings.Contains(stderr, "--force") {
		t.Errorf("import into a foreign folder: exit %d, stderr:\n%s", code, stderr)
	}
	if b, _ := os.ReadFile(mine); string(b) != "my notes\n" {
		t.Errorf("the user's README.txt was overwritten: %q", b)
	}
	if code, stderr := importInto("--force"); code != exitOK {
		t.Errorf("--force: exit %d\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, outdir.MarkerFile)); err != nil {
		t.Errorf("--force: %v", err)
	}
	if code, stderr := importInto(); code != exitOK {
		t.Errorf("a second import into geokg's own folder: exit %d\n%s", code, stderr)
	}
}
