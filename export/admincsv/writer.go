package admincsv

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/geokg/geokg/graphmodel"
	"github.com/geokg/geokg/schema"
)

// Writer writes the files into a folder, one row per call, and import.sh
// on Close. Rows stream to the files, so memory does not grow with the
// graph. A Writer is not safe for concurrent use.
type Writer struct {
	dir   string
	files []*os.File
	out   map[string]*csv.Writer // by file name
	row   []string
	err   error // the first write error; later rows are dropped
}

// Create makes dir if needed and starts fresh files in it, each with its
// header; graph_schema.csv gets its one row, the model's version.
func Create(dir string) (*Writer, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	w := &Writer{dir: dir, out: make(map[string]*csv.Writer, len(Files))}
	for _, f := range Files {
		fh, err := os.Create(filepath.Join(dir, f.Name))
		if err != nil {
			w.closeFiles()
			return nil, err
		}
		w.files = append(w.files, fh)
		// csv.Writer buffers in the bufio.Writer it is given when that is
		// large enough: one 64 KiB buffer per file.
		w.out[f.Name] = csv.NewWriter(bufio.NewWriterSize(fh, 64<<10))
		w.write(f, f.Header...) // an error sticks to w.err, returned below
	}
	if err := w.write(graphSchemaFile, "geokg", strconv.Itoa(graphmodel.SchemaVersion), "GraphSchema"); err != nil {
		w.closeFiles()
		return nil, err
	}
	return w, nil
}

// write writes one row of f. Values of scalar columns are cleaned of the
// array delimiter; those of array and :LABEL columns are joined by the
// caller with array.
func (w *Writer) write(f File, fields ...string) error {
	if w.err != nil {
		return w.err
	}
	w.row = w.row[:0]
	for i, v := range fields {
		if h := f.Header[i]; !strings.HasSuffix(h, "[]") && h != ":LABEL" {
			v = scalar(v)
		}
		w.row = append(w.row, v)
	}
	if err := w.out[f.Name].Write(w.row); err != nil {
		w.err = fmt.Errorf("write %s: %w", filepath.Join(w.dir, f.Name), err)
	}
	return w.err
}

// scalar cleans one value of the array delimiter.
func scalar(s string) string {
	if strings.Contains(s, ArrayDelimiter) {
		return strings.ReplaceAll(s, ArrayDelimiter, " ")
	}
	return s
}

// array joins the items of an array field, each cleaned of the delimiter.
func array(items []string) string {
	clean := make([]string, len(items))
	for i, s := range items {
		clean[i] = scalar(s)
	}
	return strings.Join(clean, ArrayDelimiter)
}

func float(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

// Actor writes an (:Actor) node with its type label; a country's id is
// also its iso3.
func (w *Writer) Actor(a graphmodel.ActorRow) error {
	iso3 := ""
	if a.Type == schema.Country {
		iso3 = a.ID
	}
	labels := []string{"Actor"}
	if l := graphmodel.ActorLabel(a.Type); l != "" {
		labels = append(labels, l)
	}
	return w.write(actorsFile, a.ID, a.Name, string(a.Type), array(a.Aliases), iso3, array(labels), a.Sector, a.SectorKey)
}

// Article writes an (:Article) node.
func (w *Writer) Article(a graphmodel.ArticleRow) error {
	return w.write(articlesFile, a.ID, a.URL, a.Title, a.Published, a.Source, a.Path, a.Hash, "Article")
}

// Event writes an (:Event) node with its ACTOR and RECIPIENT
// relationships and one REPORTED_IN relationship per report.
func (w *Writer) Event(e graphmodel.EventRow) error {
	var place [7]string
	if p := e.Place; p != nil {
		place = [7]string{p.Name, p.Text, p.Kind, p.Country, float(p.Lat), float(p.Lon),
			"{latitude:" + float(p.Lat) + ",longitude:" + float(p.Lon) + "}"}
	}
	w.write(eventsFile, e.ID, string(e.Type), string(e.Quad), float(e.Score), strconv.FormatBool(e.Symmetric),
		array(e.Modes), strconv.FormatBool(e.Asserted), e.Date, e.DateSource, e.DatePrecision, e.Evidence, array(e.References), strconv.Itoa(e.Sentence), e.Cue,
		e.Claimant, float(e.Confidence), e.Source, e.Target, e.Article,
		strconv.Itoa(e.Mentions), strconv.Itoa(e.Articles), strconv.Itoa(e.Sources), e.SourceState, e.TargetState,
		e.SourceCountry, e.TargetCountry, e.SourceSector, e.TargetSector,
		place[0], place[1], place[2], place[3], place[4], place[5], place[6], "Event")
	w.write(actorFile, e.Source, e.ID, "ACTOR")
	w.write(recipientFile, e.ID, e.Target, "RECIPIENT")
	for _, r := range e.Reports {
		sentences := make([]string, len(r.Sentences))
		for i, s := range r.Sentences {
			sentences[i] = strconv.Itoa(s)
		}
		w.write(reportedInFile, e.ID, r.Article, "REPORTED_IN", strconv.Itoa(r.Mentions()), array(sentences), array(r.Evidence), r.Date, r.Stored())
	}
	return w.err
}

// Mention writes an (:Actor)-[:MENTIONED_IN]->(:Article) relationship.
func (w *Writer) Mention(m graphmodel.MentionRow) error {
	return w.write(mentionedInFile, m.Actor, m.Article, "MENTIONED_IN", strconv.Itoa(m.Count), m.Role, m.Affiliation)
}

// Relation writes an aggregated typed edge. Its type becomes a
// relationship type, so it must be a PLOVER category.
func (w *Writer) Relation(r graphmodel.Relation) error {
	if !r.Type.Valid() {
		return fmt.Errorf("relation %s→%s: type %q is not a PLOVER category", r.Source, r.Target, r.Type)
	}
	return w.write(relationsFile, r.Source, r.Target, string(r.Type), strconv.Itoa(r.Events), strconv.Itoa(r.Articles),
		r.First, r.Last, string(r.Type.Quad()), float(r.Type.Score()))
}

// Affiliation writes an AFFILIATED_WITH edge.
func (w *Writer) Affiliation(a graphmodel.Affiliation) error {
	return w.write(affiliatedFile, a.Person, a.Org, "AFFILIATED_WITH", a.Role, a.First, a.Last, strconv.Itoa(a.Articles), a.RoleArticle)
}

// Flush writes the buffered rows to the files, so that they hold every
// row written so far.
func (w *Writer) Flush() error {
	if w.err != nil {
		return w.err
	}
	for _, f := range Files {
		out := w.out[f.Name]
		out.Flush()
		if err := out.Error(); err != nil {
			w.err = fmt.Errorf("write %s: %w", filepath.Join(w.dir, f.Name), err)
			return w.err
		}
	}
	return nil
}

// Close flushes and closes the files and writes import.sh. It returns the
// first write error, if any.
func (w *Writer) Close() error {
	if w.files == nil {
		return w.err
	}
	err := w.Flush()
	errs := []error{err, w.closeFiles()}
	if err == nil {
		path := filepath.Join(w.dir, ScriptFile)
		if err := os.WriteFile(path, []byte(Script()), 0o755); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// closeFiles closes every file opened.
func (w *Writer) closeFiles() error {
	var errs []error
	for _, f := range w.files {
		if err := f.Close(); err != nil {
			errs = append(errs, err)
		}
	}
	w.files = nil
	return errors.Join(errs...)
}
