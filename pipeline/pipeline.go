package pipeline

import (
	"context"
	"errors"
	"io"
	"runtime"
	"sync"
	"time"

	"github.com/geokg/geokg/schema"
)

// Source yields articles until io.EOF. Any other error is reported and
// reading continues, unless the error is the context's.
type Source interface {
	Next(ctx context.Context) (schema.Article, error)
}

// Extractor turns one article into a Doc. It must be safe for concurrent
// use.
type Extractor interface {
	Extract(ctx context.Context, a schema.Article) (schema.Doc, error)
}

// Sink receives extraction results in input order.
type Sink interface {
	// WriteBatch stores docs. A failed batch fails the job.
	WriteBatch(ctx context.Context, docs []schema.Doc) error
	// Close flushes and releases the sink.
	Close(ctx context.Context) error
}

// Config tunes a Run. The zero Config is valid.
type Config struct {
	// Workers is the number of concurrent extractions; 0 means one per
	// CPU.
	Workers int
	// BatchSize is the number of docs per WriteBatch; 0 means 100.
	BatchSize int
	// Limit stops after this many articles have been read; 0 means all.
	Limit int
	// FailFast stops the job at the first article that fails.
	FailFast bool
	// OnError is called, from one goroutine, for each article that failed.
	OnError func(error)
	// OnProgress is called, from one goroutine, after each article is
	// done.
	OnProgress func(Summary)
}

// Summary counts what a job did.
type Summary struct {
	// Read counts articles read; Failed counts inputs that failed to read
	// or extract; Written counts docs handed to the sink.
	Read, Failed, Written int
	// Actors counts actors by type; Relations counts relations by type.
	Actors    map[schema.ActorType]int
	Relations map[schema.EventType]int
	// Elapsed is the job's wall time so far.
	Elapsed time.Duration
}

// Rate is articles done per second.
func (s Summary) Rate() float64 {
	if s.Elapsed <= 0 {
		return 0
	}
	return float64(s.Read) / s.Elapsed.Seconds()
}

// ErrFailFast is returned when Config.FailFast stopped the job.
var ErrFailFast = errors.New("stopped at the first failed article (--fail-fast)")

// job is one input, numbered so that results can be put back in order.
type job struct {
	seq     int
	article schema.Article
	err     error // the source's error for this input
}

// result is one input's outcome.
type result struct {
	seq int
	doc schema.Doc
	err error
}

// Run reads src to the end, extracts each article and writes the docs to
// sink in input order. It closes the sink. The error is non-nil only when
// the job could not finish (sink failure, cancellation, fail-fast).
func Run(ctx context.Context, src Source, x Extractor, sink Sink, cfg Config) (Summary, error) {
	start := time.Now()
	workers := cfg.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	batchSize := cfg.BatchSize
	if batchSize <= 0 {
		batchSize = 100
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	jobs := make(chan job, workers)
	results := make(chan result, workers)
	// window bounds the articles between the reader and the in-order
	// writer, so one slow article cannot make the reorder buffer grow.
	window := make(chan struct{}, 4*workers)

	// Reader: numbers every input, good or bad, so the writer can keep
	// the order and account for failures in place.
	go func() {
		defer close(jobs)
		for seq := 0; cfg.Limit <= 0 || seq < cfg.Limit; seq++ {
			a, err := src.Next(ctx)
			if err == io.EOF || (err != nil && ctx.Err() != nil) {
				return
			}
			select {
			case window <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- job{seq: seq, article: a, err: err}:
			case <-ctx.Done():
				return
			}
		}
	}()

	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				r := result{seq: j.seq, err: j.err}
				if r.err == nil {
					r.doc, r.err = x.Extract(ctx, j.article)
				}
				select {
				case results <- r:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	sum := Summary{Actors: map[schema.ActorType]int{}, Relations: map[schema.EventType]int{}}
	pending := map[int]result{}
	next := 0
	batch := make([]schema.Doc, 0, batchSize)
	var runErr error
	flush := func() {
		if len(batch) == 0 || runErr != nil {
			return
		}
		if err := sink.WriteBatch(ctx, batch); err != nil {
			runErr = err
			cancel()
			return
		}
		sum.Written += len(batch)
		batch = batch[:0]
	}
	for r := range results {
		if runErr != nil {
			continue // drain so the workers can exit
		}
		pending[r.seq] = r
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-window
			sum.Read++
			if r.err != nil {
				sum.Failed++
				if cfg.OnError != nil {
					cfg.OnError(r.err)
				}
				if cfg.FailFast {
					runErr = ErrFailFast
					cancel()
					break
				}
			} else {
				for _, a := range r.doc.Actors {
					sum.Actors[a.Type]++
				}
				for _, rel := range r.doc.Relations {
					sum.Relations[rel.Type]++
				}
				batch = append(batch, r.doc)
				if len(batch) == batchSize {
					flush()
				}
			}
			if cfg.OnProgress != nil {
				sum.Elapsed = time.Since(start)
				cfg.OnProgress(sum)
			}
		}
	}
	flush()
	if runErr == nil && ctx.Err() != nil {
		runErr = ctx.Err()
	}
	if err := sink.Close(context.WithoutCancel(ctx)); err != nil && runErr == nil {
		runErr = err
	}
	sum.Elapsed = time.Since(start)
	return sum, runErr
}
