package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/internal/neo4jtest"
	"github.com/geokg/geokg/nlp"
	"github.com/geokg/geokg/pipeline"
	"github.com/geokg/geokg/schema"
)

// pacedExtractor is wordExtractor taking a little time per article, so
// that an import of a few thousand lasts long enough to be killed.
type pacedExtractor struct{ wordExtractor }

func (x pacedExtractor) Extract(ctx context.Context, a schema.Article) (schema.Doc, error) {
	time.Sleep(3 * time.Millisecond)
	return x.wordExtractor.Extract(ctx, a)
}

// TestImportCountsOnlyCommitted kills Neo4j in the middle of an import with
// the default batch size and retry time, once the first batch of 2,000
// articles has committed and while the rest are buffered or written. The
// job must give up about when the retry time ends, count as written
// exactly the articles the graph holds completely (not the ones it
// handed to the writer), and name the ones it did not write.
func TestImportCountsOnlyCommitted(t *testing.T) {
	driver := neo4jtest.Driver(t)
	target, _ := neo4jtest.TargetFromEnv()
	dir := t.TempDir()
	var b strings.Builder
	const n = 4000
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, `{"title":"Report %d","text":"Russia backs Syria, report %d says.","url":"https://wire.example/%d"}`+"\n", i, i, i)
	}
	input := filepath.Join(dir, "wire.jsonl")
	if err := os.WriteFile(input, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	opts, f := testOptions(t, input)
	opts.Quiet = true
	f.Extractor = func(nlp.Config) (pipeline.Extractor, error) { return pacedExtractor{}, nil }
	f.Now = time.Now
	opts.Neo4j = neo4jOptions{URI: target.URI, Username: target.Username, Password: target.Password}
	var out, errw bytes.Buffer
	done := make(chan error, 1)
	go func() {
		done <- runImport(context.Background(), f.withIO(streams{In: strings.NewReader(""), Out: &out, Err: &errw}), opts)
	}()
	loaded := func() int {
		res, err := neo4j.ExecuteQuery(context.Background(), driver,
			`MATCH (a:Article) WHERE a.hash IS NOT NULL RETURN count(a)`, nil, neo4j.EagerResultTransformer)
		if err != nil {
			t.Fatal(err)
		}
		return int(res.Records[0].Values[0].(int64))
	}
	deadline := time.Now().Add(time.Minute)
	for loaded() == 0 {
		if time.Now().After(deadline) {
			t.Fatal("the import committed nothing in a minute")
		}
		time.Sleep(20 * time.Millisecond)
	}
	// Let the commit's answer reach the writer: a kill between the commit
	// and its answer leaves the writer unsure, and it counts only what it
	// knows committed.
	time.Sleep(500 * time.Millisecond)
	neo4jtest.Ctl(t, "kill")
	killed := time.Now()
	var err error
	select {
	case err = <-done:
	case <-time.After(2 * time.Minute):
		t.Fatal("the import did not end within 2 minutes of the kill")
	}
	took := time.Since(killed)
	t.Logf("the import gave up %.1fs after the kill: %v", took.Seconds(), err)
	if !errors.Is(err, graph.ErrUnavailable) {
		t.Fatalf("err = %v, want the server unavailable", err)
	}
	if retry := graph.DefaultRetryTime; took > retry+retry/4 {
		t.Errorf("the import gave up %.0fs after the kill; the retry time is %s", took.Seconds(), retry)
	}
	neo4jtest.Ctl(t, "start")
	inGraph := loaded()
	summary := out.String()
	m := regexp.MustCompile(`(?m)^  written +([0-9,]+)$`).FindStringSubmatch(summary)
	if m == nil {
		t.Fatalf("no written count in the summary:\n%s", summary)
	}
	written, _ := strconv.Atoi(strings.ReplaceAll(m[1], ",", ""))
	if written != inGraph || inGraph == 0 || inGraph == n {
		t.Errorf("summary says written %d; the graph holds %d of %d articles completely\n%s", written, inGraph, n, summary)
	}
	// The summary names the articles not written, from the first one the
	// graph lacks.
	m = regexp.MustCompile(`(?m)^  not written +([0-9,]+) +(\S.*)$`).FindStringSubmatch(summary)
	if m == nil || !strings.HasPrefix(m[2], fmt.Sprintf("from %s#%d on", input, inGraph+1)) {
		t.Errorf("the summary does not name the articles not written from %s#%d:\n%s", input, inGraph+1, summary)
	}
}
