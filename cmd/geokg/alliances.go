package main

import (
	"context"
	"fmt"
	"slices"
	"text/tabwriter"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/geokg/geokg/alliance"
	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graphdata"
	"github.com/geokg/geokg/schema"
)

// alliancesOptions are the settings of `geokg alliances`.
type alliancesOptions struct {
	Since, Until  string
	Level         string
	MinConfidence float64
	HalfLife      time.Duration
	ByYear        bool
	Show          int
	Neo4j         neo4jOptions
}

func newAlliancesCmd(f *factory) *cli.Command {
	opts := &alliancesOptions{}
	return &cli.Command{
		Name:  "alliances",
		Usage: "score each dyad's net cooperation and write ALIGNMENT edges to Neo4j",
		Description: `For each pair of actors, sums the PLOVER scores of their events (either
way round) in the window, each decayed by its age at the window's end with
the given half-life, and writes (:Actor)-[:ALIGNMENT {window, score, raw,
events, cooperation, conflict, first, last, since, until, half_life_days}]->(:Actor).
A window's edges are replaced on every run. --by-year writes one window per
calendar year ("2015", "2016", …), so shifts are one query. Beside each
ALIGNMENT edge goes an ALLIED_WITH (score > 0) or OPPOSED_TO (score < 0)
edge with the same window, score, events and top_types, which Neo4j Browser
colours apart; and the window's actors are partitioned into blocs by signed
modularity: (:Actor)-[:IN_BLOC {window}]->(:Bloc) (see geokg query blocs).
Rival-to-ally shifts:
   MATCH (a)-[x:ALIGNMENT {window:'2015'}]->(b), (a)-[y:ALIGNMENT {window:'2016'}]->(b)
   WHERE x.score < 0 AND y.score > 0 RETURN a.name, b.name, x.score, y.score

Examples:
   geokg alliances                                   (window "all")
   geokg alliances --since 2016-01-01 --until 2016-12-31 --half-life 2160h
   geokg alliances --by-year
   geokg alliances --level state      (states' alignment, beside the actors')`,
		Flags: append([]cli.Flag{
			&cli.DurationFlag{Name: "half-life", Value: alliance.DefaultHalfLife, Destination: &opts.HalfLife,
				Usage: "age at which an event counts half (0: no decay)"},
			&cli.BoolFlag{Name: "by-year", Destination: &opts.ByYear, Usage: "one window per calendar year of the data"},
			&cli.IntFlag{Name: "show", Value: 5, Destination: &opts.Show, Usage: "print the `N` strongest alliances and rivalries of each window"},
		}, slices.Concat(windowFlags(&opts.Since, &opts.Until), selectionFlags(&opts.Level, &opts.MinConfidence), neo4jFlags(&opts.Neo4j))...),
		Action: func(c *cli.Context) error { return runAlliances(c.Context, f, opts) },
	}
}

func runAlliances(ctx context.Context, f *factory, opts *alliancesOptions) error {
	since, until, err := parseWindow(opts.Since, opts.Until)
	if err != nil {
		return err
	}
	level, err := parseSelection(opts.Level, opts.MinConfidence)
	if err != nil {
		return err
	}
	c, err := f.Conn(ctx, opts.Neo4j)
	if err != nil {
		return err
	}
	var events []alliance.Event
	var latest schema.Date
	read := alliance.Window{Since: since, Until: until, Level: level, MinConfidence: opts.MinConfidence}
	if err := alliance.ReadEvents(ctx, graph.NewReader(c), read, func(e alliance.Event) {
		events = append(events, e)
		if !e.Date.IsZero() && (latest.IsZero() || e.Date.Time().After(latest.Time())) {
			latest = e.Date
		}
	}); err != nil {
		return fmt.Errorf("alliances: read events: %w", err)
	}
	windows := []alliance.Window{{Since: since, Until: until, Level: level}}
	if opts.ByYear {
		years := map[int]bool{}
		for _, e := range events {
			if !e.Date.IsZero() {
				years[e.Date.Time().Year()] = true
			}
		}
		windows = windows[:0]
		for y := 1900; y <= 2200; y++ {
			if years[y] {
				w := alliance.Year(y)
				w.Level = level
				windows = append(windows, w)
			}
		}
		if len(windows) == 0 {
			return fmt.Errorf("alliances: --by-year: no dated events in the graph")
		}
	}
	tw := tabwriter.NewWriter(f.IO.Out, 0, 0, 2, ' ', 0)
	for _, w := range windows {
		s := alliance.NewScorer(w, opts.HalfLife, latest)
		for _, e := range events {
			s.Add(e)
		}
		als := s.Alignments()
		n, err := alliance.Write(ctx, c, w, opts.HalfLife, als)
		if err != nil {
			return fmt.Errorf("alliances: %w", err)
		}
		blocs := alliance.Blocs(als, alliance.BlocOptions{})
		nb, err := alliance.WriteBlocs(ctx, c, w, blocs)
		if err != nil {
			return fmt.Errorf("alliances: %w", err)
		}
		name, blocsFlags := w.Name(), ""
		if level == graphdata.StateLevel {
			name, blocsFlags = name+" (state level)", " --level state"
		}
		fmt.Fprintf(tw, "window %s: %d ALIGNMENT edges written (ALLIED_WITH/OPPOSED_TO beside them), %s (frustration %.3f; geokg query blocs --window %s%s)\n",
			name, n, plural(nb, "bloc"), blocs.Frustration, w.Name(), blocsFlags)
		show := func(title string, list []alliance.Alignment) {
			if len(list) == 0 {
				return
			}
			fmt.Fprintf(tw, "  %s\tscore\tevents\tcoop\tconflict\n", title)
			for _, a := range list {
				fmt.Fprintf(tw, "  %s – %s\t%.2f\t%d\t%d\t%d\n", a.A, a.B, a.Score, a.Events, a.Cooperation, a.Conflict)
			}
		}
		var allies, rivals []alliance.Alignment
		for i := 0; i < len(als) && len(allies) < opts.Show && als[i].Score > 0; i++ {
			allies = append(allies, als[i])
		}
		for i := len(als) - 1; i >= 0 && len(rivals) < opts.Show && als[i].Score < 0; i-- {
			rivals = append(rivals, als[i])
		}
		show("strongest alliances", allies)
		show("strongest rivalries", rivals)
	}
	return tw.Flush()
}
