package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime"

	"github.com/urfave/cli/v2"

	"github.com/geokg/geokg/jsonl"
	"github.com/geokg/geokg/pipeline"
)

// extractOptions are the settings of `geokg extract`.
type extractOptions struct {
	Paths   []string
	Actors  []string
	Format  string
	Workers int
	// Predicates are user predicate lexicons; AllModes keeps negated and
	// hypothetical relations.
	Predicates []string
	AllModes   bool
	Input      inputOptions
}

func newExtractCmd(f *factory) *cli.Command {
	opts := &extractOptions{}
	var actors, predicates cli.StringSlice
	return &cli.Command{
		Name:      "extract",
		Usage:     "print the actors and relations of articles as JSON lines",
		ArgsUsage: "PATH...",
		Description: `Prints one JSON object per article on standard output: its path, title,
date, actors (with every mention's code-point offsets) and relations.
Messages about unreadable, skipped or repaired inputs go to standard error.
It reads every input format that import reads (see docs/inputs.md).

Examples:
   geokg extract examples/articles > pred.jsonl
   geokg extract --include '*.txt' ../shared/eval/dev > pred.jsonl`,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "format", Value: "jsonl", Destination: &opts.Format, Usage: "output format: jsonl"},
			actorsFlag(&actors),
			predicatesFlag(&predicates),
			allModesFlag(&opts.AllModes),
			&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Value: runtime.NumCPU(), Destination: &opts.Workers,
				Usage: "number of articles extracted in parallel"},
		}, inputFlags(&opts.Input)...),
		Action: func(c *cli.Context) error {
			opts.Paths = c.Args().Slice()
			opts.Input.fill()
			opts.Actors = actors.Value()
			opts.Predicates = predicates.Value()
			if len(opts.Paths) == 0 {
				return usageError{errors.New("extract: name at least one file or folder")}
			}
			if opts.Format != "jsonl" {
				return usageError{fmt.Errorf("extract: --format %q: want jsonl", opts.Format)}
			}
			return runExtract(c.Context, f, opts)
		},
	}
}

// runExtract streams extraction results to standard output.
func runExtract(ctx context.Context, f *factory, opts *extractOptions) error {
	io := f.IO
	maxSize, err := opts.Input.validate()
	if err != nil {
		return usageError{fmt.Errorf("extract: %w", err)}
	}
	x, err := f.Extractor(withRelations(nlpConfig(opts.Actors), opts.Predicates, opts.AllModes))
	if err != nil {
		return err
	}
	src := opts.Input.reader(opts.Paths, io.In, maxSize)
	// Problems are reported as import reports them: the same lines.
	rep, err := newReporter(newLineLogger(io.Err, slog.LevelInfo), false, "")
	if err != nil {
		return err
	}
	src.Warn = rep.warned
	sum, err := pipeline.Run(ctx, src, x, jsonl.NewWriter(io.Out), pipeline.Config{
		Workers:   opts.Workers,
		BatchSize: 1,
		OnError:   rep.failed,
		OnSkip:    rep.skipped,
	})
	if err != nil {
		return fmt.Errorf("extract: %w", err)
	}
	if sum.Failed > 0 {
		files, _ := rep.failures()
		return jobFailedError{failed: sum.Failed, files: files}
	}
	return nil
}
