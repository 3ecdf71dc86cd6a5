package source

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/geokg/geokg/schema"
)

// openJSONL reads JSON lines (.jsonl, .ndjson): one JSON object per line,
// mapped onto an article by Reader.Fields. A bad line is reported with its
// number and reading goes on with the next.
func openJSONL(in *input) (iterator, error) {
	br, err := in.textReader()
	if err != nil {
		return nil, err
	}
	return &jsonlIterator{in: in, br: br, maxLine: in.opts.maxRecord()}, nil
}

type jsonlIterator struct {
	in      *input
	br      *bufio.Reader
	maxLine int64 // longest line accepted: escapes can double a text
	line    int
	records int
	buf     []byte
}

func (it *jsonlIterator) next() (schema.Article, int, error) {
	for {
		line, tooLong, err := it.readLine()
		if err != nil && err != io.EOF {
			it.br = bufio.NewReader(eofReader{})
			return schema.Article{}, it.line + 1, unwrapPathError(err)
		}
		if err == io.EOF && len(line) == 0 && !tooLong {
			return schema.Article{}, 0, io.EOF
		}
		it.line++
		if tooLong {
			it.records++
			return schema.Article{}, it.line, it.in.opts.tooLargeRecord("line")
		}
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		it.records++
		if !utf8.Valid(line) {
			s, repair := cleanString(string(line))
			line = []byte(s)
			it.in.warnf(it.line, fmt.Errorf("%w: %s", ErrRepaired, repair))
		}
		rec, err := parseJSONObject(line)
		if err != nil {
			return schema.Article{}, it.line, err
		}
		a, err := it.in.buildArticle(rec, it.records, it.line)
		return a, it.line, err
	}
}

// readLine returns the next line without its newline. A line longer than
// maxLine is skipped to its end and reported as tooLong, so that one huge
// line costs no memory.
func (it *jsonlIterator) readLine() (line []byte, tooLong bool, err error) {
	it.buf = it.buf[:0]
	for {
		chunk, err := it.br.ReadSlice('\n')
		if !tooLong {
			if int64(len(it.buf)+len(chunk)) > it.maxLine {
				tooLong, it.buf = true, it.buf[:0]
			} else {
				it.buf = append(it.buf, chunk...)
			}
		}
		switch err {
		case bufio.ErrBufferFull:
			continue
		case nil:
			return bytes.TrimSuffix(it.buf, []byte("\n")), tooLong, nil
		default:
			return it.buf, tooLong, err
		}
	}
}

// parseJSONObject decodes one JSON object, keeping numbers as written.
func parseJSONObject(b []byte) (jsonRecord, error) {
	if b[0] != '{' {
		return nil, fmt.Errorf("%w: not a JSON object (each line must hold one {...} object)", ErrSyntax)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var rec map[string]any
	if err := dec.Decode(&rec); err != nil {
		return nil, fmt.Errorf("%w: invalid JSON: %v", ErrSyntax, jsonErrorText(err))
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("%w: invalid JSON: text after the object", ErrSyntax)
	}
	return rec, nil
}

// jsonErrorText words a decoding error without Go type names.
func jsonErrorText(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fmt.Sprintf("%s where an object was expected", te.Value)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return "unexpected end of input (truncated?)"
	}
	return err.Error()
}

// eofReader is an empty input, for an iterator that must stop.
type eofReader struct{}

func (eofReader) Read([]byte) (int, error) { return 0, io.EOF }
