package main

import (
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/geokg/geokg/graphdata"
	"github.com/geokg/geokg/schema"
)

// windowFlags are --since and --until.
func windowFlags(since, until *string) []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "since", Destination: since, Usage: "only events on or after `YYYY-MM-DD`"},
		&cli.StringFlag{Name: "until", Destination: until, Usage: "only events on or before `YYYY-MM-DD`"},
	}
}

// selectionFlags are --level and --min-confidence, which every command
// that counts events takes.
func selectionFlags(level *string, minConfidence *float64) []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "level", Value: string(graphdata.ActorLevel), Destination: level,
			Usage: "count events for the actors (actor) or the states and organizations they act for (state)"},
		&cli.Float64Flag{Name: "min-confidence", Destination: minConfidence,
			Usage: "leave out events whose extractor confidence is below `C` (0..1)"},
	}
}

// parseSelection checks --level and --min-confidence.
func parseSelection(level string, minConfidence float64) (graphdata.Level, error) {
	l, err := graphdata.ParseLevel(level)
	if err != nil {
		return l, usageError{fmt.Errorf("--%w", err)}
	}
	if minConfidence < 0 || minConfidence > 1 {
		return l, usageError{fmt.Errorf("--min-confidence %g: want 0..1", minConfidence)}
	}
	return l, nil
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
