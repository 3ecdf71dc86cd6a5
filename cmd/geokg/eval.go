package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"

	"github.com/urfave/cli/v2"

	"github.com/geokg/geokg/evaluation"
)

// evalOptions are the settings of `geokg eval`.
type evalOptions struct {
	Gold, Pred          string
	JSON, Errors, Check bool
	// Extract is how the gold's articles are extracted when no PRED is
	// given.
	Extract extractOptions
}

func newEvalCmd(f *factory) *cli.Command {
	opts := &evalOptions{}
	var actors, predicates cli.StringSlice
	return &cli.Command{
		Name:      "eval",
		Usage:     "score extraction against a gold folder of annotated articles",
		ArgsUsage: "GOLD_DIR [PRED.jsonl|-]",
		Description: `Compares extraction results with a gold folder (NAME.txt and NAME.json per
article, see docs/evaluation.md) and prints precision, recall and F1 with
tp/pred/gold at six levels: actors, relation pairs, typed, directed, quad
class and roles — the numbers ../shared/eval/score.py gives. PRED is a
file of 'geokg extract' output (or - for standard input); without it, eval
extracts the gold folder's articles itself, as
geokg extract --include '*.txt' GOLD_DIR does. --errors lists per article
the missed and spurious actors, relations (with their evidence) and roles.

Examples:
   geokg eval my-sample/
   geokg eval --errors my-sample/ pred.jsonl
   geokg eval --check my-sample/
   geokg eval --json --actors my-actors.csv my-sample/`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "errors", Destination: &opts.Errors,
				Usage: "list the missed and spurious actors, relations and roles of each article"},
			&cli.BoolFlag{Name: "json", Destination: &opts.JSON, Usage: "print score.py's --json object (with --errors, an \"errors\" list too)"},
			&cli.BoolFlag{Name: "check", Destination: &opts.Check, Usage: "only check the gold files against the format"},
			actorsFlag(&actors),
			predicatesFlag(&predicates),
			allModesFlag(&opts.Extract.AllModes),
			&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Value: runtime.NumCPU(), Destination: &opts.Extract.Workers,
				Usage: "number of articles extracted in parallel (without PRED)"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() < 1 || c.NArg() > 2 || (opts.Check && c.NArg() != 1) {
				return usageError{errors.New("eval: want GOLD_DIR [PRED], or --check GOLD_DIR")}
			}
			opts.Gold, opts.Pred = c.Args().Get(0), c.Args().Get(1)
			opts.Extract.Actors, opts.Extract.Predicates = actors.Value(), predicates.Value()
			return runEval(c.Context, f, opts)
		},
	}
}

// runEval scores the predictions, or geokg's own extraction, against the
// gold folder.
func runEval(ctx context.Context, f *factory, opts *evalOptions) error {
	io := f.IO
	gold, problems, err := evaluation.ReadGold(opts.Gold)
	if err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	if opts.Check {
		actors, relations := 0, 0
		for _, a := range gold.Articles {
			actors, relations = actors+len(a.Actors), relations+len(a.Relations)
		}
		for _, p := range problems {
			fmt.Fprintln(io.Out, p)
		}
		fmt.Fprintf(io.Out, "%d articles, %d actors, %d relations, %d problems\n", len(gold.Articles), actors, relations, len(problems))
	}
	if len(problems) > 0 {
		if !opts.Check {
			for _, p := range problems {
				fmt.Fprintf(io.Err, "geokg: %s: %s\n", opts.Gold, p)
			}
		}
		return fmt.Errorf("eval: gold %s has %d problem(s); fix them first", opts.Gold, len(problems))
	}
	if opts.Check {
		return nil
	}
	preds, extractErr := evalPredictions(ctx, f, opts)
	var failed jobFailedError
	if extractErr != nil && !errors.As(extractErr, &failed) {
		return extractErr
	}
	res := evaluation.Score(gold, preds)
	switch {
	case opts.JSON:
		err = evaluation.WriteJSON(io.Out, res, opts.Errors)
	case opts.Errors:
		if err = evaluation.WriteErrors(io.Out, res); err == nil {
			err = evaluation.WriteTable(io.Out, res)
		}
	default:
		err = evaluation.WriteTable(io.Out, res)
	}
	if err != nil {
		return err
	}
	return extractErr // articles that failed to extract are scored as predicting nothing
}

// evalPredictions reads PRED, or extracts the gold folder's articles the
// way `geokg extract --include '*.txt' GOLD_DIR` does.
func evalPredictions(ctx context.Context, fac *factory, opts *evalOptions) (evaluation.Predictions, error) {
	io := fac.IO
	switch opts.Pred {
	case "-":
		return evaluation.ReadPredictions(io.In, "standard input")
	case "":
	default:
		f, err := os.Open(opts.Pred)
		if err != nil {
			return nil, fmt.Errorf("eval: %w", err)
		}
		defer f.Close()
		return evaluation.ReadPredictions(f, opts.Pred)
	}
	x := opts.Extract
	x.Paths = []string{opts.Gold}
	if err := extractInputs(&x.Input, "--include", "*.txt"); err != nil {
		return nil, err
	}
	var out bytes.Buffer
	extractErr := runExtract(ctx, fac.redirected(streams{In: io.In, Out: &out, Err: io.Err}), &x)
	var failed jobFailedError
	if extractErr != nil && !errors.As(extractErr, &failed) {
		return nil, extractErr
	}
	preds, err := evaluation.ReadPredictions(&out, "extraction of "+opts.Gold)
	if err != nil {
		return nil, err
	}
	return preds, extractErr
}

// extractInputs sets in as extract's input flags set it from args, so
// that eval reads the articles with extract's own defaults.
func extractInputs(in *inputOptions, args ...string) error {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	for _, f := range inputFlags(in) {
		if err := f.Apply(fs); err != nil {
			return err
		}
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	in.fill()
	return nil
}
