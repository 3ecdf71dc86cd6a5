// Package outdir owns the output folder of an import — the embedded
// default when no Neo4j is configured — so a job never needs a server to
// run. It has two sides:
//
//   - the create side, Writer, a pipeline sink: the extraction results
//     (docs.jsonl, what `geokg load` reads), the graph as JSON lines, a
//     cypher-shell script (package export/cypherscript) and neo4j-admin
//     import CSVs (package export/admincsv), all built from the graph
//     model of package graphmodel (its rows, and graphmodel.Aggregate for
//     the derived edges), so they hold the graph the Neo4j writer makes;
//     and a summary;
//   - the open side, Open: a source of the folder's docs (ReadDocs) and of
//     its graph (a graphdata.Source), for load, export, view and
//     alliances.
//
// Memory stays bounded: articles, events and mentions stream to the files
// batch by batch; only the graph's actors and its aggregated edges (which
// grow with the number of distinct actors and actor pairs, not articles)
// are kept until Close.
package outdir

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/geokg/geokg/export/admincsv"
	"github.com/geokg/geokg/export/cypherscript"
	"github.com/geokg/geokg/graphmodel"
	"github.com/geokg/geokg/internal/fsmsg"
	"github.com/geokg/geokg/jsonl"
	"github.com/geokg/geokg/pipeline"
	"github.com/geokg/geokg/schema"
)

// The files of the folder.
const (
	// DocsFile holds one schema.Doc per line: the format `geokg load`
	// reads back.
	DocsFile = "docs.jsonl"
	// GraphFile holds the graph, one node or relationship per line.
	GraphFile = "graph.jsonl"
	// CypherFile loads the graph with `cypher-shell -f load.cypher`.
	CypherFile = "load.cypher"
	// SchemaFile creates the constraints and indexes (load.cypher starts
	// with the same statements); run it after a neo4j-admin import.
	SchemaFile = "schema.cypher"
	// CSVDir holds the neo4j-admin database import files (package
	// admincsv) and their import.sh.
	CSVDir = "csv"
	// ReadmeFile says how to load the folder.
	ReadmeFile = "README.txt"
	// SummaryFile is the job summary.
	SummaryFile = "summary.json"
	// ViewFile is the standalone HTML view of the graph, drawn by the
	// caller once the folder is complete.
	ViewFile = "graph.html"
	// MarkerFile marks a folder as geokg's own, so that a later import may
	// overwrite it; a non-empty folder without it is refused (see Options).
	MarkerFile = ".geokg-out"
	// resumeFile holds the previous run's docs.jsonl while a resumed job
	// writes them again into fresh files.
	resumeFile = ".docs.jsonl.resume"
)

// ErrNotOurs says the output folder holds files that geokg did not write.
var ErrNotOurs = errors.New("the folder is not empty and was not made by geokg")

// Options say how New treats a folder that already holds files.
type Options struct {
	// Force writes into a non-empty folder that geokg did not make
	// (files of the same names are overwritten).
	Force bool
	// Resume keeps the articles of the folder's docs.jsonl: Replay writes
	// them again without extracting them, and Skip leaves them out of the
	// input, so that an interrupted job finishes where it stopped.
	Resume bool
}

// marker is the content of MarkerFile.
const marker = "This folder is written by geokg import; a new import into it replaces its files.\n"

// Writer is a pipeline sink that writes into a folder. It is not safe for
// concurrent use.
type Writer struct {
	// GraphOptions tune how docs become graph rows, as for the Neo4j
	// writer. Set it before the first WriteBatch.
	GraphOptions graphmodel.GraphOptions
	// Warn, when set, receives the relations and actors left out because
	// a doc is inconsistent.
	Warn func(error)

	dir     string
	written map[string]bool // content hashes of the articles replayed
	files   []*os.File
	bufs    []*bufio.Writer
	docs    *jsonl.Writer
	graph   *json.Encoder
	cypher  *cypherscript.Writer
	csv     *admincsv.Writer
	agg     *graphmodel.Aggregate
	closed  bool
}

