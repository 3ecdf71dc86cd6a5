package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/geokg/geokg/schema"
)

// listSource yields n articles "a0".."a{n-1}"; bad maps an index to the
// error to return in its place.
type listSource struct {
	n    int
	i    int
	bad  map[int]error
	read atomic.Int64 // articles handed out
}

func (s *listSource) Next(ctx context.Context) (schema.Article, error) {
	if err := ctx.Err(); err != nil {
		return schema.Article{}, err
	}
	if s.i >= s.n {
		return schema.Article{}, io.EOF
	}
	i := s.i
	s.i++
	if err, ok := s.bad[i]; ok {
		return schema.Article{}, err
	}
	s.read.Add(1)
	return schema.Article{ID: "a" + strconv.Itoa(i), Path: "a" + strconv.Itoa(i), Text: "text"}, nil
}

// jitterExtractor sleeps a random short time, so results finish out of
// order; it fails or panics on the paths named.
type jitterExtractor struct {
	fail  map[string]bool
	panic map[string]bool
}

func (x jitterExtractor) Extract(ctx context.Context, a schema.Article) (schema.Doc, error) {
	time.Sleep(time.Duration(rand.IntN(300)) * time.Microsecond)
	if x.panic[a.Path] {
		panic("boom")
	}
	if x.fail[a.Path] {
		return schema.Doc{}, errors.New("cannot extract")
	}
	d := schema.NewDoc(a)
	d.Actors = []schema.Actor{{ID: "RUS", Type: schema.Country}}
	d.Relations = []schema.Relation{{Source: "RUS", Target: "SYR", Type: schema.Support}}
	return d, nil
}

// memorySink records the ids written and the largest number of articles
// in flight (read by the source but not yet written) it ever saw.
type memorySink struct {
	mu       sync.Mutex
	ids      []string
	batches  int
	src      *listSource
	maxAhead int64
	failAt   int // fail the n-th batch (1-based); 0 never
	closed   bool
}

func (s *memorySink) WriteBatch(_ context.Context, docs []schema.Doc) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.batches++
	if s.failAt > 0 && s.batches == s.failAt {
		return errors.New("disk full")
	}
	if s.src != nil {
		s.maxAhead = max(s.maxAhead, s.src.read.Load()-int64(len(s.ids)))
	}
	for _, d := range docs {
		s.ids = append(s.ids, d.ID)
	}
	return nil
}

func (s *memorySink) Close(context.Context) error { s.closed = true; return nil }

func ids(from, to int, skip ...int) []string {
	var out []string
	for i := from; i < to; i++ {
		skipped := false
		for _, k := range skip {
			skipped = skipped || k == i
		}
		if !skipped {
			out = append(out, "a"+strconv.Itoa(i))
		}
	}
	return out
}

func equal(a, b []string) bool { return fmt.Sprint(a) == fmt.Sprint(b) }

// skipError is how a source marks a skipped input.
type skipError struct{}

func (skipError) Error() string { return "duplicate" }
func (skipError) Skipped() bool { return true }

func TestRun(t *testing.T) {
	tests := []struct {
		name      string
		n         int
		bad       map[int]error
		x         jitterExtractor
		cfg       Config
		wantIDs   []string
		wantSum   Summary
		wantErr   error
		wantCalls []string // OnError then OnSkip messages, in order
	}{
		{
			name:    "order kept across workers and batches",
			n:       500,
			cfg:     Config{Workers: 8, BatchSize: 7},
			wantIDs: ids(0, 500),
			wantSum: Summary{Read: 500, Written: 500},
		},
		{
			name:      "source errors and skips are counted in place",
			n:         10,
			bad:       map[int]error{2: errors.New("a2: broken"), 5: skipError{}},
			cfg:       Config{Workers: 3, BatchSize: 2},
			wantIDs:   ids(0, 10, 2, 5),
			wantSum:   Summary{Read: 8, Skipped: 1, Failed: 1, Written: 8},
			wantCalls: []string{"error a2: broken", "skip duplicate"},
		},
		{
			name:      "a failing and a panicking extraction fail only their article",
			n:         6,
			x:         jitterExtractor{fail: map[string]bool{"a1": true}, panic: map[string]bool{"a4": true}},
			cfg:       Config{Workers: 2},
			wantIDs:   ids(0, 6, 1, 4),
			wantSum:   Summary{Read: 6, Failed: 2, Written: 4},
			wantCalls: []string{"error a1: extraction failed: cannot extract", "error a4: extraction failed: internal error, please report: boom"},
		},
		{
			name:      "limit counts articles, not failed inputs",
			n:         20,
			bad:       map[int]error{0: errors.New("a0: broken"), 1: errors.New("a1: broken")},
			cfg:       Config{Workers: 2, Limit: 3},
			wantIDs:   ids(2, 5),
			wantSum:   Summary{Read: 3, Failed: 2, Written: 3},
			wantCalls: []string{"error a0: broken", "error a1: broken"},
		},
		{
			name:      "fail-fast stops at the first failure and keeps the docs before it",
			n:         100,
			bad:       map[int]error{30: errors.New("a30: broken")},
			cfg:       Config{Workers: 4, BatchSize: 50, FailFast: true},
			wantIDs:   ids(0, 30),
			wantSum:   Summary{Read: 30, Failed: 1, Written: 30},
			wantErr:   ErrFailFast,
			wantCalls: []string{"error a30: broken"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := &listSource{n: tt.n, bad: tt.bad}
			sink := &memorySink{}
			var calls []string
			cfg := tt.cfg
			cfg.OnError = func(err error) { calls = append(calls, "error "+err.Error()) }
			cfg.OnSkip = func(err error) { calls = append(calls, "skip "+err.Error()) }
			sum, err := Run(context.Background(), src, tt.x, sink, cfg)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			if !equal(sink.ids, tt.wantIDs) {
				t.Errorf("written %v\nwant %v", sink.ids, tt.wantIDs)
			}
			got := [4]int{sum.Read, sum.Skipped, sum.Failed, sum.Written}
			if want := [4]int{tt.wantSum.Read, tt.wantSum.Skipped, tt.wantSum.Failed, tt.wantSum.Written}; got != want {
				t.Errorf("read, skipped, failed, written = %v, want %v", got, want)
			}
			if sum.Actors[schema.Country] != sum.Written || sum.Relations[schema.Support] != sum.Written {
				t.Errorf("actors %v relations %v, want one each per doc written", sum.Actors, sum.Relations)
			}
			if !equal(calls, tt.wantCalls) {
				t.Errorf("callbacks %q\nwant %q", calls, tt.wantCalls)
			}
			if !sink.closed {
				t.Error("sink not closed")
			}
		})
	}
}

