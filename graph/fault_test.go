package graph_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/internal/neo4jtest"
	"github.com/geokg/geokg/schema"
)

// TestKillDuringImport kills Neo4j while a load is running, restarts it,
// resumes the load, and checks the graph equals a clean import.
func TestKillDuringImport(t *testing.T) {
	d := neo4jtest.Driver(t)
	ctx := context.Background()
	docs := syntheticDocs(800, 200)
	cfg := testConfig(t)
	cfg.BatchSize = 100
	cfg.RetryTime = time.Second

	w, err := graph.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		for i := 0; i < len(docs); i += 20 {
			if err := w.WriteBatch(ctx, docs[i:min(i+20, len(docs))]); err != nil {
				done <- err
				return
			}
		}
		done <- w.Close(ctx)
	}()
	// Kill once a few transactions have committed.
	deadline := time.Now().Add(time.Minute)
	for count(t, d, `MATCH (a:Article) WHERE a.hash IS NOT NULL RETURN count(a)`) < 100 {
		if time.Now().After(deadline) {
			t.Fatal("the load committed nothing in a minute")
		}
		time.Sleep(50 * time.Millisecond)
	}
	neo4jtest.Ctl(t, "kill")
	var loadErr error
	select {
	case loadErr = <-done:
	case <-time.After(2 * time.Minute):
		t.Fatal("the load did not fail within 2 minutes of the kill")
	}
	if loadErr == nil {
		t.Fatal("the load finished although Neo4j was killed (it finished too early to test)")
	}
	if !errors.Is(loadErr, graph.ErrUnavailable) || strings.Contains(loadErr.Error(), "\n") {
		t.Errorf("load error is not one line marked ErrUnavailable: %v", loadErr)
	}
	t.Logf("load failed as expected: %v", loadErr)
	w.Close(ctx)

	neo4jtest.Ctl(t, "start")
	partial := count(t, d, `MATCH (a:Article) WHERE a.hash IS NOT NULL RETURN count(a)`)
	if partial == 0 || partial == int64(len(docs)) {
		t.Fatalf("%d of %d articles loaded before the kill; want a partial load", partial, len(docs))
	}
	t.Logf("%d of %d articles were completely loaded before the kill", partial, len(docs))

	// Rerun with resume: skip the articles marked loaded, write the rest.
	w, err = graph.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	loaded, err := w.Loaded(ctx, hashes(docs))
	if err != nil {
		t.Fatal(err)
	}
	var rest []schema.Doc
	for _, doc := range docs {
		if !loaded[doc.Hash] {
			rest = append(rest, doc)
		}
	}
	if err := w.WriteBatch(ctx, rest); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(ctx); err != nil {
		t.Fatal(err)
	}
	resumed := dump(t, d)

	if err := neo4jtest.Clean(ctx, d); err != nil {
		t.Fatal(err)
	}
	cfg.RetryTime = 5 * time.Second
	load(t, cfg, docs, 200)
	diff(t, "resumed import vs clean import", resumed, dump(t, d))
}

func hashes(docs []schema.Doc) []string {
	out := make([]string, len(docs))
	for i, d := range docs {
		out[i] = d.Hash
	}
	return out
}
