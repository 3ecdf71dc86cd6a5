package export

import (
	"bufio"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/geokg/geokg/graphdata"
)

// graphmlKey is one declared GraphML attribute.
type graphmlKey struct {
	id, domain, name, typ string
}

var graphmlKeys = []graphmlKey{
	{"label", "node", "label", "string"},
	{"type", "node", "type", "string"},
	{"country", "node", "country", "string"},
	{"aliases", "node", "aliases", "string"},
	{"affiliation", "node", "affiliation", "string"},
	{"role", "node", "role", "string"},
	{"mentions", "node", "mentions", "int"},
	{"narticles", "node", "articles", "int"},
	{"elabel", "edge", "label", "string"},
	{"etype", "edge", "type", "string"},
	{"quad", "edge", "quad", "string"},
	{"weight", "edge", "weight", "double"},
	{"events", "edge", "events", "int"},
	{"earticles", "edge", "articles", "int"},
	{"first", "edge", "first", "string"},
	{"last", "edge", "last", "string"},
	{"score", "edge", "score", "double"},
	{"total", "edge", "score_total", "double"},
}

// WriteGraphML writes the graph as GraphML for Gephi, Cytoscape, yEd and
// NetworkX: actors are nodes (label, type, country, aliases joined by
// " | ", …) and each aggregated typed edge is one directed edge (label =
// PLOVER type, weight = events, first/last dates, quad class, score, and
// score_total = the sum of the events' scores). Only actors that take part
// in an event of the window are written.
func WriteGraphML(ctx context.Context, w io.Writer, src graphdata.Source, f graphdata.Filter) (Stats, error) {
	var st Stats
	dyads, err := aggregate(ctx, src, f, &st)
	if err != nil {
		return st, err
	}
	used := map[string]bool{}
	for _, d := range dyads {
		used[d.Source], used[d.Target] = true, true
	}
	actors, ids, err := actorsByID(ctx, src)
	if err != nil {
		return st, err
	}
	bw := bufio.NewWriter(w)
	bw.WriteString(xml.Header)
	bw.WriteString(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">` + "\n")
	for _, k := range graphmlKeys {
		fmt.Fprintf(bw, `  <key id="%s" for="%s" attr.name="%s" attr.type="%s"/>`+"\n", k.id, k.domain, k.name, k.typ)
	}
	bw.WriteString(`  <graph id="geokg" edgedefault="directed">` + "\n")
	for _, id := range ids {
		if !used[id] {
			continue
		}
		a := actors[id]
		st.Actors++
		bw.WriteString(`    <node id="` + attr(a.ID) + `">` + "\n")
		data(bw, "label", a.Name)
		data(bw, "type", string(a.Type))
		data(bw, "country", countryCode(a, actors))
		data(bw, "aliases", strings.Join(a.Aliases, " | "))
		data(bw, "affiliation", a.Affiliation)
		data(bw, "role", a.Role)
		data(bw, "mentions", strconv.Itoa(a.Mentions))
		data(bw, "narticles", strconv.Itoa(a.Articles))
		bw.WriteString("    </node>\n")
		delete(used, id)
	}
	// Event ends without an actor record still get a node, so every edge
	// has both ends.
	for _, d := range dyads {
		for _, id := range []string{d.Source, d.Target} {
			if used[id] {
				st.Actors++
				bw.WriteString(`    <node id="` + attr(id) + `">` + "\n")
				data(bw, "label", id)
				bw.WriteString("    </node>\n")
				delete(used, id)
			}
		}
	}
	for i, d := range dyads {
		st.Relations++
		fmt.Fprintf(bw, `    <edge id="e%d" source="%s" target="%s">`+"\n", i, attr(d.Source), attr(d.Target))
		data(bw, "elabel", string(d.Type))
		data(bw, "etype", string(d.Type))
		data(bw, "quad", string(d.Type.Quad()))
		data(bw, "weight", strconv.Itoa(d.Events))
		data(bw, "events", strconv.Itoa(d.Events))
		data(bw, "earticles", strconv.Itoa(d.Articles))
		data(bw, "first", d.First)
		data(bw, "last", d.Last)
		data(bw, "score", strconv.FormatFloat(d.Type.Score(), 'f', -1, 64))
		data(bw, "total", strconv.FormatFloat(d.ScoreTotal, 'f', -1, 64))
		bw.WriteString("    </edge>\n")
	}
	bw.WriteString("  </graph>\n</graphml>\n")
	return st, bw.Flush()
}

// data writes one <data> element; empty values are left out.
func data(w *bufio.Writer, key, value string) {
	if value == "" {
		return
	}
	w.WriteString(`      <data key="` + key + `">`)
	xml.EscapeText(w, []byte(value))
	w.WriteString("</data>\n")
}

// attr escapes a value for a double-quoted XML attribute.
func attr(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}
