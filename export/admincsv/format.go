// Package admincsv is the geokg graph as the node and relationship CSV
// files of `neo4j-admin database import full`: the files, their typed
// headers, how values are encoded, the import command line and the
// import.sh that runs it, and a Writer that writes them.
//
// The output folder of `geokg import` (its csv/) and
// `geokg export --format csv` both write through this package, so the two
// give the same files for the same graph. A file is self-describing: node
// files carry a :LABEL column and relationship files a :TYPE column, so
// the command line only lists the files:
//
//	actors.csv     id:ID(Actor),name,type,aliases:string[],iso3,:LABEL
//	               RUS,Russia,COUNTRY,Moscow␟Russia,RUS,Actor␟Country
//	relations.csv  :START_ID(Actor),:END_ID(Actor),:TYPE,events:long,articles:long,first:date,last:date,quad,score:double
//	               RUS,SYR,SUPPORT,2,2,2015-09-30,2016-12-20,verbal cooperation,4.6
//
// Arrays and labels are joined with the ASCII unit separator (␟ above),
// which the command names with --array-delimiter=U+001F; it is removed
// from every value, so names may hold ';' and ','. An empty field is no
// property.
package admincsv

import (
	"path/filepath"
	"strings"
)

// ArrayDelimiter separates the elements of array fields and the labels of
// a :LABEL column: a control character that news text never holds (it is
// replaced by a space in values).
const ArrayDelimiter = "\x1f"

// ScriptFile is the shell script, written beside the CSV files, that
// runs the import.
const ScriptFile = "import.sh"

// File is one CSV file of the import.
type File struct {
	// Name is the file name inside the folder.
	Name string
	// Header is the file's header row: neo4j-admin's name:type fields.
	Header []string
}

// Nodes reports whether f is a node file; the others hold relationships.
func (f File) Nodes() bool { return strings.Contains(f.Header[0], ":ID(") }

// The files, one per node label or relationship type (relations.csv holds
// every aggregated typed edge, with a :TYPE per row). The properties are
// those of docs/graph-model.md; the ID spaces are the node labels.
var (
	actorsFile   = File{"actors.csv", []string{"id:ID(Actor)", "name", "type", "aliases:string[]", "iso3", ":LABEL", "sector", "sector_key"}}
	articlesFile = File{"articles.csv", []string{"id:ID(Article)", "url", "title", "published:date", "source", "path", "hash", ":LABEL"}}
	eventsFile   = File{"events.csv", []string{"id:ID(Event)", "type", "quad", "score:double", "symmetric:boolean", "modes:string[]", "asserted:boolean", "date:date", "date_source", "date_precision", "evidence", "references:string[]", "sentence:long", "cue", "claimant", "confidence:double", "source", "target", "article",
		"mentions:long", "articles:long", "sources:long", "source_state", "target_state", "source_country", "target_country", "source_sector", "target_sector",
		"place", "place_text", "place_kind", "place_country", "lat:double", "lon:double", "location:point{crs:WGS-84}", ":LABEL"}}
	graphSchemaFile = File{"graph_schema.csv", []string{"name:ID(GraphSchema)", "version:long", ":LABEL"}}
	actorFile       = File{"actor.csv", []string{":START_ID(Actor)", ":END_ID(Event)", ":TYPE"}}
	recipientFile   = File{"recipient.csv", []string{":START_ID(Event)", ":END_ID(Actor)", ":TYPE"}}
	reportedInFile  = File{"reported_in.csv", []string{":START_ID(Event)", ":END_ID(Article)", ":TYPE", "mentions:long", "sentences:long[]", "evidence:string[]", "date:date", "report"}}
	mentionedInFile = File{"mentioned_in.csv", []string{":START_ID(Actor)", ":END_ID(Article)", ":TYPE", "count:long", "role", "affiliation"}}
	relationsFile   = File{"relations.csv", []string{":START_ID(Actor)", ":END_ID(Actor)", ":TYPE", "events:long", "articles:long", "first:date", "last:date", "quad", "score:double"}}
	affiliatedFile  = File{"affiliated_with.csv", []string{":START_ID(Actor)", ":END_ID(Actor)", ":TYPE", "role", "first:date", "last:date", "articles:long", "role_article"}}
)

// Files are the files a Writer writes, in the order of the import
// command. Callers must not change them.
var Files = []File{actorsFile, articlesFile, eventsFile, graphSchemaFile,
	actorFile, recipientFile, reportedInFile, mentionedInFile, relationsFile, affiliatedFile}

// ImportArgs returns the arguments of `neo4j-admin` that bulk-load the
// files in dir into database, which must be empty or is replaced. The
// database name comes before the options: --nodes and --relationships
// take several files, and would swallow it.
func ImportArgs(dir, database string) []string {
	args := []string{"database", "import", "full", database, "--overwrite-destination",
		"--array-delimiter=U+001F", "--multiline-fields=true"}
	for _, f := range Files {
		kind := "--relationships="
		if f.Nodes() {
			kind = "--nodes="
		}
		args = append(args, kind+filepath.Join(dir, f.Name))
	}
	return args
}

// Script returns the text of import.sh, which runs the import on the
// files beside it.
func Script() string {
	var b strings.Builder
	b.WriteString(`#!/bin/sh
# Bulk-imports this folder into an empty (or replaced) Neo4j database.
# Usage: ./import.sh [DATABASE]   (default: neo4j; stop the database first)
# Set NEO4J_ADMIN to the neo4j-admin binary if it is not on PATH. Then run
# 'geokg schema apply' against the database to add constraints and indexes.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
exec "${NEO4J_ADMIN:-neo4j-admin}"`)
	for _, a := range ImportArgs(`"$here"`, `"${1:-neo4j}"`) {
		b.WriteString(" \\\n  ")
		if strings.Contains(a, `"`) {
			b.WriteString(a) // expanded by the shell
		} else {
			b.WriteString("'" + a + "'")
		}
	}
	b.WriteString("\n")
	return b.String()
}
