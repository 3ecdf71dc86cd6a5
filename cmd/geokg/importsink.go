package main

import (
	"context"
	"log/slog"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/outdir"
	"github.com/geokg/geokg/pipeline"
	"github.com/geokg/geokg/schema"
)

// importSink is where an import writes its docs, and what the job asks of
// it besides writing: where it is, how to resume, what it committed, and
// how to finish. The factory opens one (factory.ImportSink).
type importSink interface {
	pipeline.Sink
	// Where names the output in the log and the summary; "" for none.
	Where() string
	// Resume returns src without the articles the sink already holds, and
	// how many it has left out so far (for --resume).
	Resume(ctx context.Context, src pipeline.Source, log *slog.Logger) (pipeline.Source, func() int, error)
	// Written fills in js what the sink committed of the job's sum, of
	// which extractFailed articles failed extraction (after Close).
	Written(js *jobSummary, sum pipeline.Summary, extractFailed int)
	// Finish keeps the job's summary where the sink keeps such things
	// (after Close).
	Finish(ctx context.Context, js jobSummary) error
}

// discardSink writes nothing, for --dry-run.
type discardSink struct{}

func (discardSink) WriteBatch(context.Context, []schema.Doc) error { return nil }
func (discardSink) Close(context.Context) error                    { return nil }
func (discardSink) Where() string                                  { return "" }
func (discardSink) Written(*jobSummary, pipeline.Summary, int)     {}
func (discardSink) Finish(context.Context, jobSummary) error       { return nil }

// Resume leaves src as it is: a dry run holds nothing.
func (discardSink) Resume(_ context.Context, src pipeline.Source, _ *slog.Logger) (pipeline.Source, func() int, error) {
	return src, func() int { return 0 }, nil
}

// neo4jSink is an import into Neo4j.
type neo4jSink struct {
	*graph.Writer
	dest string // the redacted URI and the database
}

func (s neo4jSink) Where() string                            { return s.dest }
func (s neo4jSink) Finish(context.Context, jobSummary) error { return nil }

// Resume skips the articles completely in the graph (by content hash).
func (s neo4jSink) Resume(_ context.Context, src pipeline.Source, _ *slog.Logger) (pipeline.Source, func() int, error) {
	r := s.SkipLoaded(src)
	return r, r.Skipped, nil
}

// Written counts what the writer committed: it commits in transactions
// larger than the pipeline's batches, in the background, so only that is
// written.
func (s neo4jSink) Written(js *jobSummary, sum pipeline.Summary, extractFailed int) {
	js.Written = s.Stats().Docs
	js.NotWritten = max(0, sum.Read-extractFailed-js.Written)
	_, js.NotWrittenFrom = s.Unwritten()
}

// folderSink is an import into an output folder.
type folderSink struct {
	*outdir.Writer
	warn func(error) // parts of docs left out of the picture
}

func (s folderSink) Where() string                              { return s.Dir() }
func (s folderSink) Written(*jobSummary, pipeline.Summary, int) {}

// Resume writes again what an interrupted run left in the folder, and
// skips those articles.
func (s folderSink) Resume(ctx context.Context, src pipeline.Source, log *slog.Logger) (pipeline.Source, func() int, error) {
	n, err := s.Replay(ctx)
	if err != nil {
		return nil, nil, err
	}
	log.Info("resume: kept the articles already in the folder", "articles", n)
	r := s.Skip(src)
	return r, r.Skipped, nil
}

// Finish writes summary.json and draws graph.html. An interrupted or
// failed job's folder is complete for the articles it wrote (the pipeline
// closed the sink): they describe and draw those.
func (s folderSink) Finish(ctx context.Context, js jobSummary) error {
	err := s.WriteSummary(js)
	if verr := writeFolderView(context.WithoutCancel(ctx), s.Dir(), s.warn); err == nil {
		err = verr
	}
	return err
}
