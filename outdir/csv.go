package outdir

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"path"
	"strconv"
	"strings"

	"github.com/geokg/geokg/schema"
)

// arrayDelimiter separates the elements of array fields and the labels of
// the :LABEL column: a control character that text never holds (it is
// removed from values), so aliases may contain ';' and ','. The import
// command names it with --array-delimiter=U+001F.
const arrayDelimiter = "\x1f"

// csvFile is one neo4j-admin import file and its header.
type csvFile struct {
	name   string
	header []string
}

// The files of csv/, in the header format of neo4j-admin database import.
var (
	actorsCSV       = csvFile{"actors.csv", []string{"id:ID(Actor)", "name", "type", "aliases:string[]", "iso3", ":LABEL"}}
	articlesCSV     = csvFile{"articles.csv", []string{"id:ID(Article)", "url", "title", "published:date", "source", "path", "hash", ":LABEL"}}
	eventsCSV       = csvFile{"events.csv", []string{"id:ID(Event)", "type", "quad", "score:double", "symmetric:boolean", "modes:string[]", "asserted:boolean", "date:date", "evidence", "sentence:long", "cue", "claimant", "confidence:double", "source", "target", "article", ":LABEL"}}
	actorCSV        = csvFile{"actor.csv", []string{":START_ID(Actor)", ":END_ID(Event)", ":TYPE"}}
	recipientCSV    = csvFile{"recipient.csv", []string{":START_ID(Event)", ":END_ID(Actor)", ":TYPE"}}
	reportedInCSV   = csvFile{"reported_in.csv", []string{":START_ID(Event)", ":END_ID(Article)", ":TYPE"}}
	mentionedInCSV  = csvFile{"mentioned_in.csv", []string{":START_ID(Actor)", ":END_ID(Article)", ":TYPE", "count:long", "role", "affiliation"}}
	relationsCSV    = csvFile{"relations.csv", []string{":START_ID(Actor)", ":END_ID(Actor)", ":TYPE", "events:long", "articles:long", "first:date", "last:date", "quad", "score:double"}}
	affiliationsCSV = csvFile{"affiliated_with.csv", []string{":START_ID(Actor)", ":END_ID(Actor)", ":TYPE", "role", "first:date", "last:date", "articles:long"}}
	csvFiles        = []csvFile{actorsCSV, articlesCSV, eventsCSV, actorCSV, recipientCSV, reportedInCSV, mentionedInCSV, relationsCSV, affiliationsCSV}
)

// AdminImportArgs returns the arguments of `neo4j-admin` that bulk-load
// an output folder's csv/ into an empty database, run from the folder.
// The database name comes before the options: --nodes and
// --relationships take several files and would swallow it.
func AdminImportArgs(database string) []string {
	args := []string{"database", "import", "full", database, "--overwrite-destination", "--array-delimiter=U+001F", "--multiline-fields=true"}
	for _, f := range csvFiles {
		kind := "--relationships="
		if strings.HasPrefix(f.header[0], "id:ID(") {
			kind = "--nodes="
		}
		args = append(args, kind+path.Join(CSVDir, f.name))
	}
	return args
}

// csvWriter writes csv/: streamed node and relationship files for
// articles, events and mentions; actors and aggregated edges at the end.
type csvWriter struct {
	out map[string]*csv.Writer
}

func newCSVWriter(create func(string) (*bufio.Writer, error)) (*csvWriter, error) {
	c := &csvWriter{out: map[string]*csv.Writer{}}
	for _, f := range csvFiles {
		b, err := create(path.Join(CSVDir, f.name))
		if err != nil {
			return nil, err
		}
		w := csv.NewWriter(b)
		if err := w.Write(f.header); err != nil {
			return nil, err
		}
		c.out[f.name] = w
	}
	return c, nil
}

// arrayField is a field already joined with arrayDelimiter.
type arrayField string

// write writes one row; strings are cleaned of the array delimiter.
func (c *csvWriter) write(f csvFile, fields ...any) error {
	row := make([]string, len(fields))
	for i, v := range fields {
		switch v := v.(type) {
		case arrayField:
			row[i] = string(v)
		case string:
			row[i] = csvValue(v)
		default:
			panic(fmt.Sprintf("csv field of type %T", v))
		}
	}
	return c.out[f.name].Write(row)
}

// batch writes the rows that are final when their batch is built.
func (c *csvWriter) batch(b *schema.GraphBatch) error {
	for _, a := range b.Articles {
		if err := c.write(articlesCSV, a.ID, a.URL, a.Title, a.Published, a.Source, a.Path, a.Hash, "Article"); err != nil {
			return err
		}
	}
	for _, e := range b.Events {
		if err := c.write(eventsCSV, e.ID, string(e.Type), string(e.Quad), float(e.Score), strconv.FormatBool(e.Symmetric),
			array(e.Modes), strconv.FormatBool(e.Asserted), e.Date, e.Evidence, strconv.Itoa(e.Sentence), e.Cue, e.Claimant,
			float(e.Confidence), e.Source, e.Target, e.Article, "Event"); err != nil {
			return err
		}
		if err := c.write(actorCSV, e.Source, e.ID, "ACTOR"); err != nil {
			return err
		}
		if err := c.write(recipientCSV, e.ID, e.Target, "RECIPIENT"); err != nil {
			return err
		}
		if err := c.write(reportedInCSV, e.ID, e.Article, "REPORTED_IN"); err != nil {
			return err
		}
	}
	for _, m := range b.Mentions {
		if err := c.write(mentionedInCSV, m.Actor, m.Article, "MENTIONED_IN", strconv.Itoa(m.Count), m.Role, m.Affiliation); err != nil {
			return err
		}
	}
	return c.flushErr()
}

// finish writes actors and aggregated edges.
func (c *csvWriter) finish(actors []schema.ActorRow, relations []relationRow, affs []affiliationRow) error {
	for _, a := range actors {
		labels := []string{"Actor", a.Type.Label()}
		iso3 := ""
		if a.Type == schema.Country {
			iso3 = a.ID
		}
		if err := c.write(actorsCSV, a.ID, a.Name, string(a.Type), array(a.Aliases), iso3, array(labels)); err != nil {
			return err
		}
	}
	for _, r := range relations {
		if !r.Type.Valid() {
			continue // relationship types only from the PLOVER enum
		}
		if err := c.write(relationsCSV, r.Source, r.Target, string(r.Type), strconv.Itoa(r.Events), strconv.Itoa(r.Articles),
			r.First, r.Last, string(r.Quad), float(r.Score)); err != nil {
			return err
		}
	}
	for _, a := range affs {
		if err := c.write(affiliationsCSV, a.Person, a.Actor, "AFFILIATED_WITH", a.Role, a.First, a.Last, strconv.Itoa(a.Articles)); err != nil {
			return err
		}
	}
	return c.flushErr()
}

func (c *csvWriter) flushErr() error {
	for _, w := range c.out {
		w.Flush()
		if err := w.Error(); err != nil {
			return err
		}
	}
	return nil
}

// csvValue removes the array delimiter from a value.
func csvValue(s string) string {
	if strings.Contains(s, arrayDelimiter) {
		return strings.ReplaceAll(s, arrayDelimiter, " ")
	}
	return s
}

func array(items []string) arrayField {
	clean := make([]string, len(items))
	for i, s := range items {
		clean[i] = csvValue(s)
	}
	return arrayField(strings.Join(clean, arrayDelimiter))
}

func float(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }
