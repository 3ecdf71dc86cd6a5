package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/nlp"
	"github.com/geokg/geokg/outdir"
	"github.com/geokg/geokg/pipeline"
)

// importOptions are the settings of `geokg import`.
type importOptions struct {
	Paths      []string
	FilesFrom  string
	Out        string
	Workers    int
	Limit      int
	FailFast   bool
	Resume     bool
	Force      bool
	DryRun     bool
	Quiet      bool
	LogFormat  string
	ErrorsFile string
	Input      inputOptions
	Actors     []string
	Predicates []string
	AllModes   bool // also load negated and hypothetical relations (as events, not edges)
	Neo4j      neo4jOptions

	// Seams for tests; nil means the real thing.
	newExtractor     func() (pipeline.Extractor, error)
	now              func() time.Time
	terminal         func() bool   // is standard error a terminal
	progressInterval time.Duration // 0: 200ms for the bar, 10s for log lines

	warn func(error) // the reporter's, once the job runs
}

func newImportCmd(io streams) *cli.Command {
	opts := &importOptions{}
	var actors, predicates cli.StringSlice
	return &cli.Command{
		Name:      "import",
		Usage:     "extract actors and relations from articles and load them into the graph",
		ArgsUsage: "PATH...",
		Description: `Reads articles from files and folders (recursively), extracts actors and
relations, and writes the graph to Neo4j when --neo4j-uri (NEO4J_URI) is
set, else to the output folder (--out). "-" reads standard input.

Formats, by extension (any of them also .gz): .txt .md .html .json
.jsonl/.ndjson .csv .tsv .rss/.atom/.xml. See docs/inputs.md.

A bad input never stops the job: it gets one line on standard error
naming the file (and line) and the reason, is counted in the summary, and
with --errors FILE is written there as a JSON line; rerun just those with
--files-from FILE. Exit status: 0 all read, 1 some input failed, 2 usage.

Examples:
   geokg import examples/articles
   geokg import -j 2 --errors errors.jsonl news/ archive.jsonl.gz
   geokg import --include '*.html' --exclude 'drafts/**' scraped/
   curl -s https://example.org/feed.rss | geokg import -
   NEO4J_URI=bolt://localhost:7687 NEO4J_PASSWORD=secret geokg import news/`,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Value: "geokg-out", Destination: &opts.Out,
				Usage: "output `DIR` when no Neo4j is configured"},
			&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Value: runtime.NumCPU(), Destination: &opts.Workers,
				Usage: "number of articles extracted in parallel"},
			&cli.IntFlag{Name: "limit", Destination: &opts.Limit, Usage: "stop after `N` articles (0: all)"},
			&cli.BoolFlag{Name: "dry-run", Destination: &opts.DryRun, Usage: "extract and report, write nothing"},
			&cli.BoolFlag{Name: "fail-fast", Destination: &opts.FailFast, Usage: "stop at the first input that fails"},
			&cli.BoolFlag{Name: "resume", Destination: &opts.Resume,
				Usage: "skip articles already completely in the graph: in Neo4j, or in the --out folder of an interrupted run (by content hash)"},
			&cli.BoolFlag{Name: "force", Destination: &opts.Force,
				Usage: "write into a non-empty --out folder that geokg did not make"},
			&cli.StringFlag{Name: "errors", Destination: &opts.ErrorsFile,
				Usage: "write every failed, skipped or repaired input to `FILE` as JSON lines"},
			&cli.StringFlag{Name: "files-from", Destination: &opts.FilesFrom,
				Usage: "read paths from `FILE`, one a line, or the failed ones of an --errors file (- for stdin)"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Destination: &opts.Quiet, Usage: "print only warnings, errors and the summary"},
			&cli.StringFlag{Name: "log-format", Value: "text", Destination: &opts.LogFormat, Usage: "status log format: text or json"},
			actorsFlag(&actors),
			predicatesFlag(&predicates),
			allModesFlag(&opts.AllModes),
		}, append(inputFlags(&opts.Input), append(neo4jFlags(&opts.Neo4j), neo4jLoadFlags(&opts.Neo4j)...)...)...),
		Action: func(c *cli.Context) error {
			opts.Paths = c.Args().Slice()
			opts.Input.fill()
			opts.Actors = actors.Value()
			opts.Predicates = predicates.Value()
			return runImport(c.Context, io, opts)
		},
	}
}

