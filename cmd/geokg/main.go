// Command geokg turns news articles into a knowledge graph of geopolitical
// actors and the relations between them, in Neo4j or a local folder.
//
// The command only wires flags to packages. Each command lives in its own
// file: newXCmd(f) declares its flags, which fill an options struct, and
// runX(ctx, f, opts) does the job. What a command opens or takes from the
// environment — the standard streams, the clock, the extractor, the Neo4j
// connection, the writer and reader on it, an import's sink — comes from
// the factory (factory.go), made on first use and closed when the command
// ends; tests pass a factory with fakes. Shared flag groups have their own
// files (neo4jflags.go, windowflags.go, inputflags.go, …).
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args, os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
