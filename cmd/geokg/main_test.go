package main

import (
	"context"
	"flag"
	"os"
	"testing"
)

// update rewrites the golden files of the package's tests instead of
// comparing against them: go test ./cmd/geokg/ -update.
var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// runMainEnv makes the test binary act as the geokg command, so that tests
// can run it in a pseudo-terminal.
const runMainEnv = "GEOKG_TEST_RUN_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(runMainEnv) == "1" {
		os.Exit(run(context.Background(), os.Args, os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}
