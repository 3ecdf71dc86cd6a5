package export

import (
	"cmp"
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/geokg/geokg/graphdata"
	"github.com/geokg/geokg/schema"
)

// ArrayDelimiter separates array elements and labels in the CSV files:
// the ASCII unit separator, which news text never contains (it is removed
// from values), passed to neo4j-admin as --array-delimiter=U+001F.
const ArrayDelimiter = "\x1f"

// graphSchemaVersion is the graph model version the files describe, the
// (:GraphSchema {name: "geokg"}) node's version.
const graphSchemaVersion = 1

// AdminFile is one CSV file of a bulk import: a node file for a label, or
// a relationship file for a type.
type AdminFile struct {
	// Name is the file name inside the folder.
	Name string
	// Nodes is the label given on the command line ("" when the file has
	// a :LABEL column); Rel is the relationship type ("" when the file has
	// a :TYPE column). A file is a node file when Rel and RelFile are
	// empty.
	Nodes   string
	Rel     string
	RelFile bool
	// Header is the file's header row.
	Header []string
}

// AdminFiles are the files WriteAdminCSV writes, in the order of the
// import command.
var AdminFiles = []AdminFile{
	{Name: "actors.csv", Header: []string{"id:ID(Actor)", "name", "type", "aliases:string[]", "iso3", ":LABEL"}},
	{Name: "articles.csv", Nodes: "Article", Header: []string{"id:ID(Article)", "url", "title", "published:date", "source", "path", "hash"}},
	{Name: "events.csv", Nodes: "Event", Header: []string{"id:ID(Event)", "type", "quad", "score:double", "symmetric:boolean",
		"modes:string[]", "asserted:boolean", "date:date", "evidence", "sentence:long", "cue", "claimant", "confidence:double",
		"source", "target", "article"}},
	{Name: "graph_schema.csv", Nodes: "GraphSchema", Header: []string{"name:ID(GraphSchema)", "version:long"}},
	{Name: "actor.csv", Rel: "ACTOR", RelFile: true, Header: []string{":START_ID(Actor)", ":END_ID(Event)"}},
	{Name: "recipient.csv", Rel: "RECIPIENT", RelFile: true, Header: []string{":START_ID(Event)", ":END_ID(Actor)"}},
	{Name: "reported_in.csv", Rel: "REPORTED_IN", RelFile: true, Header: []string{":START_ID(Event)", ":END_ID(Article)"}},
	{Name: "relations.csv", RelFile: true, Header: []string{":START_ID(Actor)", ":END_ID(Actor)", ":TYPE", "events:long",
		"articles:long", "first:date", "last:date", "quad", "score:double"}},
	{Name: "mentioned_in.csv", Rel: "MENTIONED_IN", RelFile: true, Header: []string{":START_ID(Actor)", ":END_ID(Article)",
		"count:long", "role", "affiliation"}},
	{Name: "affiliated_with.csv", Rel: "AFFILIATED_WITH", RelFile: true, Header: []string{":START_ID(Actor)", ":END_ID(Actor)",
		"role", "first:date", "last:date", "articles:long"}},
}

// AdminImportArgs returns the arguments of `neo4j-admin database import
// full` for the files in dir. The database name comes before the options:
// --nodes and --relationships take several files, and would swallow it.
func AdminImportArgs(dir, database string) []string {
	args := []string{"database", "import", "full", database, "--overwrite-destination", "--array-delimiter=U+001F",
		"--multiline-fields=true"}
	for _, f := range AdminFiles {
		path := filepath.Join(dir, f.Name)
		switch {
		case !f.RelFile && f.Nodes != "":
			args = append(args, "--nodes="+f.Nodes+"="+path)
		case !f.RelFile:
			args = append(args, "--nodes="+path)
		case f.Rel != "":
			args = append(args, "--relationships="+f.Rel+"="+path)
		default:
			args = append(args, "--relationships="+path)
		}
	}
	return args
}

// csvFiles holds the open files of an export.
type csvFiles struct {
	files   map[string]*os.File
	writers map[string]*csv.Writer
	// lists marks, per file, the columns that hold arrays or labels.
	lists map[string][]bool
}

// write writes one row, removing the array delimiter from scalar values.
func (c *csvFiles) write(name string, row ...string) error {
	lists := c.lists[name]
	for i, v := range row {
		if i >= len(lists) || !lists[i] {
			row[i] = strings.ReplaceAll(v, ArrayDelimiter, " ")
		}
	}
	return c.writers[name].Write(row)
}

