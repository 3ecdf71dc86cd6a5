package source

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/geokg/geokg/schema"
)

// openCSV reads a table with a header row (.csv, or .tsv with tabs): one
// article per row, columns mapped by Reader.Fields. The delimiter of a
// .csv file is the one of ',', ';' and tab its header uses most. A file
// without a text column is rejected whole; a row with the wrong number of
// fields, broken quoting or over the size limit is reported with its line
// and skipped. A quote left open is reported on its own line, and the
// lines after it are read as rows again.
func openCSV(in *input) (iterator, error) {
	br, err := in.textReader()
	if err != nil {
		return nil, err
	}
	comma := byte('\t')
	if in.format != "tsv" {
		head, _ := br.Peek(64 << 10)
		first, _, _ := bytes.Cut(head, []byte("\n"))
		comma = sniffDelimiter(first)
	}
	it := &csvIterator{in: in, rows: &csvSplitter{br: br, comma: comma, limit: in.opts.maxRecord()}}
	header, _, err := it.read()
	if err == io.EOF {
		return nil, ErrEmpty
	}
	if err != nil {
		return nil, err
	}
	cols := make(map[string]int, len(header))
	names := make([]string, len(header))
	for i, h := range header {
		h = strings.TrimSpace(h)
		names[i] = h
		if _, dup := cols[h]; !dup {
			cols[h] = i
		}
	}
	it.header, it.cols = names, cols
	if _, ok := it.record(header).field(in.opts.fields.Text); !ok {
		return nil, fmt.Errorf("%w (the header has %s)", fieldNotFound(in.opts.fields.Text), quoteList(names, 8))
	}
	return it, nil
}

type csvIterator struct {
	in      *input
	rows    *csvSplitter
	header  []string
	cols    map[string]int
	records int
}

func (it *csvIterator) next() (schema.Article, int, error) {
	row, line, err := it.read()
	if err == io.EOF {
		return schema.Article{}, 0, io.EOF
	}
	it.records++
	if err != nil {
		return schema.Article{}, line, err
	}
	if len(row) != len(it.header) {
		return schema.Article{}, line, fmt.Errorf("the row has %d fields but the header has %d (missing columns or a stray delimiter)", len(row), len(it.header))
	}
	a, err := it.in.buildArticle(it.record(row), it.records, line)
	return a, line, err
}

// read returns the next row's fields and the line it starts on.
func (it *csvIterator) read() ([]string, int, error) {
	raw, line, err := it.rows.next()
	switch {
	case err == io.EOF:
		return nil, 0, io.EOF
	case errors.Is(err, ErrTooLarge):
		return nil, line, it.in.opts.tooLargeRecord("CSV row")
	case err != nil:
		return nil, line, unwrapPathError(err)
	}
	cr := csv.NewReader(bytes.NewReader(raw))
	cr.Comma = rune(it.rows.comma)
	cr.FieldsPerRecord = -1 // checked by the caller, to word the error
	row, err := cr.Read()
	if err != nil {
		return nil, line, csvError(err, line)
	}
	return row, line, nil
}

func (it *csvIterator) record(row []string) csvRecord {
	return csvRecord{cols: it.cols, row: row}
}

// csvRecord is a CSV row read as a record.
type csvRecord struct {
	cols map[string]int
	row  []string
}

func (r csvRecord) field(names []string) (string, bool) {
	for _, name := range names {
		if i, ok := r.cols[name]; ok && i < len(r.row) {
			return r.row[i], true
		}
		for col, i := range r.cols {
			if strings.EqualFold(col, name) && i < len(r.row) {
				return r.row[i], true
			}
		}
	}
	return "", false
}

// sniffDelimiter picks the most used of ',', ';' and tab in a header
// line, ',' on a tie.
func sniffDelimiter(line []byte) byte {
	best, bestN := byte(','), bytes.Count(line, []byte(","))
	for _, c := range []byte{';', '\t'} {
		if n := bytes.Count(line, []byte{c}); n > bestN {
			best, bestN = c, n
		}
	}
	return best
}

// csvError words a CSV parse error of the row that starts on line,
// without repeating that line, which Error carries.
func csvError(err error, line int) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		if pe.Line != pe.StartLine {
			return fmt.Errorf("%w: CSV: %v (at line %d, column %d)", ErrSyntax, pe.Err, line+pe.Line-pe.StartLine, pe.Column)
		}
		return fmt.Errorf("%w: CSV: %v (column %d)", ErrSyntax, pe.Err, pe.Column)
	}
	return err
}

// csvSplitter cuts a CSV stream into rows, following the quoting rules of
// encoding/csv (RFC 4180) only as far as finding where a row ends, so
// that a row is parsed alone: memory stays bounded by the size limit,
// however long a field, and a quote left open swallows no row after it.
type csvSplitter struct {
	br     *bufio.Reader
	comma  byte
	limit  int64
	pushed []byte // read before br: the lines after a row broken by a quote
	line   int    // lines consumed
	buf    []byte
}