// Create makes dir if needed and starts fresh files inside it: New with
// no options.
func Create(dir string) (*Writer, error) { return New(dir, Options{}) }

// New makes dir if needed, marks it as geokg's and starts fresh files
// inside it. A folder that holds files but no MarkerFile (nor the README
// of a geokg version before the marker) is refused with ErrNotOurs unless
// o.Force: it is somebody's own folder.
func New(dir string, o Options) (*Writer, error) {
	if err := claim(dir, o.Force); err != nil {
		return nil, fmt.Errorf("output folder %s: %w", dir, err)
	}
	if o.Resume {
		// A resume file left by a resumed job that was itself interrupted
		// is the complete record: the docs.jsonl beside it is a prefix.
		docs, keep := filepath.Join(dir, DocsFile), filepath.Join(dir, resumeFile)
		if _, err := os.Stat(keep); errors.Is(err, os.ErrNotExist) {
			if err := os.Rename(docs, keep); err != nil && !errors.Is(err, os.ErrNotExist) {
				return nil, fmt.Errorf("output folder %s: resume: %w", dir, err)
			}
		}
	}
	w := &Writer{dir: dir, agg: graphmodel.NewAggregate(), written: map[string]bool{}}
	docs, err := w.create(DocsFile)
	if err != nil {
		return nil, err
	}
	w.docs = jsonl.NewWriter(docs)
	graph, err := w.create(GraphFile)
	if err != nil {
		return nil, err
	}
	w.graph = json.NewEncoder(graph)
	w.graph.SetEscapeHTML(false)
	cy, err := w.create(CypherFile)
	if err != nil {
		return nil, err
	}
	if w.cypher, err = cypherscript.New(cy); err != nil {
		return nil, w.fail(err)
	}
	if w.csv, err = admincsv.Create(filepath.Join(dir, CSVDir)); err != nil {
		return nil, w.fail(fmt.Errorf("output folder %s: %w", dir, err))
	}
	return w, nil
}

// claim makes dir, or checks that geokg may write into it, and marks it.
func claim(dir string, force bool) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	case err != nil:
		return err
	case len(entries) > 0 && !force && !ours(dir):
		return fmt.Errorf("%w (it has no %s file): choose another --out, or add --force to write into it", ErrNotOurs, MarkerFile)
	}
	return os.WriteFile(filepath.Join(dir, MarkerFile), []byte(marker), 0o644)
}

// ours reports whether dir was written by geokg: it has the marker, or the
// README that versions before the marker wrote.
func ours(dir string) bool {
	if _, err := os.Stat(filepath.Join(dir, MarkerFile)); err == nil {
		return true
	}
	b, err := os.ReadFile(filepath.Join(dir, ReadmeFile))
	return err == nil && strings.HasPrefix(string(b), "This folder was written by geokg import.")
}

// Replay writes again the articles of the folder's previous docs.jsonl
// (with Options.Resume), in batches as the pipeline would, and returns how
// many. Set GraphOptions and Warn first. A last line cut off by a crash is
// left out (its article is read and extracted again).
func (w *Writer) Replay(ctx context.Context) (int, error) {
	path := filepath.Join(w.dir, resumeFile)
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("resume: %w", err)
	}
	defer f.Close()
	r := jsonl.NewReader(f, filepath.Join(w.dir, DocsFile))
	const batch = 256
	var docs []schema.Doc
	n := 0
	flush := func() error {
		n += len(docs)
		err := w.WriteBatch(ctx, docs)
		docs = docs[:0]
		return err
	}
	for {
		d, err := r.Next()
		if err == io.EOF {
			break
		}
		var pe *jsonl.ParseError
		if errors.As(err, &pe) {
			if w.Warn != nil {
				w.Warn(fmt.Errorf("resume: %w; the articles after it are read again", err))
			}
			break
		}
		if err != nil {
			return n, fmt.Errorf("resume: %w", err)
		}
		if d.Hash != "" {
			if w.written[d.Hash] {
				continue
			}
			w.written[d.Hash] = true
		}
		if docs = append(docs, d); len(docs) == batch {
			if err := flush(); err != nil {
				return n, err
			}
		}
	}
	if err := flush(); err != nil {
		return n, err
	}
	f.Close()
	if err := os.Remove(path); err != nil {
		return n, fmt.Errorf("resume: %w", err)
	}
	return n, nil
}

