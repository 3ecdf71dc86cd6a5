package main

import (
	"fmt"
	"log/slog"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graphmodel"
)

// neo4jOptions are the connection settings shared by every command that
// talks to Neo4j. They read the same environment variables as Neo4j's own
// tools.
type neo4jOptions struct {
	URI      string
	Username string
	Password string
	Database string
	// BatchSize, RetryTime and Unasserted tune the writer of the commands
	// that load (import, load).
	BatchSize  int
	RetryTime  time.Duration
	Unasserted bool
	// EventWindow is --event-window: how many days apart two reports of
	// one source, type and target may be and be one event.
	EventWindow int
}

// graphOptions returns how the loaded docs become graph rows.
func (o neo4jOptions) graphOptions() graphmodel.GraphOptions {
	window := o.EventWindow
	if window == 0 {
		window = -1 // GraphOptions' zero is the default window
	}
	return graphmodel.GraphOptions{Unasserted: o.Unasserted, EventWindow: window}
}

// neo4jFlags returns the connection flags that fill o.
func neo4jFlags(o *neo4jOptions) []cli.Flag {
	const cat = "Neo4j"
	return []cli.Flag{
		&cli.StringFlag{Name: "neo4j-uri", Category: cat, EnvVars: []string{"NEO4J_URI"}, Destination: &o.URI,
			Usage: "Neo4j `URI` (neo4j://, bolt://, +s and +ssc schemes)"},
		&cli.StringFlag{Name: "neo4j-username", Category: cat, EnvVars: []string{"NEO4J_USERNAME"}, Value: "neo4j", Destination: &o.Username,
			Usage: "Neo4j user `NAME`"},
		&cli.StringFlag{Name: "neo4j-password", Category: cat, EnvVars: []string{"NEO4J_PASSWORD"}, Destination: &o.Password,
			Usage: "Neo4j `PASSWORD` (prefer the environment variable: flags show in ps)"},
		&cli.StringFlag{Name: "neo4j-database", Category: cat, EnvVars: []string{"NEO4J_DATABASE"}, Destination: &o.Database,
			Usage: "Neo4j database `NAME` (default: the server's default database)"},
	}
}

// neo4jLoadFlags returns the flags that tune the writer, for the commands
// that load articles (import, load) and only those.
func neo4jLoadFlags(o *neo4jOptions) []cli.Flag {
	const cat = "Neo4j"
	return []cli.Flag{
		&cli.IntFlag{Name: "neo4j-batch-size", Category: cat, Value: graph.DefaultBatchSize, Destination: &o.BatchSize,
			Usage: "events per write transaction"},
		&cli.DurationFlag{Name: "neo4j-retry-time", Category: cat, Value: graph.DefaultRetryTime, Destination: &o.RetryTime,
			Usage: "how long a write is retried while Neo4j is restarting or deadlocked before the job fails"},
		&cli.BoolFlag{Name: "include-unasserted", Category: cat, Destination: &o.Unasserted,
			Usage: "also load negated and hypothetical relations as events (asserted: false); they never count in the typed edges"},
		&cli.IntFlag{Name: "event-window", Category: "Events", Value: graphmodel.DefaultEventWindow, Destination: &o.EventWindow,
			Usage: "`DAYS` apart two day-dated reports of one source, type and target may be and still be one event (0: the same day only); use one value per graph",
			Action: func(_ *cli.Context, n int) error {
				if n < 0 {
					return fmt.Errorf("--event-window %d: want 0 or more days", n)
				}
				return nil
			}},
	}
}

// config is the connection's and the writer's configuration.
func (o neo4jOptions) config(log *slog.Logger) graph.Config {
	return graph.Config{
		URI:       o.URI,
		Username:  o.Username,
		Password:  o.Password,
		Database:  o.Database,
		BatchSize: o.BatchSize,
		RetryTime: o.RetryTime,
		Graph:     o.graphOptions(),
		Logger:    log,
	}
}

// destination names the graph for summaries: the URI and the database.
func (o neo4jOptions) destination() string {
	db := o.Database
	if db == "" {
		db = "default database"
	}
	return graph.RedactURI(o.URI) + " (" + db + ")"
}
