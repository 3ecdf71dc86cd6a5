// Package cypherscript writes the graph as a cypher-shell script (an
// output folder's load.cypher): the graph model's own statements, in the
// order the Neo4j writer runs them, each after a ":param rows => [...]"
// line that holds its rows as a Cypher literal. Values are never put into
// the statements' text.
package cypherscript

import (
	"bufio"
	"fmt"
	"strings"

	"github.com/geokg/geokg/graphmodel"
)

// Writer writes a script: cypher-shell commands that build the graph with
// the model's own statements. Every value is passed as a parameter
// (":param rows => [...]", then "UNWIND $rows ..."): the statements are
// the fixed text of package graphmodel, never built from input.
type Writer struct {
	w       *bufio.Writer
	batches int
	buf     []byte
	// contents are what each article now holds; their stale events and
	// mentions are deleted in Finish, once the events are known, so that
	// an actor only a replaced event named goes with it, as in the writer.
	contents []graphmodel.ContentRow
}

// New starts a script on w with the constraints, indexes and schema
// version of the model.
func New(w *bufio.Writer) (*Writer, error) {
	c := &Writer{w: w}
	_, err := w.WriteString("// The geokg graph for cypher-shell, written by geokg import:\n" +
		"//   cypher-shell -a bolt://localhost:7687 -u neo4j -f load.cypher\n" +
		"// Every statement is idempotent (MERGE), so running the script again,\n" +
		"// or over a graph that has some of these articles, loads each once.\n\n" +
		SchemaScript())
	return c, err
}

// SchemaScript creates the constraints and indexes and records the
// model's version: an output folder's schema.cypher.
func SchemaScript() string {
	var b strings.Builder
	b.WriteString("// Constraints and indexes.\n")
	for _, s := range graphmodel.SchemaStatements {
		b.WriteString(s)
		b.WriteString(";\n")
	}
	fmt.Fprintf(&b, ":param version => %d\n%s;\n", graphmodel.SchemaVersion, graphmodel.CypherSetSchemaVersion)
	return b.String()
}

// Batch writes one batch's statements, in the model's order.
func (c *Writer) Batch(b *graphmodel.GraphBatch) error {
	c.batches++
	for _, r := range b.Contents {
		c.contents = append(c.contents, graphmodel.ContentRow{Article: r.Article, Actors: r.Actors})
	}
	if _, err := fmt.Fprintf(c.w, "\n// Batch %d: %d articles.\n", c.batches, len(b.Articles)); err != nil {
		return err
	}
	for _, step := range b.Steps() {
		if len(step.Rows) == 0 || step.Name == "events" || step.Name == "stale events" || step.Name == "stale mentions" {
			continue // the events are known at the end (Finish)
		}
		if err := c.step(step); err != nil {
			return err
		}
	}
	return nil
}

// step writes one statement with its rows.
func (c *Writer) step(step graphmodel.Step) error {
	c.buf = append(c.buf[:0], ":param rows => "...)
	var err error
	if c.buf, err = appendLiteral(c.buf, step.Rows); err != nil {
		return fmt.Errorf("%s: %w", step.Name, err)
	}
	c.buf = append(c.buf, '\n')
	c.buf = append(c.buf, step.Cypher...)
	c.buf = append(c.buf, ";\n"...)
	_, err = c.w.Write(c.buf)
	return err
}

// finishChunk is how many events one statement of Finish writes.
const finishChunk = 1000

// Finish writes the events (happenings: which reports make one is known
// only once every article is read), deletes what an earlier extraction of
// the folder's articles left in the graph (events, then mentions and the
// actors only they named), and recomputes the aggregated
// edges of the whole graph: the script cannot feed the dyads whose stale
// events it deleted back into a per-batch recomputation, as the Neo4j
// writer does.
func (c *Writer) Finish(events []graphmodel.EventRow) error {
	index := make(map[string]int, len(c.contents))
	for i, r := range c.contents {
		index[r.Article] = i
	}
	for _, e := range events {
		for _, r := range e.Reports {
			if i, ok := index[r.Article]; ok {
				c.contents[i].Events = append(c.contents[i].Events, e.ID)
			}
		}
	}
	rows := c.contents
	c.contents = nil
	for i := range rows {
		if rows[i].Events == nil {
			rows[i].Events = []string{}
		}
	}
	if _, err := c.w.WriteString("\n// Events, one per happening, then what earlier extractions of these articles left.\n"); err != nil {
		return err
	}
	for len(events) > 0 {
		n := min(finishChunk, len(events))
		if err := c.step(graphmodel.Step{Name: "events", Cypher: graphmodel.CypherMergeEvents, Rows: graphmodel.Params(events[:n])}); err != nil {
			return err
		}
		events = events[n:]
	}
	for _, st := range []graphmodel.Step{
		{Name: "stale events", Cypher: graphmodel.CypherDeleteStaleEvents},
		{Name: "stale mentions", Cypher: graphmodel.CypherDeleteStaleMentions},
	} {
		for start := 0; start < len(rows); start += finishChunk {
			st.Rows = graphmodel.Params(rows[start:min(start+finishChunk, len(rows))])
			if err := c.step(st); err != nil {
				return err
			}
		}
	}
	_, err := fmt.Fprintf(c.w, "\n// Aggregated edges and affiliations over the whole graph.\n%s;\n%s;\n",
		graphmodel.CypherRecomputeAllRelations, graphmodel.CypherRecomputeAllAffiliations)
	return err
}