// array joins the items of an array field.
func array(items []string) string {
	clean := make([]string, len(items))
	for i, s := range items {
		clean[i] = strings.ReplaceAll(s, ArrayDelimiter, " ")
	}
	return strings.Join(clean, ArrayDelimiter)
}

func (c *csvFiles) close() error {
	var first error
	for name, w := range c.writers {
		w.Flush()
		if err := w.Error(); err != nil && first == nil {
			first = fmt.Errorf("write %s: %w", name, err)
		}
		if err := c.files[name].Close(); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// WriteAdminCSV writes the graph as the node and relationship CSV files of
// `neo4j-admin database import full` into dir, with import.sh, which runs
// the import. The files hold the graph model of docs/graph-model.md:
// actors (with their type label), articles, events with their ACTOR,
// RECIPIENT and REPORTED_IN relationships, the aggregated typed edges,
// MENTIONED_IN and AFFILIATED_WITH. Run `geokg schema apply` on the
// imported database to add constraints and indexes.
func WriteAdminCSV(ctx context.Context, dir string, src graphdata.Source, f graphdata.Filter) (st Stats, err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return st, fmt.Errorf("export folder %s: %w", dir, err)
	}
	c := &csvFiles{files: map[string]*os.File{}, writers: map[string]*csv.Writer{}, lists: map[string][]bool{}}
	defer func() {
		if cerr := c.close(); err == nil {
			err = cerr
		}
	}()
	for _, af := range AdminFiles {
		fh, err := os.Create(filepath.Join(dir, af.Name))
		if err != nil {
			return st, fmt.Errorf("export folder %s: %w", dir, err)
		}
		c.files[af.Name] = fh
		c.writers[af.Name] = csv.NewWriter(fh)
		for _, h := range af.Header {
			c.lists[af.Name] = append(c.lists[af.Name], strings.HasSuffix(h, "[]") || h == ":LABEL")
		}
		if err := c.write(af.Name, slices.Clone(af.Header)...); err != nil {
			return st, err
		}
	}

	actors, ids, err := actorsByID(ctx, src)
	if err != nil {
		return st, err
	}
	published := map[string]schema.Date{}
	err = src.Articles(ctx, func(a graphdata.Article) error {
		if _, dup := published[a.ID]; dup {
			return nil
		}
		published[a.ID] = a.Published
		st.Articles++
		return c.write("articles.csv", a.ID, a.URL, a.Title, a.Published.String(), a.Source, a.Path, a.Hash)
	})
	if err != nil {
		return st, err
	}

	missing := map[string]bool{}
	err = src.Events(ctx, f, func(e graphdata.Event) error {
		if !e.Type.Valid() {
			return nil
		}
		st.Events++
		for _, end := range []string{e.Source, e.Target} {
			if _, ok := actors[end]; !ok {
				missing[end] = true
			}
		}
		modes := make([]string, len(e.Modes))
		for i, m := range e.Modes {
			modes[i] = string(m)
		}
		if err := c.write("events.csv", e.ID, string(e.Type), string(e.Type.Quad()), ftoa(e.Score),
			strconv.FormatBool(e.Type.Symmetric()), array(modes), strconv.FormatBool(e.Asserted()), e.Date.String(),
			e.Evidence, strconv.Itoa(e.Sentence), e.Cue, e.Claimant, ftoa(e.Confidence), e.Source, e.Target, e.Article); err != nil {
			return err
		}
		if err := c.write("actor.csv", e.Source, e.ID); err != nil {
			return err
		}
		if err := c.write("recipient.csv", e.ID, e.Target); err != nil {
			return err
		}
		if _, ok := published[e.Article]; !ok {
			published[e.Article] = schema.Date{}
			st.Articles++
			if err := c.write("articles.csv", e.Article, "", "", "", "", "", ""); err != nil {
				return err
			}
		}
		return c.write("reported_in.csv", e.ID, e.Article)
	})
	if err != nil {
		return st, err
	}

	for _, id := range ids {
		a := actors[id]
		iso3 := ""
		if a.Type == schema.Country {
			iso3 = a.ID
		}
		labels := []string{"Actor"}
		if l := a.Type.Label(); l != "" {
			labels = append(labels, l)
		}
		st.Actors++
		if err := c.write("actors.csv", a.ID, a.Name, string(a.Type), array(a.Aliases), iso3, array(labels)); err != nil {
			return st, err
		}
	}
	for _, id := range sortedKeys(missing) {
		st.Actors++
		if err := c.write("actors.csv", id, id, "", "", "", "Actor"); err != nil {
			return st, err
		}
	}
	if err := c.write("graph_schema.csv", "geokg", strconv.Itoa(graphSchemaVersion)); err != nil {
		return st, err
	}

	dyads, _, err := aggregate(ctx, src, f)
	if err != nil {
		return st, err
	}
	for _, d := range dyads {
		st.Relations++
		if err := c.write("relations.csv", d.Source, d.Target, string(d.Type), strconv.Itoa(d.Events),
			strconv.Itoa(d.Articles()), d.First.String(), d.Last.String(), string(d.Type.Quad()), ftoa(d.Type.Score())); err != nil {
			return st, err
		}
	}

	if err := writeMentions(ctx, c, src, actors, missing, published); err != nil {
		return st, err
	}
	if err := writeImportScript(dir); err != nil {
		return st, err
	}
	return st, nil
}

// affiliation aggregates one person's AFFILIATED_WITH edge.
type affiliation struct {
	person, org string
	role        string
	roleDate    schema.Date
	first, last schema.Date
	articles    int
}

// writeMentions writes MENTIONED_IN and derives AFFILIATED_WITH from the
// affiliations articles state, as the loader does: first and last article
// dates, the number of articles, the role of the latest article giving
// one.
func writeMentions(ctx context.Context, c *csvFiles, src graphdata.Source, actors map[string]graphdata.Actor, missing map[string]bool, published map[string]schema.Date) error {
	affs := map[[2]string]*affiliation{}
	err := src.Mentions(ctx, func(m graphdata.Mention) error {
		if _, ok := actors[m.Actor]; !ok && !missing[m.Actor] {
			return nil
		}
		if _, ok := published[m.Article]; !ok {
			return nil
		}
		if err := c.write("mentioned_in.csv", m.Actor, m.Article, strconv.Itoa(m.Count), m.Role, m.Affiliation); err != nil {
			return err
		}
		if actors[m.Actor].Type != schema.Person || m.Affiliation == "" {
			return nil
		}
		if _, ok := actors[m.Affiliation]; !ok {
			return nil
		}
		k := [2]string{m.Actor, m.Affiliation}
		a := affs[k]
		if a == nil {
			a = &affiliation{person: m.Actor, org: m.Affiliation}
			affs[k] = a
		}
		d := published[m.Article]
		a.articles++
		if !d.IsZero() {
			if a.first.IsZero() || d.Time().Before(a.first.Time()) {
				a.first = d
			}
			if a.last.IsZero() || d.Time().After(a.last.Time()) {
				a.last = d
			}
		}
		if m.Role != "" && (a.role == "" || !d.Time().Before(a.roleDate.Time())) {
			a.role, a.roleDate = m.Role, d
		}
		return nil
	})
	if err != nil {
		return err
	}
	list := make([]*affiliation, 0, len(affs))
	for _, a := range affs {
		list = append(list, a)
	}
	slices.SortFunc(list, func(x, y *affiliation) int {
		return cmp.Or(cmp.Compare(x.person, y.person), cmp.Compare(x.org, y.org))
	})
	for _, a := range list {
		if err := c.write("affiliated_with.csv", a.person, a.org, a.role, a.first.String(), a.last.String(), strconv.Itoa(a.articles)); err != nil {
			return err
		}
	}
	return nil
}

// writeImportScript writes import.sh, which runs neo4j-admin on the files.
func writeImportScript(dir string) error {
	args := AdminImportArgs(`"$here"`, `"${1:-neo4j}"`)
	var b strings.Builder
	b.WriteString(`#!/bin/sh
# Bulk-imports this folder into an empty (or replaced) Neo4j database.
# Usage: ./import.sh [DATABASE]   (default: neo4j; stop the database first)
# Set NEO4J_ADMIN to the neo4j-admin binary if it is not on PATH. Then run
# 'geokg schema apply' against the database to add constraints and indexes.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
exec "${NEO4J_ADMIN:-neo4j-admin}"`)
	for _, a := range args {
		b.WriteString(" \\\n  ")
		if strings.Contains(a, `"`) {
			b.WriteString(a)
		} else {
			b.WriteString("'" + a + "'")
		}
	}
	b.WriteString("\n")
	return os.WriteFile(filepath.Join(dir, "import.sh"), []byte(b.String()), 0o755)
}

func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func sortedKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
