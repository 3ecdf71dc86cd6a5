package main

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graphdata"
	"github.com/geokg/geokg/nlp"
	"github.com/geokg/geokg/outdir"
	"github.com/geokg/geokg/pipeline"
)

// factory makes what the commands take from outside themselves, each on
// first use, as cli/cli's cmdutil.Factory does: the standard streams, the
// clock, the terminal test, the extractor, the Neo4j connection, and what
// is built on them (the graph writer, the reader, an import's sink). Every
// command is built with it (newXCmd(f)) and passes it, with its options
// struct of flag values, to its run function; tests build one with fakes
// (newTestFactory) instead of setting hooks in the options. The commands
// wire flags; the factory opens things.
type factory struct {
	// IO are the standard streams.
	IO streams
	// Now is the clock of progress lines and summaries.
	Now func() time.Time
	// IsTerminal tells whether a standard stream is a terminal (progress
	// bar, the warning when articles are read from one).
	IsTerminal func(stream any) bool
	// Extractor builds the extraction for a configuration.
	Extractor func(nlp.Config) (pipeline.Extractor, error)
	// ProgressInterval, when not 0, replaces the import's progress
	// intervals (200ms for the bar, 10s for log lines).
	ProgressInterval time.Duration

	conn *graph.Conn // the Neo4j connection, once opened
}

// newFactory is the real thing.
func newFactory(io streams) *factory {
	return &factory{
		IO:         io,
		Now:        time.Now,
		IsTerminal: isTerminal,
		Extractor: func(cfg nlp.Config) (pipeline.Extractor, error) {
			return nlp.New(cfg)
		},
	}
}

// redirected is a factory like f whose standard streams are io, for a
// command run inside another (eval runs extract); it opens its own things.
func (f *factory) redirected(io streams) *factory {
	g := *f
	g.IO, g.conn = io, nil
	return &g
}

// close closes what the factory opened.
func (f *factory) close(ctx context.Context) {
	if f.conn != nil {
		f.conn.Close(context.WithoutCancel(ctx))
		f.conn = nil
	}
}

// Conn connects to the Neo4j of the settings, once per command run:
// errors are one line naming the URI, never the password (graph.Connect).
func (f *factory) Conn(ctx context.Context, o neo4jOptions) (*graph.Conn, error) {
	if f.conn != nil {
		return f.conn, nil
	}
	if o.URI == "" {
		return nil, usageError{fmt.Errorf("no Neo4j to ask: set --neo4j-uri or NEO4J_URI")}
	}
	c, err := graph.Connect(ctx, o.config(nil))
	if err != nil {
		return nil, err
	}
	f.conn = c
	return c, nil
}

// Writer is a graph writer on the connection, the schema applied when the
// graph needs it.
func (f *factory) Writer(ctx context.Context, o neo4jOptions, log *slog.Logger) (*graph.Writer, error) {
	c, err := f.Conn(ctx, o)
	if err != nil {
		return nil, err
	}
	return graph.NewWriter(ctx, c, o.config(log))
}

// GraphSource picks where view and export read: the from folder, else
// Neo4j when configured, else the default output folder.
func (f *factory) GraphSource(ctx context.Context, from string, o neo4jOptions) (graphdata.Source, error) {
	if from == "" && o.URI != "" {
		c, err := f.Conn(ctx, o)
		if err != nil {
			return nil, err
		}
		return graph.NewReader(c), nil
	}
	if from == "" {
		from = "geokg-out"
	}
	return outdir.Open(from, func(err error) { fmt.Fprintln(f.IO.Err, "geokg: skipped:", err) })
}

// ImportSink opens where an import writes: nothing for --dry-run, Neo4j
// when configured, else the output folder. warn gets the parts of docs
// left out of the folder's graph.
func (f *factory) ImportSink(ctx context.Context, opts *importOptions, log *slog.Logger, warn func(error)) (importSink, error) {
	switch {
	case opts.DryRun:
		return discardSink{}, nil
	case opts.Neo4j.URI != "":
		gw, err := f.Writer(ctx, opts.Neo4j, log)
		if err != nil {
			return nil, err
		}
		return neo4jSink{gw, opts.Neo4j.destination()}, nil
	}
	w, err := outdir.New(opts.Out, outdir.Options{Force: opts.Force, Resume: opts.Resume})
	if err != nil {
		return nil, err
	}
	w.GraphOptions = opts.Neo4j.graphOptions()
	w.GraphOptions.Unasserted = opts.AllModes || opts.Neo4j.Unasserted
	w.Warn = warn
	return folderSink{w, warn}, nil
}

// interval is the progress interval, def unless ProgressInterval is set.
func (f *factory) interval(def time.Duration) time.Duration {
	if f.ProgressInterval > 0 {
		return f.ProgressInterval
	}
	return def
}
