package main

import "github.com/urfave/cli/v2"

// neo4jOptions are the connection settings shared by every command that
// talks to Neo4j. They read the same environment variables as Neo4j's own
// tools.
type neo4jOptions struct {
	URI      string
	Username string
	Password string
	Database string
}

// neo4jFlags returns the flags that fill o.
func neo4jFlags(o *neo4jOptions) []cli.Flag {
	const cat = "Neo4j"
	return []cli.Flag{
		&cli.StringFlag{Name: "neo4j-uri", Category: cat, EnvVars: []string{"NEO4J_URI"}, Destination: &o.URI,
			Usage: "Neo4j `URI` (neo4j://, bolt://, +s and +ssc schemes); unset means write to the output folder"},
		&cli.StringFlag{Name: "neo4j-username", Category: cat, EnvVars: []string{"NEO4J_USERNAME"}, Value: "neo4j", Destination: &o.Username,
			Usage: "Neo4j user `NAME`"},
		&cli.StringFlag{Name: "neo4j-password", Category: cat, EnvVars: []string{"NEO4J_PASSWORD"}, Destination: &o.Password,
			Usage: "Neo4j `PASSWORD` (prefer the environment variable: flags show in ps)"},
		&cli.StringFlag{Name: "neo4j-database", Category: cat, EnvVars: []string{"NEO4J_DATABASE"}, Destination: &o.Database,
			Usage: "Neo4j database `NAME` (default: the server's default database)"},
	}
}