// runImport runs the import job and prints its summary.
func runImport(ctx context.Context, io streams, opts *importOptions) error {
	maxSize, err := opts.validate()
	if err != nil {
		return usageError{fmt.Errorf("import: %w", err)}
	}
	if opts.FilesFrom != "" {
		more, err := readFilesFrom(opts.FilesFrom, io.In)
		if err != nil {
			return usageError{fmt.Errorf("import: %w", err)}
		}
		opts.Paths = append(opts.Paths, more...)
		if len(opts.Paths) == 0 {
			return usageError{fmt.Errorf("import: --files-from %s names no failed input", opts.FilesFrom)}
		}
	}
	now := opts.now
	if now == nil {
		now = time.Now
	}
	terminal := !opts.Quiet && opts.LogFormat == "text" && (opts.terminal != nil && opts.terminal() ||
		opts.terminal == nil && isTerminal(io.Err))

	src := opts.Input.reader(opts.Paths, io.In, maxSize)
	src.Ignore = []string{opts.Out, opts.ErrorsFile}

	// Status lines go through the progress bar on a terminal, so that
	// they print above it.
	var bar *progress
	statusOut := io.Err
	if terminal {
		bar = startBar(io.Err, now, src.BytesRead, opts.interval(200*time.Millisecond))
		statusOut = bar
	}
	log := importLogger(statusOut, opts)
	rep, err := newReporter(log, opts.LogFormat == "json", opts.ErrorsFile)
	if err != nil {
		bar.finish()
		return err
	}
	src.Warn = rep.warned
	opts.warn = rep.warnedDoc

	x, sink, output, err := opts.open(ctx, log)
	if err != nil {
		bar.finish()
		rep.close()
		return err
	}
	actors := countActors(sink)
	var articles pipeline.Source = src
	var resumed interface{ Skipped() int }
	if gw, ok := sink.(*graph.Writer); ok && opts.Resume {
		r := gw.SkipLoaded(src)
		resumed, articles = r, r
	}
	if w, ok := sink.(*outdir.Writer); ok && opts.Resume {
		n, err := w.Replay(ctx)
		if err != nil {
			bar.finish()
			rep.close()
			return err
		}
		log.Info("resume: kept the articles already in the folder", "articles", n)
		r := w.Skip(src)
		resumed, articles = r, r
	}

	var ticker *progress
	switch {
	case terminal:
		ticker = bar
	case !opts.Quiet:
		ticker = startLog(log, now, src.BytesRead, opts.interval(10*time.Second))
	}
	if ticker != nil {
		sizeCtx, stopSize := context.WithCancel(ctx)
		defer stopSize()
		go func() { ticker.setTotal(src.Size(sizeCtx)) }()
	}

	log.Info("import started", "inputs", len(opts.Paths), "output", orNone(output), "jobs", opts.Workers)
	if slices.Contains(opts.Paths, "-") && isTerminal(io.In) {
		log.Warn("reading articles from the terminal (standard input); end with Ctrl-D, or pipe a file in")
	}
	sum, runErr := pipeline.Run(ctx, articles, x, actors, pipeline.Config{
		Workers:  opts.Workers,
		Limit:    opts.Limit,
		FailFast: opts.FailFast,
		OnError:  rep.failed,
		OnSkip:   rep.skipped,
		OnProgress: func(s pipeline.Summary) {
			if ticker != nil {
				ticker.update(s)
			}
		},
		Now: now,
	})
	ticker.finish()
	closeErr := rep.close()
	if resumed != nil {
		log.Info("resume: skipped articles already in the graph", "articles", resumed.Skipped())
	}

	js := newJobSummary(sum, actors, rep, output)
	js.ErrorsFile = opts.ErrorsFile
	files, extractFailed := rep.failures()
	if gw, ok := sink.(*graph.Writer); ok {
		// The writer commits in transactions larger than the pipeline's
		// batches, in the background: only what it committed is written.
		js.Written = gw.Stats().Docs
		js.NotWritten = max(0, sum.Read-extractFailed-js.Written)
		_, js.NotWrittenFrom = gw.Unwritten()
	}
	if resumed != nil {
		js.addResumed(resumed.Skipped())
	}
	switch {
	case errors.Is(runErr, context.Canceled):
		js.Stopped = "interrupted; the articles written so far are kept: run the same command with --resume to finish the job"
	case runErr != nil:
		js.Stopped = runErr.Error()
	}
	// An interrupted or failed job's folder is complete for the articles
	// it wrote (the pipeline closed the sink): describe and draw those.
	if w, ok := sink.(*outdir.Writer); ok {
		if err := w.WriteSummary(js); err != nil && closeErr == nil {
			closeErr = err
		}
		if err := writeFolderView(context.WithoutCancel(ctx), w.Dir(), opts.warn); err != nil && closeErr == nil {
			closeErr = err
		}
	}
	printSummary(io.Out, js)
	if opts.LogFormat == "json" {
		log.Info("import finished", "summary", jsonValue(js))
	}
	switch {
	case runErr != nil:
		return fmt.Errorf("import: %w", runErr)
	case closeErr != nil:
		return closeErr
	case sum.Failed > 0:
		return jobFailedError{failed: sum.Failed, files: files}
	}
	return nil
}

