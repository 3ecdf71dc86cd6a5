package main

import (
	"github.com/urfave/cli/v2"

	"github.com/geokg/geokg/nlp"
)

// actorsFlag is --actors FILE, the user's actor dictionaries (CSV or YAML,
// see docs/actors.md), repeatable; later files override earlier ones.
func actorsFlag(dest *cli.StringSlice) cli.Flag {
	return &cli.StringSliceFlag{Name: "actors", Destination: dest,
		Usage: "add or override actors with the dictionary `FILE` (.csv or .yaml; repeatable; see docs/actors.md)"}
}

// nlpConfig is the extractor configuration the commands share.
func nlpConfig(actorFiles []string) nlp.Config {
	return nlp.Config{ActorFiles: actorFiles}
}