func TestRunBoundsArticlesInFlight(t *testing.T) {
	const workers, batch = 3, 5
	src := &listSource{n: 2000}
	sink := &memorySink{src: src}
	if _, err := Run(context.Background(), src, jitterExtractor{}, sink, Config{Workers: workers, BatchSize: batch}); err != nil {
		t.Fatal(err)
	}
	// The window, the reader's one article in hand and the batch.
	if limit := int64(4*workers + 1 + batch); sink.maxAhead > limit {
		t.Errorf("up to %d articles in flight, want at most %d whatever the corpus size", sink.maxAhead, limit)
	}
}

func TestRunStopsOnSinkFailure(t *testing.T) {
	src := &listSource{n: 1000}
	sink := &memorySink{failAt: 2}
	sum, err := Run(context.Background(), src, jitterExtractor{}, sink, Config{Workers: 4, BatchSize: 10})
	if err == nil || err.Error() != "disk full" {
		t.Fatalf("err = %v, want the sink's", err)
	}
	if sum.Written != 10 {
		t.Errorf("written %d, want the first batch only", sum.Written)
	}
}

// blockedSource hands out a few articles, then blocks like a read from a
// terminal, ignoring the context.
type blockedSource struct {
	n       int
	release chan struct{}
}

func (s *blockedSource) Next(context.Context) (schema.Article, error) {
	if s.n > 0 {
		s.n--
		return schema.Article{ID: strconv.Itoa(s.n), Path: strconv.Itoa(s.n)}, nil
	}
	<-s.release
	return schema.Article{}, io.EOF
}

func TestRunReturnsOnCancelEvenIfTheSourceBlocks(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	src := &blockedSource{n: 3, release: make(chan struct{})}
	defer close(src.release)
	sink := &memorySink{}
	done := make(chan error)
	go func() {
		_, err := Run(ctx, src, jitterExtractor{}, sink, Config{Workers: 2, BatchSize: 100})
		done <- err
	}()
	time.Sleep(20 * time.Millisecond)
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v, want context.Canceled", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not return after cancellation")
	}
	if len(sink.ids) != 3 {
		t.Errorf("written %v, want the 3 articles completed before the cancel", sink.ids)
	}
}

func TestRunFixedClock(t *testing.T) {
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	calls := 0
	now := func() time.Time { calls++; return start.Add(time.Duration(calls) * time.Second) }
	sum, err := Run(context.Background(), &listSource{n: 4}, jitterExtractor{}, &memorySink{}, Config{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Elapsed <= 0 || sum.Rate() <= 0 {
		t.Errorf("elapsed %v rate %v, want both from the clock", sum.Elapsed, sum.Rate())
	}
}

func BenchmarkRun(b *testing.B) {
	for _, workers := range []int{1, 2, 4} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			for b.Loop() {
				Run(context.Background(), &listSource{n: 1000}, nopExtractor{}, &memorySink{}, Config{Workers: workers})
			}
		})
	}
}

type nopExtractor struct{}

func (nopExtractor) Extract(_ context.Context, a schema.Article) (schema.Doc, error) {
	return schema.NewDoc(a), nil
}