// Skip wraps src so that the articles Replay wrote again are left out (by
// content hash); read errors pass through.
func (w *Writer) Skip(src pipeline.Source) *Skipper { return &Skipper{src: src, w: w} }

// Skipper is the pipeline.Source Skip returns.
type Skipper struct {
	src     pipeline.Source
	w       *Writer
	skipped int
}

// Next returns the next article not yet in the folder.
func (s *Skipper) Next(ctx context.Context) (schema.Article, error) {
	for {
		a, err := s.src.Next(ctx)
		if err == nil && a.Hash != "" && s.w.written[a.Hash] {
			s.skipped++
			continue
		}
		return a, err
	}
}

// Skipped counts the articles left out so far.
func (s *Skipper) Skipped() int { return s.skipped }

// create opens a buffered file of the folder.
func (w *Writer) create(name string) (*bufio.Writer, error) {
	f, err := os.Create(filepath.Join(w.dir, name))
	if err != nil {
		return nil, w.fail(fmt.Errorf("output folder %s: %w", w.dir, err))
	}
	b := bufio.NewWriterSize(f, 64<<10)
	w.files, w.bufs = append(w.files, f), append(w.bufs, b)
	return b, nil
}

// fail closes what was opened and returns err.
func (w *Writer) fail(err error) error {
	for _, f := range w.files {
		f.Close()
	}
	w.files, w.bufs = nil, nil
	return err
}

// Dir is the folder written to.
func (w *Writer) Dir() string { return w.dir }

// WriteBatch appends docs to every file.
func (w *Writer) WriteBatch(ctx context.Context, docs []schema.Doc) error {
	if err := w.docs.WriteBatch(ctx, docs); err != nil {
		return w.writeErr(DocsFile, err)
	}
	b := graphmodel.NewGraphBatch(docs, w.GraphOptions)
	if w.Warn != nil {
		for _, p := range b.Problems {
			w.Warn(p)
		}
	}
	w.agg.Batch(&b)
	if err := w.writeGraphRows(&b); err != nil {
		return w.writeErr(GraphFile, err)
	}
	if err := w.cypher.Batch(&b); err != nil {
		return w.writeErr(CypherFile, err)
	}
	if err := w.writeCSVRows(&b); err != nil {
		return err // names the file
	}
	return nil
}

// Close writes what needs the whole corpus (actors, aggregated edges),
// the script's closing statements and the README, and closes the files.
func (w *Writer) Close(ctx context.Context) error {
	if w.closed {
		return nil
	}
	w.closed = true
	events := w.agg.Events(w.GraphOptions.Window())
	actors, relations, affiliations := w.agg.Actors(), w.agg.Relations(), w.agg.Affiliations()
	var errs []error
	if err := w.docs.Close(ctx); err != nil {
		errs = append(errs, w.writeErr(DocsFile, err))
	}
	if err := w.writeGraphTotals(actors, events, relations, affiliations); err != nil {
		errs = append(errs, w.writeErr(GraphFile, err))
	}
	if err := w.cypher.Finish(events); err != nil {
		errs = append(errs, w.writeErr(CypherFile, err))
	}
	if err := w.closeCSV(actors, events, relations, affiliations); err != nil {
		errs = append(errs, err) // names the file
	}
	for i, b := range w.bufs {
		if err := b.Flush(); err != nil {
			errs = append(errs, w.writeErr(filepath.Base(w.files[i].Name()), err))
		}
		if err := w.files[i].Close(); err != nil {
			errs = append(errs, w.writeErr(filepath.Base(w.files[i].Name()), err))
		}
	}
	for name, content := range map[string]string{SchemaFile: cypherscript.SchemaScript(), ReadmeFile: readme} {
		if err := os.WriteFile(filepath.Join(w.dir, name), []byte(content), 0o644); err != nil {
			errs = append(errs, w.writeErr(name, err))
		}
	}
	return errors.Join(errs...)
}

