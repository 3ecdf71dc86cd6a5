package main

import (
	"context"
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/geokg/geokg/graphdata"
	"github.com/geokg/geokg/outdir"
	"github.com/geokg/geokg/query"
	"github.com/geokg/geokg/schema"
)

// windowFlags are --since and --until.
func windowFlags(since, until *string) []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "since", Destination: since, Usage: "only events on or after `YYYY-MM-DD`"},
		&cli.StringFlag{Name: "until", Destination: until, Usage: "only events on or before `YYYY-MM-DD`"},
	}
}

// parseWindow checks --since and --until.
func parseWindow(since, until string) (schema.Date, schema.Date, error) {
	s, err := schema.ParseDate(since)
	if err != nil {
		return s, s, usageError{fmt.Errorf("--since: %w", err)}
	}
	u, err := schema.ParseDate(until)
	if err != nil {
		return s, u, usageError{fmt.Errorf("--until: %w", err)}
	}
	if !s.IsZero() && !u.IsZero() && u.Time().Before(s.Time()) {
		return s, u, usageError{fmt.Errorf("--until %s is before --since %s", until, since)}
	}
	return s, u, nil
}

// openQueryClient connects to the Neo4j of the flags.
func openQueryClient(ctx context.Context, o neo4jOptions) (*query.Client, error) {
	if o.URI == "" {
		return nil, usageError{fmt.Errorf("no Neo4j to ask: set --neo4j-uri or NEO4J_URI")}
	}
	return query.Open(ctx, query.Config{URI: o.URI, Username: o.Username, Password: o.Password, Database: o.Database})
}

// openGraphSource picks where view and export read: the --from folder,
// else Neo4j when configured, else the default output folder.
func openGraphSource(ctx context.Context, io streams, from string, o neo4jOptions) (graphdata.Source, func(), error) {
	if from == "" && o.URI != "" {
		c, err := openQueryClient(ctx, o)
		if err != nil {
			return nil, nil, err
		}
		return graphdata.Neo4j{Driver: c.Driver(), Database: c.Database()}, func() { c.Close(context.WithoutCancel(ctx)) }, nil
	}
	if from == "" {
		from = "geokg-out"
	}
	src, err := outdir.Open(from, func(err error) { fmt.Fprintln(io.Err, "geokg: skipped:", err) })
	if err != nil {
		return nil, nil, err
	}
	return src, func() {}, nil
}
