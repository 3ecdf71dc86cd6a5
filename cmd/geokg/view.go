package main

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"

	"github.com/urfave/cli/v2"

	"github.com/geokg/geokg/graphdata"
	"github.com/geokg/geokg/outdir"
	"github.com/geokg/geokg/view"
)

// viewOptions are the settings of `geokg view`.
type viewOptions struct {
	Out, From, Title string
	Since, Until     string
	Level            string
	MinConfidence    float64
	AllModes         bool
	MaxEvents        int
	Neo4j            neo4jOptions
}

func newViewCmd(f *factory) *cli.Command {
	opts := &viewOptions{}
	return &cli.Command{
		Name:  "view",
		Usage: "write the graph as one self-contained, interactive HTML file",
		Description: `Opens on the alignment of actors: allies green, rivals red (width: the
decayed net cooperation), actors coloured by bloc inside a hull, per time
window (all, each year, each month) with a slider that animates who changed
bloc, a weak-edge threshold, and SVG/PNG export. The Events mode (#events)
draws actors (coloured by type) and their relations (coloured by quad
class), with filters by time window, actor type and quad class. Click a
line to read its evidence sentences. The file needs no server or network. Reads the --from folder (docs.jsonl of an import),
else Neo4j when --neo4j-uri is set, else ./geokg-out.

Examples:
   geokg view --from geokg-out --out graph.html
   NEO4J_URI=bolt://localhost:7687 geokg view --since 2016-01-01 --out 2016.html
   geokg view --from geokg-out --level state --out states.html   (persons' events count for their states)`,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Value: "graph.html", Destination: &opts.Out, Usage: "HTML `FILE` to write"},
			&cli.StringFlag{Name: "from", Destination: &opts.From, Usage: "read the output `DIR` of an import (or a docs JSON-lines file)"},
			&cli.StringFlag{Name: "title", Destination: &opts.Title, Usage: "page title"},
			&cli.BoolFlag{Name: "all-modes", Destination: &opts.AllModes, Usage: "also draw negated and hypothetical events"},
			&cli.IntFlag{Name: "max-events", Value: view.DefaultMaxEvents, Destination: &opts.MaxEvents,
				Usage: "keep the `N` most recent events (-1: all)"},
		}, slices.Concat(windowFlags(&opts.Since, &opts.Until), selectionFlags(&opts.Level, &opts.MinConfidence), neo4jFlags(&opts.Neo4j))...),
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usageError{fmt.Errorf("view: unexpected argument %q (use --from DIR)", c.Args().First())}
			}
			return runView(c.Context, f, opts)
		},
	}
}

func runView(ctx context.Context, f *factory, opts *viewOptions) error {
	since, until, err := parseWindow(opts.Since, opts.Until)
	if err != nil {
		return err
	}
	level, err := parseSelection(opts.Level, opts.MinConfidence)
	if err != nil {
		return err
	}
	src, err := f.GraphSource(ctx, opts.From, opts.Neo4j)
	if err != nil {
		return err
	}
	io := f.IO
	d, err := view.WriteFile(ctx, opts.Out, graphdata.AtLevel(src, level), view.Options{Title: opts.Title, MaxEvents: opts.MaxEvents,
		Filter: graphdata.Filter{Since: since, Until: until, AllModes: opts.AllModes, MinConfidence: opts.MinConfidence}})
	if err != nil {
		return fmt.Errorf("view: %w", err)
	}
	fmt.Fprintf(io.Out, "wrote %s: %d actors, %d events", opts.Out, len(d.Actors), len(d.Events))
	if d.Dropped > 0 {
		fmt.Fprintf(io.Out, " (%d older events left out; raise --max-events)", d.Dropped)
	}
	fmt.Fprintln(io.Out)
	return nil
}

// writeFolderView draws the graph of an import's output folder into the
// folder, so every import leaves a picture to open.
func writeFolderView(ctx context.Context, dir string, warn func(error)) error {
	src, err := outdir.Open(dir, warn)
	if err != nil {
		return err
	}
	// WriteFile's errors name the file.
	_, err = view.WriteFile(ctx, filepath.Join(dir, outdir.ViewFile), src, view.Options{Title: "geokg: " + filepath.Base(dir)})
	return err
}
