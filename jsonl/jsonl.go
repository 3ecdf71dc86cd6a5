// Package jsonl reads and writes extraction results as JSON lines, one
// schema.Doc per line: the output of `geokg extract --format jsonl`, the
// docs file of the output folder, and the input of `geokg load`.
package jsonl

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/geokg/geokg/schema"
)

// Writer writes docs as JSON lines. It satisfies the pipeline's sink
// contract.
type Writer struct {
	buf *bufio.Writer
	enc *json.Encoder
}

// NewWriter returns a Writer that buffers its output to w.
func NewWriter(w io.Writer) *Writer {
	buf := bufio.NewWriterSize(w, 1<<16)
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	return &Writer{buf: buf, enc: enc}
}

// WriteBatch writes each doc on its own line.
func (w *Writer) WriteBatch(_ context.Context, docs []schema.Doc) error {
	for i := range docs {
		if err := w.enc.Encode(&docs[i]); err != nil {
			return err
		}
	}
	return nil
}

// Close flushes buffered lines. It does not close the underlying writer.
func (w *Writer) Close(context.Context) error { return w.buf.Flush() }

// ParseError reports a line that is not a valid doc.
type ParseError struct {
	// Path names the input; Line is 1-based.
	Path string
	Line int
	Err  error
}

// Error formats as "PATH:LINE: reason".
func (e *ParseError) Error() string { return fmt.Sprintf("%s:%d: %v", e.Path, e.Line, e.Err) }

// Unwrap returns the reason.
func (e *ParseError) Unwrap() error { return e.Err }

// Reader reads docs from JSON lines, one at a time.
type Reader struct {
	path string
	sc   *bufio.Scanner
	line int
	err  error // the error that ended the input
}

// MaxLineSize is the longest line a Reader accepts.
const MaxLineSize = 64 << 20

// NewReader reads from r; path names r in errors.
func NewReader(r io.Reader, path string) *Reader {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<16), MaxLineSize)
	return &Reader{path: path, sc: sc}
}

// Next returns the next doc, io.EOF at the end, or a *ParseError for a bad
// line — after which Next may be called again to go on. Any other error (a
// read error, a line longer than MaxLineSize) ends the input: it names the
// path and line, and Next returns it again on every later call.
func (r *Reader) Next() (schema.Doc, error) {
	if r.err != nil {
		return schema.Doc{}, r.err
	}
	for r.sc.Scan() {
		r.line++
		b := bytes.TrimSpace(r.sc.Bytes())
		if len(b) == 0 {
			continue
		}
		var d schema.Doc
		if err := json.Unmarshal(b, &d); err != nil {
			return schema.Doc{}, &ParseError{Path: r.path, Line: r.line, Err: err}
		}
		return d, nil
	}
	if err := r.sc.Err(); err != nil {
		r.err = fmt.Errorf("%s:%d: %w", r.path, r.line+1, err)
		return schema.Doc{}, r.err
	}
	return schema.Doc{}, io.EOF
}