// validate checks the options that the job cannot start without and
// returns the article size limit in bytes.
func (opts *importOptions) validate() (int64, error) {
	if len(opts.Paths) == 0 && opts.FilesFrom == "" {
		return 0, errors.New("name at least one file or folder (or - for standard input, or --files-from)")
	}
	if opts.LogFormat != "text" && opts.LogFormat != "json" {
		return 0, fmt.Errorf("--log-format %q: want text or json", opts.LogFormat)
	}
	if opts.Resume && opts.DryRun {
		return 0, errors.New("--resume and --dry-run exclude each other: a dry run writes nothing to resume")
	}
	if opts.Workers < 1 {
		return 0, fmt.Errorf("--jobs %d: want at least 1", opts.Workers)
	}
	if opts.Limit < 0 {
		return 0, fmt.Errorf("--limit %d: want 0 (all) or more", opts.Limit)
	}
	return opts.Input.validate()
}

// open builds the extractor and the sink, and says where the graph goes
// ("" for --dry-run).
func (opts *importOptions) open(ctx context.Context, log *slog.Logger) (pipeline.Extractor, pipeline.Sink, string, error) {
	newExtractor := opts.newExtractor
	if newExtractor == nil {
		newExtractor = func() (pipeline.Extractor, error) {
			return nlp.New(withRelations(nlpConfig(opts.Actors), opts.Predicates, opts.AllModes))
		}
	}
	x, err := newExtractor()
	if err != nil {
		return nil, nil, "", err
	}
	switch {
	case opts.DryRun:
		return x, discardSink{}, "", nil
	case opts.Neo4j.URI != "":
		gw, err := opts.Neo4j.open(ctx, log)
		if err != nil {
			return nil, nil, "", err
		}
		return x, gw, opts.Neo4j.destination(), nil
	}
	w, err := outdir.New(opts.Out, outdir.Options{Force: opts.Force, Resume: opts.Resume})
	if err != nil {
		return nil, nil, "", err
	}
	w.GraphOptions = opts.Neo4j.graphOptions()
	w.GraphOptions.Unasserted = opts.AllModes || opts.Neo4j.Unasserted
	w.Warn = opts.warn
	return x, w, w.Dir(), nil
}

// interval is the progress interval, def unless a test set one.
func (opts *importOptions) interval(def time.Duration) time.Duration {
	if opts.progressInterval > 0 {
		return opts.progressInterval
	}
	return def
}

// importLogger logs status lines: plain lines, or JSON objects with
// --log-format json; --quiet keeps warnings and errors.
func importLogger(w io.Writer, opts *importOptions) *slog.Logger {
	level := slog.LevelInfo
	if opts.Quiet {
		level = slog.LevelWarn
	}
	if opts.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{Level: level}))
	}
	return newLineLogger(w, level)
}

// parseSize reads "2MiB", "512KB", "1.5M" or a number of bytes.
func parseSize(s string) (int64, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"GIB", 1 << 30}, {"MIB", 1 << 20}, {"KIB", 1 << 10}, {"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10},
		{"G", 1 << 30}, {"M", 1 << 20}, {"K", 1 << 10}, {"B", 1}} {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.mult
			break
		}
	}
	f, err := strconv.ParseFloat(t, 64)
	if err != nil || f <= 0 {
		return 0, fmt.Errorf("%q: want a size such as 2MiB, 500KB or 1048576", s)
	}
	return int64(f * float64(mult)), nil
}

func orNone(s string) string {
	if s == "" {
		return "none (--dry-run)"
	}
	return s
}

// jsonValue logs v as a nested JSON object.
func jsonValue(v any) slog.Value {
	b, err := json.Marshal(v)
	if err != nil {
		return slog.StringValue(err.Error())
	}
	return slog.AnyValue(json.RawMessage(b))
}
