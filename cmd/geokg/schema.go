package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/geokg/geokg/graphmodel"
)

// schemaOptions are the settings of `geokg schema`.
type schemaOptions struct {
	Neo4j neo4jOptions
}

func newSchemaCmd(f *factory) *cli.Command {
	opts := &schemaOptions{}
	return &cli.Command{
		Name:  "schema",
		Usage: "create the graph's constraints and indexes in Neo4j, or print them",
		Subcommands: []*cli.Command{
			{
				Name:  "apply",
				Usage: "create the constraints and indexes (idempotent) and record the schema version",
				Description: `Creates the uniqueness constraints on every id, the indexes (including a
range index on Event.date and a full-text index on actor names and
aliases) and records the schema version. Safe to run any number of times;
import and load do it themselves when the graph needs it.

Example:
   NEO4J_URI=bolt://localhost:7687 NEO4J_PASSWORD=secret geokg schema apply`,
				Flags: neo4jFlags(&opts.Neo4j),
				Action: func(c *cli.Context) error {
					if opts.Neo4j.URI == "" {
						return usageError{errors.New("schema apply: set --neo4j-uri or NEO4J_URI")}
					}
					return runSchemaApply(c.Context, f, opts)
				},
			},
			{
				Name:  "show",
				Usage: "print the Cypher that creates the constraints and indexes",
				Action: func(*cli.Context) error {
					return runSchemaShow(f.IO)
				},
			},
		},
	}
}

// runSchemaApply applies the schema and reports the version.
func runSchemaApply(ctx context.Context, f *factory, opts *schemaOptions) error {
	w, err := f.Writer(ctx, opts.Neo4j, nil)
	if err != nil {
		return err
	}
	if err := w.ApplySchema(ctx); err != nil {
		return err
	}
	_, err = fmt.Fprintf(f.IO.Out, "graph schema version %d applied to %s\n", graphmodel.SchemaVersion, opts.Neo4j.destination())
	return err
}

// runSchemaShow prints the schema statements as a cypher-shell script.
func runSchemaShow(io streams) error {
	fmt.Fprintf(io.Out, "// geokg graph schema version %d\n", graphmodel.SchemaVersion)
	for _, s := range graphmodel.SchemaStatements {
		fmt.Fprintf(io.Out, "%s;\n", s)
	}
	// The version is a constant of this program, not input: safe to write in.
	_, err := fmt.Fprintf(io.Out, "MERGE (s:GraphSchema {name: 'geokg'}) SET s.version = %d;\n", graphmodel.SchemaVersion)
	return err
}
