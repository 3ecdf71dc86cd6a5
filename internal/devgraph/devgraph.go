// Package devgraph extracts the dev articles (../shared/eval/dev beside
// the repository, read in place) with the real extractor, once per test
// binary, for tests that need the dev graph.
package devgraph

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/internal/neo4jtest"
	"github.com/geokg/geokg/jsonl"
	"github.com/geokg/geokg/nlp"
	"github.com/geokg/geokg/outdir"
	"github.com/geokg/geokg/pipeline"
	"github.com/geokg/geokg/schema"
	"github.com/geokg/geokg/source"
)

// Dir returns the dev articles' folder, failing the test when it is
// missing.
func Dir(t testing.TB) string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	dir := filepath.Join(filepath.Dir(file), "..", "..", "..", "shared", "eval", "dev")
	if _, err := os.Stat(dir); err != nil {
		t.Fatalf("dev articles: %v (they live in ../shared/eval/dev beside the repository)", err)
	}
	return dir
}

var (
	once    sync.Once
	folder  string
	summary pipeline.Summary
	failure error
)

// Folder extracts the dev articles into an output folder (docs.jsonl) and
// returns it. The folder is shared by the tests of one binary and removed
// when the process exits only if the OS cleans its temp dir: tests must not
// write into it.
func Folder(t testing.TB) string {
	t.Helper()
	dev := Dir(t)
	once.Do(func() {
		// Only the articles: the folder also holds their gold annotations.
		texts, err := filepath.Glob(filepath.Join(dev, "*.txt"))
		if err != nil || len(texts) == 0 {
			failure = fmt.Errorf("no *.txt articles in %s", dev)
			return
		}
		folder, summary, failure = extract(texts)
	})
	if failure != nil {
		t.Fatalf("extract the dev articles: %v", failure)
	}
	return folder
}

var corpus struct {
	once   sync.Once
	folder string
	err    error
}

// Corpus extracts the dev and dev-b articles (../shared/eval, read in
// place) and the repository's example articles into one output folder,
// the largest graph the tests have (50+ articles, 100+ actors), and
// returns it; shared like Folder.
func Corpus(t testing.TB) string {
	t.Helper()
	dev := Dir(t)
	corpus.once.Do(func() {
		var files []string
		for _, pattern := range []string{
			filepath.Join(dev, "*.txt"),
			filepath.Join(dev, "..", "dev-b", "*.txt"),
			filepath.Join(repoRoot(), "examples", "articles", "*.md"),
		} {
			m, err := filepath.Glob(pattern)
			if err != nil || len(m) == 0 {
				corpus.err = fmt.Errorf("no articles match %s", pattern)
				return
			}
			files = append(files, m...)
		}
		corpus.folder, _, corpus.err = extract(files)
	})
	if corpus.err != nil {
		t.Fatalf("extract dev, dev-b and the examples: %v", corpus.err)
	}
	return corpus.folder
}

// repoRoot is the repository's folder.
func repoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// extract runs the real extraction job over the files into a new output
// folder.
func extract(files []string) (string, pipeline.Summary, error) {
	dir, err := os.MkdirTemp("", "geokg-devgraph-")
	if err != nil {
		return "", pipeline.Summary{}, err
	}
	x, err := nlp.New(nlp.Config{})
	if err != nil {
		return "", pipeline.Summary{}, err
	}
	w, err := outdir.Create(dir)
	if err != nil {
		return "", pipeline.Summary{}, err
	}
	sum, err := pipeline.Run(context.Background(), source.NewReader(files...), x, w, pipeline.Config{})
	if err == nil && sum.Failed > 0 {
		err = fmt.Errorf("%d of %d articles failed to extract", sum.Failed, sum.Read)
	}
	return dir, sum, err
}

// Summary is the extraction job's summary (valid after Folder).
func Summary() pipeline.Summary { return summary }

// LoadNeo4j takes the test database (neo4jtest.Driver: locked and wiped),
// loads the dev graph into it with the real writer, and returns the
// driver.
func LoadNeo4j(t testing.TB) neo4j.DriverWithContext {
	t.Helper()
	folder := Folder(t)
	drv := neo4jtest.Driver(t)
	f, err := os.Open(filepath.Join(folder, outdir.DocsFile))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := jsonl.NewReader(f, f.Name())
	var docs []schema.Doc
	for {
		d, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	Write(t, docs)
	return drv
}

// Write adds docs to the test database (taken with neo4jtest.Driver
// first) with the real writer.
func Write(t testing.TB, docs []schema.Doc) {
	t.Helper()
	ctx := context.Background()
	w, err := graph.Open(ctx, config())
	if err != nil {
		t.Fatal(err)
	}
	if err := w.WriteBatch(ctx, docs); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(ctx); err != nil {
		t.Fatal(err)
	}
}

// Conn connects to the test database (taken with neo4jtest.Driver or
// LoadNeo4j first) the way the commands do; the connection closes when
// the test ends.
func Conn(t testing.TB) *graph.Conn {
	t.Helper()
	ctx := context.Background()
	c, err := graph.Connect(ctx, config())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close(ctx) })
	return c
}

// config is the test database's connection.
func config() graph.Config {
	target, _ := neo4jtest.TargetFromEnv()
	return graph.Config{URI: target.URI, Username: target.Username, Password: target.Password}
}
