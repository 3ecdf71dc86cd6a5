package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/geokg/geokg/graphdata"
	"github.com/geokg/geokg/query"
	"github.com/geokg/geokg/schema"
)

// queryOptions are the settings shared by the `geokg query` commands.
type queryOptions struct {
	JSON, CSV     bool
	Since, Until  string
	Level         string
	MinConfidence float64
	Limit         int
	Neo4j         neo4jOptions
	// per command
	ByMonth  bool
	Types    string
	MaxHops  int
	By       string
	Type     string
	Params   cli.StringSlice
	Write    bool
	Window   string
	window   query.Window
	resolved []query.Actor
}

func newQueryCmd(f *factory) *cli.Command {
	opts := &queryOptions{}
	limitFlag := func(def int, what string) cli.Flag {
		return &cli.IntFlag{Name: "limit", Aliases: []string{"n"}, Value: def, Destination: &opts.Limit, Usage: "at most `N` " + what}
	}
	has := func(flags []cli.Flag, name string) bool {
		return slices.ContainsFunc(flags, func(f cli.Flag) bool { return slices.Contains(f.Names(), name) })
	}
	// common adds to a command's own flags the shared ones: --limit unless
	// it has its own, and the event selection unless it reads no events
	// (cypher: any statement) or has its own --level (blocs).
	common := func(extra ...cli.Flag) []cli.Flag {
		flags := []cli.Flag{
			&cli.BoolFlag{Name: "json", Destination: &opts.JSON, Usage: "print JSON (an array of objects)"},
			&cli.BoolFlag{Name: "csv", Destination: &opts.CSV, Usage: "print CSV with a header row"},
		}
		if !has(extra, "limit") {
			flags = append(flags, limitFlag(20, "rows"))
		}
		flags = append(flags, extra...)
		flags = append(flags, windowFlags(&opts.Since, &opts.Until)...)
		if !has(extra, "level") && !has(extra, "param") {
			flags = append(flags, selectionFlags(&opts.Level, &opts.MinConfidence)...)
		}
		return append(flags, neo4jFlags(&opts.Neo4j)...)
	}
	actorCmd := func(name, usage, args string, nargs int, extra []cli.Flag, run func(ctx context.Context, c *query.Client, ids []query.Actor) (*query.Table, error)) *cli.Command {
		return &cli.Command{
			Name: name, Usage: usage, ArgsUsage: args, Flags: common(extra...),
			Action: func(c *cli.Context) error {
				if c.NArg() != nargs {
					return usageError{fmt.Errorf("query %s: want %s", name, args)}
				}
				return runQuery(c.Context, f, opts, c.Args().Slice(), run)
			},
		}
	}
	return &cli.Command{
		Name:  "query",
		Usage: "ask the graph in Neo4j: allies, rivals, dyad, path, top, blocs, cypher",
		Description: `Actor arguments accept an id ("RUS"), a name ("Russia") or any alias seen in
an article ("Moscow", "the Kremlin", "Putin"); an ambiguous name lists the
actors it could mean. Output is an aligned table, or --json / --csv.

Examples:
   geokg query allies "Bashar al-Assad"
   geokg query rivals --since 2017-01-01 Qatar
   geokg query dyad --by-month Russia Turkey
   geokg query dyad --level state --min-confidence 0.6 Russia Turkey
   geokg query path --types SUPPORT,AID Putin Assad
   geokg query top --since 2016-01-01 --until 2016-12-31
   geokg query blocs --window 2016
   geokg query cypher --param id=RUS 'MATCH (a:Actor {id: $id}) RETURN a.name'`,
		Subcommands: []*cli.Command{
			actorCmd("allies", "actors with the most cooperation events with ACTOR", "ACTOR", 1, nil,
				func(ctx context.Context, c *query.Client, a []query.Actor) (*query.Table, error) {
					return c.Allies(ctx, a[0].ID, opts.window, opts.Limit)
				}),
			actorCmd("rivals", "actors with the most conflict events with ACTOR", "ACTOR", 1, nil,
				func(ctx context.Context, c *query.Client, a []query.Actor) (*query.Table, error) {
					return c.Rivals(ctx, a[0].ID, opts.window, opts.Limit)
				}),
			actorCmd("dyad", "timeline of the events between two actors, with evidence", "ACTOR ACTOR", 2,
				[]cli.Flag{&cli.BoolFlag{Name: "by-month", Destination: &opts.ByMonth, Usage: "one row per month and quad class"}},
				func(ctx context.Context, c *query.Client, a []query.Actor) (*query.Table, error) {
					return c.Dyad(ctx, a[0].ID, a[1].ID, opts.window, opts.ByMonth, opts.Limit)
				}),
			actorCmd("path", "shortest chains of typed relations between two actors, hop by hop", "ACTOR ACTOR", 2,
				[]cli.Flag{
					&cli.StringFlag{Name: "types", Destination: &opts.Types, Usage: "walk only these PLOVER `TYPES` (comma-separated)"},
					&cli.IntFlag{Name: "max-hops", Value: 4, Destination: &opts.MaxHops, Usage: "longest chain, 1..8"},
					limitFlag(5, "chains"),
				},
				func(ctx context.Context, c *query.Client, a []query.Actor) (*query.Table, error) {
					var names []string
					if opts.Types != "" {
						names = strings.Split(opts.Types, ",")
					}
					types, err := query.PathTypes(names)
					if err != nil {
						return nil, usageError{fmt.Errorf("--types: %w", err)}
					}
					return c.Path(ctx, a[0].ID, a[1].ID, opts.window, types, opts.MaxHops, opts.Limit)
				}),
			actorCmd("top", "the most central actors of a time window (PageRank, degree, events)", "", 0,
				[]cli.Flag{
					&cli.StringFlag{Name: "by", Value: "pagerank", Destination: &opts.By, Usage: "order by pagerank, degree or events"},
					&cli.StringFlag{Name: "type", Destination: &opts.Type, Usage: "only actors of `TYPE` (COUNTRY, PERSON, ORGANIZATION, GROUP)"},
				},
				func(ctx context.Context, c *query.Client, _ []query.Actor) (*query.Table, error) {
					by := query.Centrality(opts.By)
					if by != query.ByPageRank && by != query.ByDegree && by != query.ByEvents {
						return nil, usageError{fmt.Errorf("--by %q: want pagerank, degree or events", opts.By)}
					}
					var t schema.ActorType
					if opts.Type != "" {
						var err error
						if t, err = schema.ParseActorType(strings.ToUpper(opts.Type)); err != nil {
							return nil, usageError{err}
						}
					}
					return c.Top(ctx, opts.window, by, t, nil, opts.Limit)
				}),
			actorCmd("blocs", "the blocs of an alignment window (written by geokg alliances)", "", 0,
				[]cli.Flag{
					&cli.StringFlag{Name: "window", Value: "all", Destination: &opts.Window, Usage: "alignment `WINDOW`: all, 2016, …"},
					&cli.StringFlag{Name: "level", Value: string(graphdata.ActorLevel), Destination: &opts.Level,
						Usage: "the actors' blocs (actor) or the states' (state; geokg alliances --level state)"},
				},
				func(ctx context.Context, c *query.Client, _ []query.Actor) (*query.Table, error) {
					return c.Blocs(ctx, opts.Window, opts.window.Level, opts.Limit)
				}),
			{
				Name: "cypher", Usage: "run any Cypher (read-only unless --write)", ArgsUsage: "'MATCH …'",
				Flags: common(
					&cli.StringSliceFlag{Name: "param", Aliases: []string{"p"}, Destination: &opts.Params,
						Usage: "parameter `NAME=VALUE` (repeatable); VALUE is JSON when it parses (42, true, [1,2], \"x\"), else a string"},
					&cli.BoolFlag{Name: "write", Destination: &opts.Write, Usage: "allow the query to change the graph"},
				),
				Action: func(c *cli.Context) error {
					if c.NArg() != 1 {
						return usageError{errors.New("query cypher: want one Cypher statement (quote it)")}
					}
					params, err := parseParams(opts.Params.Value())
					if err != nil {
						return usageError{err}
					}
					stmt := c.Args().First()
					err = runQuery(c.Context, f, opts, nil, func(ctx context.Context, cl *query.Client, _ []query.Actor) (*query.Table, error) {
						return cl.Cypher(ctx, stmt, params, opts.Write)
					})
					if errors.Is(err, query.ErrWriteQuery) {
						return fmt.Errorf("%w: add --write to run it", err)
					}
					return err
				},
			},
		},
	}
}

