package main

import (
	"context"
	"errors"
	"fmt"
	stdio "io"
	"os"
	"slices"

	"github.com/urfave/cli/v2"

	"github.com/geokg/geokg/export"
	"github.com/geokg/geokg/graphdata"
)

// exportOptions are the settings of `geokg export`.
type exportOptions struct {
	Format, Out, From string
	Since, Until      string
	Level             string
	MinConfidence     float64
	AllModes          bool
	KeepUndated       bool
	Neo4j             neo4jOptions
}

func newExportCmd(f *factory) *cli.Command {
	opts := &exportOptions{}
	return &cli.Command{
		Name:  "export",
		Usage: "write the graph as GraphML, PLOVER JSON, a GDELT-like table or neo4j-admin CSVs",
		Description: `Formats:
   graphml      actors and aggregated typed edges, for Gephi, Cytoscape, NetworkX
   plover-json  one PLOVER event record per line (id, date, source, recipient,
                event, quad_code, event_scale, text, cite_info, geokg_* fields)
   gdelt-tsv    one event per row with GDELT-style columns (actor codes, PLOVER
                type, quad class, score, date, source URL) and the evidence
   csv          a folder of neo4j-admin import files plus import.sh (--out DIR)

Reads the --from folder (an import's output), else Neo4j when --neo4j-uri is
set, else ./geokg-out. Writes to --out, or standard output.

Undated events (articles without a date): plover-json and gdelt-tsv, whose
records need a date, leave them out unless --keep-undated; graphml and csv,
which carry the whole graph, keep them. Every format says how many there are.

--level state writes each event between the states or organizations its
actors act for (events within one state drop out); --min-confidence leaves
out the events the extractor was less sure of.

Examples:
   geokg export --format graphml --from geokg-out --out graph.graphml
   geokg export --format gdelt-tsv --level state --min-confidence 0.6 --out events.tsv
   geokg export --format csv --out bulk/ && bulk/import.sh neo4j`,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Required: true, Destination: &opts.Format,
				Usage: "graphml, plover-json, gdelt-tsv or csv"},
			&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Destination: &opts.Out, Usage: "output `FILE` (a folder for csv); default standard output"},
			&cli.StringFlag{Name: "from", Destination: &opts.From, Usage: "read the output `DIR` of an import (or a docs JSON-lines file)"},
			&cli.BoolFlag{Name: "all-modes", Destination: &opts.AllModes, Usage: "also export negated and hypothetical events"},
			&cli.BoolFlag{Name: "keep-undated", Destination: &opts.KeepUndated, Usage: "plover-json, gdelt-tsv: write undated events with an empty date (graphml and csv always keep them)"},
		}, slices.Concat(windowFlags(&opts.Since, &opts.Until), selectionFlags(&opts.Level, &opts.MinConfidence), neo4jFlags(&opts.Neo4j))...),
		Action: func(c *cli.Context) error {
			if _, err := export.ParseFormat(opts.Format); err != nil {
				return usageError{fmt.Errorf("export: --format: %w", err)}
			}
			if opts.Format == string(export.AdminCSV) && opts.Level == string(graphdata.StateLevel) {
				return usageError{errors.New("export: --format csv writes the graph itself, whose events are the actors'; import it and ask with --level state")}
			}
			if opts.Format == string(export.AdminCSV) && opts.Out == "" {
				return usageError{errors.New("export: --format csv writes several files: name a folder with --out")}
			}
			return runExport(c.Context, f, opts)
		},
	}
}

func runExport(ctx context.Context, fac *factory, opts *exportOptions) (err error) {
	since, until, err := parseWindow(opts.Since, opts.Until)
	if err != nil {
		return err
	}
	level, err := parseSelection(opts.Level, opts.MinConfidence)
	if err != nil {
		return err
	}
	src, err := fac.GraphSource(ctx, opts.From, opts.Neo4j)
	if err != nil {
		return err
	}
	src = graphdata.AtLevel(src, level)
	io := fac.IO
	f := graphdata.Filter{Since: since, Until: until, AllModes: opts.AllModes, MinConfidence: opts.MinConfidence}
	var st export.Stats
	if export.Format(opts.Format) == export.AdminCSV {
		st, err = export.WriteAdminCSV(ctx, opts.Out, src, f)
	} else {
		var w stdio.Writer = io.Out
		if opts.Out != "" {
			fh, err := os.Create(opts.Out)
			if err != nil {
				return fmt.Errorf("export: %w", err)
			}
			defer func() {
				if cerr := fh.Close(); err == nil && cerr != nil {
					err = fmt.Errorf("export: %w", cerr)
				}
			}()
			w = fh
		}
		switch export.Format(opts.Format) {
		case export.GraphML:
			st, err = export.WriteGraphML(ctx, w, src, f)
		case export.PLOVER:
			st, err = export.WritePLOVER(ctx, w, src, f, export.PLOVEROptions{Coder: "geokg " + versionString(), KeepUndated: opts.KeepUndated})
		case export.GDELT:
			st, err = export.WriteGDELT(ctx, w, src, f, export.GDELTOptions{KeepUndated: opts.KeepUndated})
		}
	}
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	fmt.Fprintf(io.Err, "geokg: exported %d events, %d actors, %d typed edges as %s", st.Events, st.Actors, st.Relations, opts.Format)
	if opts.Out != "" {
		fmt.Fprintf(io.Err, " to %s", opts.Out)
	}
	fmt.Fprintln(io.Err)
	switch {
	case st.Skipped > 0:
		fmt.Fprintf(io.Err, "geokg: %d events left out: %s\n", st.Skipped, st.SkipReason)
	case st.Undated > 0:
		fmt.Fprintf(io.Err, "geokg: %d undated events written without a date\n", st.Undated)
	}
	return nil
}
