package main

import (
	"context"
	"errors"
	"fmt"
	"runtime"

	"github.com/urfave/cli/v2"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/nlp"
	"github.com/geokg/geokg/outdir"
	"github.com/geokg/geokg/pipeline"
	"github.com/geokg/geokg/source"
)

// importOptions are the settings of `geokg import`.
type importOptions struct {
	Paths     []string
	Out       string
	Workers   int
	Limit     int
	FailFast  bool
	Resume    bool
	Quiet     bool
	LogFormat string
	Neo4j     neo4jOptions
}

func newImportCmd(io streams) *cli.Command {
	opts := &importOptions{}
	return &cli.Command{
		Name:      "import",
		Usage:     "extract actors and relations from articles and load them into the graph",
		ArgsUsage: "PATH...",
		Description: `Reads articles from files and folders, extracts actors and relations,
and writes the graph to Neo4j when --neo4j-uri (NEO4J_URI) is set, else
to the output folder (--out).

Example:
   geokg import examples/articles
   NEO4J_URI=bolt://localhost:7687 NEO4J_PASSWORD=secret geokg import news/`,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Value: "geokg-out", Destination: &opts.Out,
				Usage: "output `DIR` when no Neo4j is configured"},
			&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Value: runtime.NumCPU(), Destination: &opts.Workers,
				Usage: "number of articles extracted in parallel"},
			&cli.IntFlag{Name: "limit", Destination: &opts.Limit, Usage: "stop after `N` articles (0: all)"},
			&cli.BoolFlag{Name: "fail-fast", Destination: &opts.FailFast, Usage: "stop at the first article that fails"},
			&cli.BoolFlag{Name: "resume", Destination: &opts.Resume,
				Usage: "skip articles already completely in the Neo4j graph (by content hash)"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Destination: &opts.Quiet, Usage: "print only warnings, errors and the summary"},
			&cli.StringFlag{Name: "log-format", Value: "text", Destination: &opts.LogFormat, Usage: "status log format: text or json"},
		}, neo4jFlags(&opts.Neo4j)...),
		Action: func(c *cli.Context) error {
			opts.Paths = c.Args().Slice()
			if len(opts.Paths) == 0 {
				return usageError{errors.New("import: name at least one file or folder")}
			}
			return runImport(c.Context, io, opts)
		},
	}
}

// runImport runs the import job and prints its summary.
func runImport(ctx context.Context, io streams, opts *importOptions) error {
	log := newLogger(io.Err, opts.LogFormat, opts.Quiet)
	x, err := nlp.New(nlp.Config{})
	if err != nil {
		return err
	}
	var sink pipeline.Sink
	var dest string
	var src pipeline.Source = source.NewReader(opts.Paths...)
	var resumed *graph.Resume
	if opts.Neo4j.URI != "" {
		gw, err := opts.Neo4j.open(ctx, log)
		if err != nil {
			return err
		}
		sink, dest = gw, opts.Neo4j.destination()
		if opts.Resume {
			resumed = gw.SkipLoaded(src)
			src = resumed
		}
	} else {
		if opts.Resume {
			return usageError{errors.New("import: --resume needs Neo4j (--neo4j-uri or NEO4J_URI)")}
		}
		w, err := outdir.Create(opts.Out)
		if err != nil {
			return err
		}
		sink, dest = w, w.Dir()
	}
	log.Info("import started", "inputs", len(opts.Paths), "destination", dest, "jobs", opts.Workers)
	sum, err := pipeline.Run(ctx, src, x, sink, pipeline.Config{
		Workers:  opts.Workers,
		Limit:    opts.Limit,
		FailFast: opts.FailFast,
		OnError:  func(err error) { log.Error(err.Error()) },
	})
	if resumed != nil {
		log.Info("resume: skipped articles already in the graph", "articles", resumed.Skipped())
	}
	printSummary(io.Out, sum, dest)
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	if sum.Failed > 0 {
		return jobFailedError{failed: sum.Failed}
	}
	return nil
}
