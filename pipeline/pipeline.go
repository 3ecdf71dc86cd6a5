package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/geokg/geokg/schema"
)

// Source yields articles until io.EOF. Any other error is reported and
// reading continues, unless the error is the context's. An error with a
// method Skipped() bool that returns true (a duplicate, an empty file)
// counts as skipped rather than failed.
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
	// Limit stops after this many articles have been read (failed and
	// skipped inputs do not count); 0 means all.
	Limit int
	// FailFast stops the job at the first input that fails.
	FailFast bool
	// OnError is called, from one goroutine, for each input that failed.
	OnError func(error)
	// OnSkip is called, from the same goroutine, for each input skipped.
	OnSkip func(error)
	// OnProgress is called, from the same goroutine, after each input is
	// accounted for.
	OnProgress func(Summary)
	// Now is the clock; nil means time.Now. Tests fix it.
	Now func() time.Time
}

// Summary counts what a job did.
type Summary struct {
	// Read counts articles read; Skipped counts inputs passed over
	// (duplicates, empty files); Failed counts inputs that could not be
	// read and articles whose extraction failed; Written counts docs the
	// sink accepted.
	Read, Skipped, Failed, Written int
	// Actors counts actors by type; Relations counts relations by type,
	// over the docs written.
	Actors    map[schema.ActorType]int
	Relations map[schema.EventType]int
	// Elapsed is the job's wall time so far.
	Elapsed time.Duration
}

// Rate is articles read per second.
func (s Summary) Rate() float64 {
	if s.Elapsed <= 0 {
		return 0
	}
	return float64(s.Read) / s.Elapsed.Seconds()
}

// ErrFailFast is returned when Config.FailFast stopped the job.
var ErrFailFast = errors.New("stopped at the first failed input (--fail-fast)")

// job is one input, numbered so that results can be put back in order.
type job struct {
	seq     int
	article schema.Article
	err     error // the source's error for this input
}

// result is one input's outcome.
type result struct {
	seq  int
	doc  schema.Doc
	err  error
	read bool // an article was read (err, if any, is the extraction's)
}

// Run reads src to the end, extracts each article and writes the docs to
// sink in input order. It closes the sink. The error is non-nil only when
// the job could not finish (sink failure, cancellation, fail-fast); the
// docs completed before a stop are written all the same.
//
// At most 4×Workers inputs are between the source and the sink at any
// time, plus one batch: memory does not grow with the corpus. A source
// blocked in a read that ignores the context (standard input) is left
// behind when the job is cancelled.
func Run(ctx context.Context, src Source, x Extractor, sink Sink, cfg Config) (Summary, error) {
	now := cfg.Now
	if now == nil {
		now = time.Now
	}
	start := now()
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
	// window bounds the inputs between the reader and the in-order
	// writer, so one slow article cannot make the reorder buffer grow.
	window := make(chan struct{}, 4*workers)

	// Reader: numbers every input, good or bad, so the writer can keep
	// the order and account for failures in place.
	go func() {
		defer close(jobs)
		articles := 0
		for seq := 0; cfg.Limit <= 0 || articles < cfg.Limit; seq++ {
			a, err := src.Next(ctx)
			if err == io.EOF || (err != nil && ctx.Err() != nil) {
				return
			}
			if err == nil {
				articles++
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
			for {
				var j job
				var ok bool
				select {
				case j, ok = <-jobs:
				case <-ctx.Done():
					return
				}
				if !ok {
					return
				}
				r := result{seq: j.seq, err: j.err, read: j.err == nil}
				if r.read {
					r.doc, r.err = extract(ctx, x, j.article)
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
	var runErr, sinkErr error
	flush := func(ctx context.Context) {
		if len(batch) == 0 || sinkErr != nil {
			return
		}
		if err := sink.WriteBatch(ctx, batch); err != nil {
			sinkErr = err
			cancel()
			return
		}
		sum.Written += len(batch)
		for _, d := range batch {
			for _, a := range d.Actors {
				sum.Actors[a.Type]++
			}
			for _, rel := range d.Relations {
				sum.Relations[rel.Type]++
			}
		}
		clear(batch) // let the docs go before the next batch fills
		batch = batch[:0]
	}
	for r := range results {
		if runErr != nil || sinkErr != nil || ctx.Err() != nil {
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
			if r.read {
				sum.Read++
			}
			switch {
			case r.err == nil:
				batch = append(batch, r.doc)
				if len(batch) == batchSize {
					flush(ctx)
				}
			case isSkip(r.err):
				sum.Skipped++
				if cfg.OnSkip != nil {
					cfg.OnSkip(r.err)
				}
			default:
				sum.Failed++
				if cfg.OnError != nil {
					cfg.OnError(r.err)
				}
				if cfg.FailFast {
					runErr = ErrFailFast
					cancel()
				}
			}
			if cfg.OnProgress != nil {
				sum.Elapsed = now().Sub(start)
				cfg.OnProgress(sum)
			}
			if runErr != nil || sinkErr != nil {
				break
			}
		}
	}
	// The docs completed before a stop or a cancellation are written:
	// a rerun then has less to redo. The batch is small and bounded.
	flush(context.WithoutCancel(ctx))
	switch {
	case sinkErr != nil:
		runErr = sinkErr
	case runErr == nil && ctx.Err() != nil:
		runErr = ctx.Err()
	}
	if err := sink.Close(context.WithoutCancel(ctx)); err != nil && runErr == nil {
		runErr = err
	}
	sum.Elapsed = now().Sub(start)
	return sum, runErr
}

// extract runs the extractor, turning a panic into this article's error:
// one pathological text must not end a job of thousands.
func extract(ctx context.Context, x Extractor, a schema.Article) (d schema.Doc, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = &ExtractError{Path: a.Path, Err: fmt.Errorf("internal error, please report: %v", p)}
		}
	}()
	d, err = x.Extract(ctx, a)
	if err != nil {
		err = &ExtractError{Path: a.Path, Err: err}
	}
	return d, err
}

// ExtractError reports an article whose extraction failed.
type ExtractError struct {
	// Path names the article (Article.Path).
	Path string
	Err  error
}

// Error formats as "PATH: extraction failed: reason", without repeating a
// path the reason already names; PATH is quoted as schema.QuotePath says.
func (e *ExtractError) Error() string {
	msg := e.Err.Error()
	path := schema.QuotePath(e.Path)
	if strings.Contains(msg, path) {
		return msg
	}
	return fmt.Sprintf("%s: extraction failed: %s", path, msg)
}

// Unwrap returns the reason.
func (e *ExtractError) Unwrap() error { return e.Err }

// isSkip reports whether a source error marks a skipped input.
func isSkip(err error) bool {
	var s interface{ Skipped() bool }
	return errors.As(err, &s) && s.Skipped()
}