// csvState is where the splitter is within a row.
type csvState int

const (
	csvFieldStart csvState = iota
	csvUnquoted
	csvQuoted
	csvQuoteInQuoted // a quote inside a quoted field: its end, or the first of ""
)

// next returns the next non-empty row (its bytes, ending in a newline)
// and the line it starts on. A row over the limit is read to its end
// without being kept and reported as ErrTooLarge, which the caller words
// (options.tooLargeRecord). A row whose quoted field never closes
// properly (at the end of the input, or with text right after its
// closing quote) is returned as its first line only, and the lines after
// that are read again as rows.
func (s *csvSplitter) next() ([]byte, int, error) {
	for {
		s.buf = s.buf[:0]
		start := s.line + 1
		state := csvFieldStart
		over := false
		keep := func(b []byte) {
			if over {
				return
			}
			if int64(len(s.buf)+len(b)) > s.limit {
				over, s.buf = true, s.buf[:0]
				return
			}
			s.buf = append(s.buf, b...)
		}
		ended, broken := false, false
		for !ended && !broken {
			if state == csvQuoted {
				chunk, found, err := s.readThrough('"')
				keep(chunk)
				s.line += bytes.Count(chunk, []byte("\n"))
				switch {
				case err == io.EOF:
					broken = true
				case err != nil:
					return nil, start, err
				case found:
					state = csvQuoteInQuoted
				}
				continue
			}
			c, err := s.readByte()
			if err == io.EOF {
				if len(s.buf) == 0 && !over && state == csvFieldStart {
					return nil, 0, io.EOF
				}
				ended = true
				break
			}
			if err != nil {
				return nil, start, err
			}
			if !over && int64(len(s.buf)) < s.limit {
				s.buf = append(s.buf, c)
			} else {
				keep([]byte{c})
			}
			if c == '\n' {
				s.line++
			}
			switch state {
			case csvFieldStart, csvUnquoted:
				switch {
				case c == '\n':
					ended = true
				case c == s.comma:
					state = csvFieldStart
				case c == '"' && state == csvFieldStart:
					state = csvQuoted
				default:
					state = csvUnquoted
				}
			case csvQuoteInQuoted:
				switch c {
				case '"':
					state = csvQuoted
				case s.comma:
					state = csvFieldStart
				case '\n':
					ended = true
				case '\r':
				default:
					broken = true
				}
			}
		}
		if over {
			if broken && state == csvQuoteInQuoted {
				s.skipLine()
			}
			return nil, start, ErrTooLarge
		}
		if broken {
			return s.breakRow(start), start, nil
		}
		if len(bytes.TrimRight(s.buf, "\r\n")) == 0 {
			continue // an empty line, as encoding/csv skips them
		}
		if s.buf[len(s.buf)-1] != '\n' {
			s.buf = append(s.buf, '\n')
		}
		return s.buf, start, nil
	}
}

// breakRow ends a row with a broken quote at its first line: the rest of
// the row's bytes are read again as rows, and the rest of the first line
// is passed over.
func (s *csvSplitter) breakRow(start int) []byte {
	first, rest, found := bytes.Cut(s.buf, []byte("\n"))
	if found {
		s.pushed = append(bytes.Clone(rest), s.pushed...)
		s.line = start
	} else {
		s.skipLine()
	}
	return append(first, '\n')
}

// skipLine passes over the rest of the current line.
func (s *csvSplitter) skipLine() {
	for {
		c, err := s.readByte()
		if err != nil {
			return
		}
		if c == '\n' {
			s.line++
			return
		}
	}
}

func (s *csvSplitter) readByte() (byte, error) {
	if len(s.pushed) > 0 {
		c := s.pushed[0]
		s.pushed = s.pushed[1:]
		return c, nil
	}
	return s.br.ReadByte()
}

// readThrough reads up to and including the next delim, or a buffer's
// worth when found is false. The slice is valid until the next read.
func (s *csvSplitter) readThrough(delim byte) (chunk []byte, found bool, err error) {
	if len(s.pushed) > 0 {
		i := bytes.IndexByte(s.pushed, delim)
		if i < 0 {
			chunk, s.pushed = s.pushed, nil
			return chunk, false, nil
		}
		chunk, s.pushed = s.pushed[:i+1], s.pushed[i+1:]
		return chunk, true, nil
	}
	chunk, err = s.br.ReadSlice(delim)
	if err == bufio.ErrBufferFull {
		return chunk, false, nil
	}
	return chunk, err == nil, err
}

// quoteList quotes up to n names.
func quoteList(names []string, n int) string {
	var b strings.Builder
	for i, s := range names {
		if i == n {
			fmt.Fprintf(&b, " and %d more", len(names)-n)
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%q", s)
	}
	if len(names) == 0 {
		return "no columns"
	}
	return b.String()
}