// parseParams reads --param NAME=VALUE pairs.
func parseParams(pairs []string) (map[string]any, error) {
	params := map[string]any{}
	for _, p := range pairs {
		name, value, ok := strings.Cut(p, "=")
		if !ok || name == "" {
			return nil, fmt.Errorf("--param %q: want NAME=VALUE", p)
		}
		var v any
		if err := json.Unmarshal([]byte(value), &v); err != nil {
			v = value
		}
		if f, ok := v.(float64); ok && f == float64(int64(f)) && !strings.ContainsAny(value, ".eE") {
			v = int64(f)
		}
		params[name] = v
	}
	return params, nil
}

// runQuery resolves the actor arguments, runs the query and prints it.
func runQuery(ctx context.Context, f *factory, opts *queryOptions, names []string, run func(context.Context, *query.Client, []query.Actor) (*query.Table, error)) error {
	if opts.JSON && opts.CSV {
		return usageError{errors.New("query: --json and --csv exclude each other")}
	}
	since, until, err := parseWindow(opts.Since, opts.Until)
	if err != nil {
		return err
	}
	level, err := parseSelection(opts.Level, opts.MinConfidence)
	if err != nil {
		return err
	}
	opts.window = query.Window{Since: since, Until: until, Level: level, MinConfidence: opts.MinConfidence}
	conn, err := f.Conn(ctx, opts.Neo4j)
	if err != nil {
		return err
	}
	c := query.New(conn)
	io := f.IO
	var actors []query.Actor
	for _, n := range names {
		a, note, err := c.Resolve(ctx, n)
		var amb *query.AmbiguousError
		if errors.As(err, &amb) {
			return usageError{err}
		}
		if err != nil {
			return err
		}
		if note != "" {
			fmt.Fprintln(io.Err, "geokg: note:", note)
		}
		if level == graphdata.StateLevel && a.Type == string(schema.Person) {
			fmt.Fprintf(io.Err, "geokg: note: at --level state a person's events count for the state they act for: ask for that state, not %s\n", a.Name)
		}
		actors = append(actors, a)
	}
	t, err := run(ctx, c, actors)
	if err != nil {
		return err
	}
	for _, n := range t.Notes {
		fmt.Fprintln(io.Err, "geokg: note:", n)
	}
	format := query.Aligned
	switch {
	case opts.JSON:
		format = query.JSON
	case opts.CSV:
		format = query.CSV
	}
	if len(t.Rows) == 0 && format == query.Aligned {
		fmt.Fprintln(io.Err, "geokg: no rows")
		return nil
	}
	return t.Write(io.Out, format)
}
