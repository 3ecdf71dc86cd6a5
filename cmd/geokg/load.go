package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"text/tabwriter"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/jsonl"
	"github.com/geokg/geokg/outdir"
	"github.com/geokg/geokg/schema"
)

// loadOptions are the settings of `geokg load`.
type loadOptions struct {
	Paths     []string
	Resume    bool
	Quiet     bool
	LogFormat string
	Neo4j     neo4jOptions
}

func newLoadCmd(f *factory) *cli.Command {
	opts := &loadOptions{}
	return &cli.Command{
		Name:      "load",
		Usage:     "load extraction results (JSON lines) into Neo4j",
		ArgsUsage: "FILE.jsonl|OUT_DIR...",
		Description: `Loads the docs that 'geokg extract' printed, or an output folder's
docs.jsonl, into Neo4j. Loading is idempotent: loading the same file twice
leaves the graph unchanged, and a load stopped by a dead server completes
when rerun. '-' reads standard input. Lines that are not valid docs are
reported with their line number and skipped.

Example:
   geokg extract news/ > docs.jsonl
   NEO4J_URI=bolt://localhost:7687 NEO4J_PASSWORD=secret geokg load docs.jsonl`,
		Flags: append([]cli.Flag{
			&cli.BoolFlag{Name: "resume", Destination: &opts.Resume,
				Usage: "skip articles already completely in the graph (by content hash)"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Destination: &opts.Quiet, Usage: "print only warnings, errors and the summary"},
			&cli.StringFlag{Name: "log-format", Value: "text", Destination: &opts.LogFormat, Usage: "status log format: text or json"},
		}, append(neo4jFlags(&opts.Neo4j), neo4jLoadFlags(&opts.Neo4j)...)...),
		Action: func(c *cli.Context) error {
			opts.Paths = c.Args().Slice()
			if len(opts.Paths) == 0 {
				return usageError{errors.New("load: name at least one JSON-lines file or output folder")}
			}
			if opts.Neo4j.URI == "" {
				return usageError{errors.New("load: set --neo4j-uri or NEO4J_URI")}
			}
			return runLoad(c.Context, f, opts)
		},
	}
}

// loadSummary counts what a load did.
type loadSummary struct {
	read, skipped, failed int
	elapsed               time.Duration
	stats                 graph.Stats
}

// loadChunk is how many docs are read before they are handed to the writer
// (and, with --resume, looked up in one query).
const loadChunk = 256

// runLoad streams docs from each path into the writer.
func runLoad(ctx context.Context, f *factory, opts *loadOptions) error {
	io := f.IO
	log := newLogger(io.Err, opts.LogFormat, opts.Quiet)
	start := f.Now()
	w, err := f.Writer(ctx, opts.Neo4j, log)
	if err != nil {
		return err
	}
	var sum loadSummary
	var runErr error
	for _, path := range opts.Paths {
		if runErr = loadPath(ctx, io, w, path, opts.Resume, &sum, log.Error); runErr != nil {
			break
		}
	}
	if err := w.Close(context.WithoutCancel(ctx)); err != nil && runErr == nil {
		runErr = err
	}
	sum.elapsed = f.Now().Sub(start)
	sum.stats = w.Stats()
	printLoadSummary(io.Out, sum, opts.Neo4j.destination())
	if runErr != nil {
		return fmt.Errorf("load: %w", runErr)
	}
	if sum.failed > 0 {
		return jobFailedError{failed: sum.failed, unit: "line"}
	}
	return nil
}

// loadPath loads one JSON-lines file, output folder or '-'.
func loadPath(ctx context.Context, std streams, w *graph.Writer, path string, resume bool, sum *loadSummary, report func(string, ...any)) error {
	var in io.Reader = std.In
	name := "standard input"
	if path != "-" {
		name = outdir.DocsPath(path)
		f, err := os.Open(name)
		if err != nil {
			var pe *fs.PathError
			if errors.As(err, &pe) {
				err = pe.Err
			}
			return fmt.Errorf("read %s: %w", name, err)
		}
		defer f.Close()
		in = f
	}
	chunk := make([]schema.Doc, 0, loadChunk)
	flush := func() error {
		if len(chunk) == 0 {
			return nil
		}
		docs := chunk
		if resume {
			var err error
			if docs, err = skipLoaded(ctx, w, docs, sum); err != nil {
				return err
			}
		}
		err := w.WriteBatch(ctx, docs)
		chunk = chunk[:0]
		return err
	}
	bad := func(pe *jsonl.ParseError) {
		sum.failed++
		report(pe.Error())
	}
	var writeErr error
	err := outdir.ReadDocs(ctx, in, name, bad, func(d *schema.Doc) error {
		sum.read++
		chunk = append(chunk, *d)
		if len(chunk) == loadChunk {
			writeErr = flush()
			return writeErr
		}
		return nil
	})
	if err != nil && writeErr == nil && ctx.Err() == nil {
		// The reader failed (a read error, a line over the size limit)
		// and cannot go on: the file's other lines are lost to this load,
		// the next file is read.
		sum.failed++
		report(err.Error())
	} else if err != nil {
		return err
	}
	return flush()
}

// skipLoaded drops the docs whose articles are completely in the graph.
func skipLoaded(ctx context.Context, w *graph.Writer, docs []schema.Doc, sum *loadSummary) ([]schema.Doc, error) {
	var hashes []string
	for _, d := range docs {
		if d.Hash != "" {
			hashes = append(hashes, d.Hash)
		}
	}
	loaded, err := w.Loaded(ctx, hashes)
	if err != nil {
		return nil, err
	}
	kept := docs[:0]
	for _, d := range docs {
		if d.Hash != "" && loaded[d.Hash] {
			sum.skipped++
			continue
		}
		kept = append(kept, d)
	}
	return kept, nil
}

// printLoadSummary writes a load's summary as an aligned table.
func printLoadSummary(w io.Writer, s loadSummary, dest string) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "articles\t%d read, %d loaded, %d skipped (already loaded), %d bad lines\n", s.read, s.stats.Docs, s.skipped, s.failed)
	fmt.Fprintf(tw, "graph\t%d events, %d actors written; %d nodes and %d relationships created, %d nodes and %d relationships deleted\n",
		s.stats.Events, s.stats.Actors, s.stats.NodesCreated, s.stats.RelationshipsCreated, s.stats.NodesDeleted, s.stats.RelationshipsDeleted)
	if s.stats.Problems > 0 {
		fmt.Fprintf(tw, "left out\t%d inconsistent relations or actors (see the warnings above)\n", s.stats.Problems)
	}
	secs := s.elapsed.Seconds()
	rate := 0.0
	if secs > 0 {
		rate = float64(s.stats.Events) / secs
	}
	fmt.Fprintf(tw, "time\t%.1fs (%.0f events/s)\n", secs, rate)
	fmt.Fprintf(tw, "written to\t%s\n", dest)
	tw.Flush()
}
