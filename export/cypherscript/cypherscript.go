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
	if _, err := fmt.Fprintf(c.w, "\n// Batch %d: %d articles.\n", c.batches, len(b.Articles)); err != nil {
		return err
	}
	for _, step := range b.Steps() {
		if len(step.Rows) == 0 {
			continue
		}
		c.buf = append(c.buf[:0], ":param rows => "...)
		var err error
		if c.buf, err = appendLiteral(c.buf, step.Rows); err != nil {
			return fmt.Errorf("%s: %w", step.Name, err)
		}
		c.buf = append(c.buf, '\n')
		c.buf = append(c.buf, step.Cypher...)
		c.buf = append(c.buf, ";\n"...)
		if _, err := c.w.Write(c.buf); err != nil {
			return err
		}
	}
	return nil
}

// Finish ends the script by recomputing the aggregated edges of the whole
// graph: the script cannot feed the dyads whose stale events it deleted
// back into the per-batch recomputation, as the Neo4j writer does.
func (c *Writer) Finish() error {
	_, err := fmt.Fprintf(c.w, "\n// Aggregated edges and affiliations over the whole graph.\n%s;\n%s;\n",
		graphmodel.CypherRecomputeAllRelations, graphmodel.CypherRecomputeAllAffiliations)
	return err
}
