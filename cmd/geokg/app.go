package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"

	"github.com/urfave/cli/v2"
)

// Exit codes: 0 success, 1 the job ran but something failed, 2 the command
// was used wrongly.
const (
	exitOK      = 0
	exitFailed  = 1
	exitUsage   = 2
	appUsage    = "turn news articles into a knowledge graph of geopolitical actors"
	appDescribe = `geokg finds countries, people, organizations and armed groups in news
articles, resolves every name to one actor, and extracts the PLOVER-typed
relations between them ("Russia backs Assad" = SUPPORT). The graph goes to
Neo4j when NEO4J_URI (or --neo4j-uri) is set, else to a local folder.`
)

// streams are the command's standard streams; tests pass buffers.
type streams struct {
	In  io.Reader
	Out io.Writer // data: JSON lines, tables, summaries
	Err io.Writer // status: progress, warnings, errors
}

// usageError marks a wrong invocation (exit code 2).
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// jobFailedError marks a job that finished but had failures (exit code 1);
// its details were already printed.
type jobFailedError struct {
	failed int    // inputs that failed
	files  int    // of which whole files; the others are articles (records)
	unit   string // what the others are; "" means "article"
}

func (e jobFailedError) Error() string {
	var parts []string
	if e.files > 0 {
		parts = append(parts, plural(e.files, "file"))
	}
	if n := e.failed - e.files; n > 0 || e.files == 0 {
		parts = append(parts, plural(n, cmp.Or(e.unit, "article")))
	}
	return strings.Join(parts, " and ") + " failed; see the messages above"
}

// newApp builds the command tree. Each command lives in its own file: a
// constructor newXCmd(f) whose flags fill an options struct, and a run
// function that takes the factory (what it opens) and the options.
func newApp(f *factory) *cli.App {
	io := f.IO
	return &cli.App{
		Name:                 "geokg",
		Usage:                appUsage,
		Description:          appDescribe,
		Version:              versionString(),
		Reader:               io.In,
		Writer:               io.Out,
		ErrWriter:            io.Err,
		EnableBashCompletion: true,
		HideHelpCommand:      true,
		Commands: []*cli.Command{
			newImportCmd(f),
			newExtractCmd(f),
			newEvalCmd(f),
			newLoadCmd(f),
			newSchemaCmd(f),
			newQueryCmd(f),
			newAlliancesCmd(f),
			newViewCmd(f),
			newExportCmd(f),
			newBrowserStyleCmd(f),
			newVersionCmd(f),
		},
		OnUsageError: func(_ *cli.Context, err error, _ bool) error {
			return usageError{err}
		},
		ExitErrHandler: func(*cli.Context, error) {}, // run maps errors to codes
	}
}

// run executes the command line and maps its error to an exit code.
func run(ctx context.Context, args []string, in io.Reader, out, errw io.Writer) int {
	f := newFactory(streams{In: in, Out: out, Err: errw})
	app := newApp(f)
	err := app.RunContext(ctx, hoistFlags(app, args))
	f.close(ctx)
	if err == nil {
		return exitOK
	}
	var ue usageError
	var jf jobFailedError
	switch {
	case errors.As(err, &jf):
		fmt.Fprintln(errw, "geokg:", err)
		return exitFailed
	case errors.As(err, &ue), isFlagError(err):
		fmt.Fprintln(errw, "geokg:", err)
		fmt.Fprintln(errw, "Run 'geokg --help' for usage.")
		return exitUsage
	default:
		fmt.Fprintln(errw, "geokg:", err)
		return exitFailed
	}
}

// isFlagError recognizes urfave/cli's errors for unknown commands and flags,
// which it does not type.
func isFlagError(err error) bool {
	var ee cli.ExitCoder
	if errors.As(err, &ee) {
		return false
	}
	msg := err.Error()
	for _, p := range []string{"flag provided but not defined", "No help topic for", "invalid value", "Required flag"} {
		if strings.Contains(msg, p) {
			return true
		}
	}
	return false
}

// newLogger returns the logger for status messages on stderr.
func newLogger(w io.Writer, format string, quiet bool) *slog.Logger {
	level := slog.LevelInfo
	if quiet {
		level = slog.LevelWarn
	}
	opts := &slog.HandlerOptions{Level: level}
	if format == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}