func (w *Writer) writeErr(name string, err error) error {
	return fmt.Errorf("write %s: %w", filepath.Join(w.dir, name), fsmsg.Reason(err, "write"))
}

// WriteSummary saves a job's summary as indented JSON.
func (w *Writer) WriteSummary(v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return fmt.Errorf("summary: %w", err)
	}
	if err := os.WriteFile(filepath.Join(w.dir, SummaryFile), append(b, '\n'), 0o644); err != nil {
		return w.writeErr(SummaryFile, err)
	}
	return nil
}

// graphLine is one line of graph.jsonl: a node or relationship of the
// model, its kind first.
type graphLine struct {
	Kind string `json:"kind"`
	Row  any    `json:"row"`
}

// writeGraphRows writes the rows that are final as soon as their batch is
// built: articles and mentions.
func (w *Writer) writeGraphRows(b *graphmodel.GraphBatch) error {
	for _, r := range b.Articles {
		if err := w.graph.Encode(graphLine{"article", r}); err != nil {
			return err
		}
	}
	for _, r := range b.Mentions {
		if err := w.graph.Encode(graphLine{"mention", r}); err != nil {
			return err
		}
	}
	return nil
}

// writeGraphTotals writes the rows known only at the end.
func (w *Writer) writeGraphTotals(actors []graphmodel.ActorRow, events []graphmodel.EventRow, relations []graphmodel.Relation, affiliations []graphmodel.Affiliation) error {
	for _, r := range actors {
		if err := w.graph.Encode(graphLine{"actor", r}); err != nil {
			return err
		}
	}
	for _, r := range events {
		if err := w.graph.Encode(graphLine{"event", r}); err != nil {
			return err
		}
	}
	for _, r := range relations {
		if err := w.graph.Encode(graphLine{"relation", r}); err != nil {
			return err
		}
	}
	for _, r := range affiliations {
		if err := w.graph.Encode(graphLine{"affiliation", r}); err != nil {
			return err
		}
	}
	return nil
}

// readme says how to use the folder; the neo4j-admin command line is the
// one admincsv.ImportArgs gives, run from the folder.
var readme = `This folder was written by geokg import.

  docs.jsonl      one extraction result (schema.Doc) per article:
                  geokg load THIS-FOLDER pushes it into Neo4j
  graph.jsonl     the graph, one line per row {"kind": ..., "row": {...}}:
                  article, mention (as they were written), then actor,
                  event (one per happening, with its reports), relation
                  (aggregated typed edges) and affiliation
  load.cypher     the same graph for cypher-shell, values passed as
                  parameters:
                    cypher-shell -a bolt://localhost:7687 -u neo4j -f load.cypher
  schema.cypher   constraints and indexes only (load.cypher includes them)
  csv/            the graph for an offline bulk import into an empty database,
                  run from this folder with the server stopped:
                    neo4j-admin ` + strings.Join(admincsv.ImportArgs(CSVDir, "neo4j"), " \\\n                      ") + `
                  (or csv/import.sh [DATABASE], which runs the same command),
                  then start the server and run schema.cypher with cypher-shell.
  summary.json    what the import read, skipped and failed.
  graph.html      the graph drawn in one self-contained page: open it in
                  a browser (geokg view --from THIS-FOLDER redraws it).
  .geokg-out      marks the folder as geokg's: a new import may replace
                  it (geokg import refuses other non-empty folders without
                  --force), and import --resume finishes an interrupted job.
`
