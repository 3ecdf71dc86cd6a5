package source

import (
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
// fields, or broken quoting, is reported with its line and skipped.
func openCSV(in *input) (iterator, error) {
	br, err := in.textReader()
	if err != nil {
		return nil, err
	}
	comma := '\t'
	if in.format != "tsv" {
		head, _ := br.Peek(64 << 10)
		first, _, _ := bytes.Cut(head, []byte("\n"))
		comma = sniffDelimiter(first)
	}
	cr := csv.NewReader(br)
	cr.Comma = comma
	cr.FieldsPerRecord = -1 // checked here, to word the error
	header, err := cr.Read()
	if err == io.EOF {
		return nil, ErrEmpty
	}
	if err != nil {
		return nil, csvError(err)
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
	it := &csvIterator{in: in, cr: cr, header: names, cols: cols}
	if _, ok := it.record(header).field(in.opts.fields.Text); !ok {
		return nil, fmt.Errorf("%w (the header has %s)", fieldNotFound(in.opts.fields.Text), quoteList(names, 8))
	}
	return it, nil
}

type csvIterator struct {
	in      *input
	cr      *csv.Reader
	header  []string
	cols    map[string]int
	records int
}

func (it *csvIterator) next() (schema.Article, int, error) {
	row, err := it.cr.Read()
	if err == io.EOF {
		return schema.Article{}, 0, io.EOF
	}
	it.records++
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return schema.Article{}, pe.StartLine, csvError(err)
	}
	if err != nil {
		return schema.Article{}, 0, unwrapPathError(err)
	}
	line, _ := it.cr.FieldPos(0)
	if len(row) != len(it.header) {
		return schema.Article{}, line, fmt.Errorf("the row has %d fields but the header has %d (missing columns or a stray delimiter)", len(row), len(it.header))
	}
	a, err := it.in.buildArticle(it.record(row), it.records, line)
	return a, line, err
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
func sniffDelimiter(line []byte) rune {
	best, bestN := ',', bytes.Count(line, []byte(","))
	for _, c := range []rune{';', '\t'} {
		if n := bytes.Count(line, []byte(string(c))); n > bestN {
			best, bestN = c, n
		}
	}
	return best
}

// csvError words a CSV parse error without repeating the line number that
// Error carries.
func csvError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		if pe.Line != pe.StartLine {
			return fmt.Errorf("%w: CSV: %v (at line %d, column %d)", ErrSyntax, pe.Err, pe.Line, pe.Column)
		}
		return fmt.Errorf("%w: CSV: %v (column %d)", ErrSyntax, pe.Err, pe.Column)
	}
	return err
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
