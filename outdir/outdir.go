// Package outdir writes an import's results to a local folder — the
// embedded default when no Neo4j is configured — so a job never needs a
// server to run.
package outdir

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/geokg/geokg/jsonl"
	"github.com/geokg/geokg/schema"
)

// DocsFile is the name of the extraction file inside the folder: one
// schema.Doc per line, the format `geokg load` reads back.
const DocsFile = "docs.jsonl"

// Writer is a pipeline sink that writes into a folder.
type Writer struct {
	dir  string
	file *os.File
	docs *jsonl.Writer
}

// Create makes dir if needed and starts a fresh docs file inside it.
func Create(dir string) (*Writer, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("output folder %s: %w", dir, err)
	}
	f, err := os.Create(filepath.Join(dir, DocsFile))
	if err != nil {
		return nil, fmt.Errorf("output folder %s: %w", dir, err)
	}
	return &Writer{dir: dir, file: f, docs: jsonl.NewWriter(f)}, nil
}

// SummaryFile is the name of the job summary inside the folder.
const SummaryFile = "summary.json"

// WriteSummary saves a job's summary as indented JSON.
func (w *Writer) WriteSummary(v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return fmt.Errorf("summary: %w", err)
	}
	path := filepath.Join(w.dir, SummaryFile)
	if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// Dir is the folder written to.
func (w *Writer) Dir() string { return w.dir }

// WriteBatch appends docs to the docs file.
func (w *Writer) WriteBatch(ctx context.Context, docs []schema.Doc) error {
	if err := w.docs.WriteBatch(ctx, docs); err != nil {
		return fmt.Errorf("write %s: %w", w.file.Name(), err)
	}
	return nil
}

// Close flushes and closes the docs file.
func (w *Writer) Close(ctx context.Context) error {
	err := w.docs.Close(ctx)
	if cerr := w.file.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", w.file.Name(), err)
	}
	return nil
}
