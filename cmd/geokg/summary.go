package main

import (
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/geokg/geokg/pipeline"
	"github.com/geokg/geokg/schema"
)

// printSummary writes a job's summary as an aligned table.
func printSummary(w io.Writer, s pipeline.Summary, dest string) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "articles\t%d read, %d failed\n", s.Read, s.Failed)
	var actors int
	for _, t := range schema.ActorTypes {
		actors += s.Actors[t]
	}
	fmt.Fprintf(tw, "actors\t%d", actors)
	sep := " ("
	for _, t := range schema.ActorTypes {
		if n := s.Actors[t]; n > 0 {
			fmt.Fprintf(tw, "%s%s %d", sep, t, n)
			sep = ", "
		}
	}
	if sep == ", " {
		fmt.Fprint(tw, ")")
	}
	fmt.Fprintln(tw)
	var rels int
	for _, t := range schema.EventTypes {
		rels += s.Relations[t]
	}
	fmt.Fprintf(tw, "relations\t%d", rels)
	sep = " ("
	for _, t := range schema.EventTypes {
		if n := s.Relations[t]; n > 0 {
			fmt.Fprintf(tw, "%s%s %d", sep, t, n)
			sep = ", "
		}
	}
	if sep == ", " {
		fmt.Fprint(tw, ")")
	}
	fmt.Fprintln(tw)
	fmt.Fprintf(tw, "time\t%.1fs (%.1f articles/s)\n", s.Elapsed.Seconds(), s.Rate())
	fmt.Fprintf(tw, "written to\t%s\n", dest)
	tw.Flush()
}
