package query

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/geokg/geokg/graph"
)

// Table is a query's answer: named columns and rows of plain values
// (string, int64, float64, bool, nil, []any, map[string]any).
type Table struct {
	Columns []string
	Rows    [][]any
	// Notes are remarks for the reader ("Putin" matched two actors…),
	// printed on standard error, never mixed with the data.
	Notes []string
}

// Format is an output format of a Table.
type Format string

// The output formats.
const (
	Aligned Format = "table"
	JSON    Format = "json"
	CSV     Format = "csv"
)

// MaxCellWidth bounds a cell of an aligned table; JSON and CSV carry the
// full value.
const MaxCellWidth = 100

// Write prints the table in the format.
func (t *Table) Write(w io.Writer, f Format) error {
	switch f {
	case JSON:
		rows := make([]orderedRow, len(t.Rows))
		for i, r := range t.Rows {
			rows[i] = orderedRow{cols: t.Columns, vals: r}
		}
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(rows)
	case CSV:
		cw := csv.NewWriter(w)
		cw.Write(t.Columns)
		for _, r := range t.Rows {
			rec := make([]string, len(r))
			for i, v := range r {
				rec[i] = text(v)
			}
			cw.Write(rec)
		}
		cw.Flush()
		return cw.Error()
	default:
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, strings.Join(upper(t.Columns), "\t"))
		for _, r := range t.Rows {
			cells := make([]string, len(r))
			for i, v := range r {
				cells[i] = clip(strings.ReplaceAll(strings.ReplaceAll(text(v), "\t", " "), "\n", " "))
			}
			fmt.Fprintln(tw, strings.Join(cells, "\t"))
		}
		return tw.Flush()
	}
}

func upper(cols []string) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = strings.ToUpper(c)
	}
	return out
}

func clip(s string) string {
	r := []rune(s)
	if len(r) <= MaxCellWidth {
		return s
	}
	return string(r[:MaxCellWidth-1]) + "…"
}

// orderedRow encodes a row as a JSON object with the columns in order.
type orderedRow struct {
	cols []string
	vals []any
}

func (r orderedRow) MarshalJSON() ([]byte, error) {
	var b strings.Builder
	b.WriteByte('{')
	for i, c := range r.cols {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(c)
		b.Write(k)
		b.WriteByte(':')
		v, err := json.Marshal(r.vals[i])
		if err != nil {
			return nil, err
		}
		b.Write(v)
	}
	b.WriteByte('}')
	return []byte(b.String()), nil
}

// text renders a value for a table cell or CSV field.
func text(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case int64:
		return strconv.FormatInt(x, 10)
	case int:
		return strconv.Itoa(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = text(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = k + ": " + text(x[k])
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	return fmt.Sprint(v)
}

// tableOf turns records into a table with the given columns.
func tableOf(cols []string, recs []*graph.Record) *Table {
	t := &Table{Columns: cols}
	for _, r := range recs {
		row := make([]any, len(cols))
		for i, c := range cols {
			v, _ := r.Get(c)
			row[i] = graph.Plain(v)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}
