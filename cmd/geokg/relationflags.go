package main

import (
	"github.com/urfave/cli/v2"

	"github.com/geokg/geokg/nlp"
)

// predicatesFlag is --predicates FILE, the user's predicate lexicons (see
// docs/relations.md), repeatable; later files override earlier ones and
// the built-in lexicon.
func predicatesFlag(dest *cli.StringSlice) cli.Flag {
	return &cli.StringSliceFlag{Name: "predicates", Destination: dest,
		Usage: "add or override relation cues with the lexicon `FILE` (TSV; repeatable; see docs/relations.md)"}
}

// allModesFlag is --all-modes: keep negated and hypothetical relations,
// which are not asserted and left out by default.
func allModesFlag(dest *bool) cli.Flag {
	return &cli.BoolFlag{Name: "all-modes", Destination: dest,
		Usage: "also output negated and hypothetical relations (marked in their modes)"}
}

// withRelations adds the relation settings to an extractor configuration.
func withRelations(cfg nlp.Config, predicates []string, allModes bool) nlp.Config {
	cfg.PredicateFiles = predicates
	cfg.AllModes = allModes
	return cfg
}
