package main

import (
	"fmt"

	"github.com/urfave/cli/v2"

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
