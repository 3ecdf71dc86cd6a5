package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/geokg/geokg/pipeline"
	"github.com/geokg/geokg/source"
)

// Kinds of problem an import reports.
const (
	problemFailed  = "failed"  // the input or article is lost to this run
	problemSkipped = "skipped" // passed over on purpose (empty, duplicate)
	problemWarning = "warning" // read all the same (repaired text, bad date)
)

// problem is one bad input, as logged, listed in the summary and written
// to --errors.
type problem struct {
	Kind string `json:"kind"`
	Path string `json:"path"`
	// PathBytes holds Path's exact bytes when they are not valid UTF-8,
	// which JSON cannot carry: --files-from reads them back.
	PathBytes []byte `json:"path_bytes,omitempty"`
	Line      int    `json:"line,omitempty"`
	Article   string `json:"article,omitempty"` // "file#N" when one record of a file
	Message   string `json:"message"`
}

// maxListed is how many problems the summary lists; the --errors file has
// them all.
const maxListed = 20

// reporter logs each problem as one line, keeps the first few for the
// summary and appends all of them to the --errors file. It is called from
// the reader's and the writer's goroutines.
type reporter struct {
	log     *slog.Logger
	jsonLog bool

	mu       sync.Mutex
	listed   []problem
	counts   map[string]int
	files    int // failed whole files (the other failures are articles)
	extract  int // failed extractions
	file     *os.File
	out      *bufio.Writer
	enc      *json.Encoder
	writeErr error
}

// newReporter opens the --errors file (when path is not empty).
func newReporter(log *slog.Logger, jsonLog bool, path string) (*reporter, error) {
	r := &reporter{log: log, jsonLog: jsonLog, counts: map[string]int{}}
	if path != "" {
		f, err := os.Create(path)
		if err != nil {
			return nil, fmt.Errorf("--errors %s: %w", path, err)
		}
		r.file, r.out = f, bufio.NewWriter(f)
		r.enc = json.NewEncoder(r.out)
		r.enc.SetEscapeHTML(false)
	}
	return r, nil
}

// failed reports an input or article that failed.
func (r *reporter) failed(err error) { r.report(problemFailed, slog.LevelError, err) }

// skipped reports an input passed over. Duplicates are expected when
// feeds overlap, so they are logged at info level; the rest are warnings.
func (r *reporter) skipped(err error) {
	level := slog.LevelWarn
	if errors.Is(err, source.ErrDuplicate) {
		level = slog.LevelInfo
	}
	r.report(problemSkipped, level, err)
}

// warned reports an article read despite a problem.
func (r *reporter) warned(err *source.Error) { r.report(problemWarning, slog.LevelWarn, err) }

// warnedDoc reports a part of a doc left out of the graph (a relation
// naming no actor of its article). The message starts with the path.
func (r *reporter) warnedDoc(err error) { r.report(problemWarning, slog.LevelWarn, err) }

func (r *reporter) report(kind string, level slog.Level, err error) {
	p := describe(kind, err)
	var se *source.Error
	var xe *pipeline.ExtractError
	r.mu.Lock()
	r.counts[kind]++
	switch {
	case kind != problemFailed:
	case errors.As(err, &se) && !se.IsRecord():
		r.files++
	case errors.As(err, &xe):
		r.extract++
	}
	if len(r.listed) < maxListed {
		r.listed = append(r.listed, p)
	}
	if r.enc != nil && r.writeErr == nil {
		r.writeErr = r.enc.Encode(p)
	}
	r.mu.Unlock()
	if r.jsonLog {
		attrs := []slog.Attr{slog.String("kind", kind), slog.String("path", p.Path)}
		if p.Line > 0 {
			attrs = append(attrs, slog.Int("line", p.Line))
		}
		if p.Article != "" {
			attrs = append(attrs, slog.String("article", p.Article))
		}
		r.log.LogAttrs(context.Background(), level, p.Message, attrs...)
		return
	}
	r.log.Log(context.Background(), level, p.Message)
}

// describe turns an error into a problem, finding the file (and line)
// it names.
func describe(kind string, err error) problem {
	p := problem{Kind: kind, Message: err.Error()}
	var se *source.Error
	var xe *pipeline.ExtractError
	switch {
	case errors.As(err, &se):
		p.Path, p.Line = se.Path, se.Line
	case errors.As(err, &xe):
		p.Article = xe.Path
		p.Path, _, _ = strings.Cut(xe.Path, "#")
	default:
		// Messages about a doc start with its path ("a.jsonl#3: relation
		// 2 … left out"), quoted when it has to be.
		if prefix, _, ok := strings.Cut(p.Message, ": "); ok && !strings.ContainsAny(prefix, " \t") {
			if unq, err := strconv.Unquote(prefix); err == nil {
				prefix = unq
			}
			p.Article = prefix
			p.Path, _, _ = strings.Cut(prefix, "#")
		}
	}
	if !utf8.ValidString(p.Path) {
		p.PathBytes = []byte(p.Path)
	}
	return p
}

// failures returns how many whole files and how many extractions failed.
func (r *reporter) failures() (files, extract int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.files, r.extract
}

// close flushes and closes the --errors file.
func (r *reporter) close() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.file == nil {
		return nil
	}
	err := r.writeErr
	if ferr := r.out.Flush(); err == nil {
		err = ferr
	}
	if cerr := r.file.Close(); err == nil {
		err = cerr
	}
	r.file = nil
	if err != nil {
		return fmt.Errorf("--errors: %w", err)
	}
	return nil
}

// problems returns the problems listed and the count of each kind.
func (r *reporter) problems() ([]problem, map[string]int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	counts := make(map[string]int, len(r.counts))
	for k, v := range r.counts {
		counts[k] = v
	}
	return append([]problem(nil), r.listed...), counts
}
