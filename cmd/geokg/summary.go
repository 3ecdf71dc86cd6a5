package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/geokg/geokg/pipeline"
	"github.com/geokg/geokg/schema"
)

// jobSummary is what an import did: printed as a table on standard
// output, logged as one line with --log-format json, and saved in the
// output folder.
type jobSummary struct {
	Read    int `json:"read"`
	Skipped int `json:"skipped"`
	Failed  int `json:"failed"`
	Written int `json:"written"`
	// Resumed counts the articles --resume found already in the graph;
	// they are among Read and Skipped, but are not problems.
	Resumed int `json:"already_in_graph,omitempty"`
	// NotWritten counts articles read and extracted but not committed to
	// Neo4j when the job failed; NotWrittenFrom names the first of them
	// (the others follow it in input order) when known.
	NotWritten     int    `json:"not_written,omitempty"`
	NotWrittenFrom string `json:"not_written_from,omitempty"`
	// Warnings counts articles read despite a problem (repaired text).
	Warnings int `json:"warnings"`
	// Actors counts distinct actors by type; Mentions counts actors per
	// article (an actor in ten articles counts ten).
	Actors   map[schema.ActorType]int `json:"actors"`
	Mentions map[schema.ActorType]int `json:"actor_articles"`
	// Relations counts relations (events) by PLOVER type.
	Relations map[schema.EventType]int `json:"relations"`
	Seconds   float64                  `json:"seconds"`
	Rate      float64                  `json:"articles_per_second"`
	// Output says where the graph went ("" for --dry-run).
	Output     string    `json:"output"`
	ErrorsFile string    `json:"errors_file,omitempty"`
	Problems   []problem `json:"problems,omitempty"` // the first few
	Stopped    string    `json:"stopped,omitempty"`  // why the job ended early
}

// newJobSummary combines the pipeline's counts with the reporter's and the
// distinct actors the counting sink saw.
func newJobSummary(s pipeline.Summary, actors *actorCounter, rep *reporter, output string) jobSummary {
	listed, counts := rep.problems()
	js := jobSummary{
		Read: s.Read, Skipped: s.Skipped, Failed: s.Failed, Written: s.Written,
		Warnings:  counts[problemWarning],
		Actors:    actors.byType(),
		Mentions:  s.Actors,
		Relations: s.Relations,
		Seconds:   s.Elapsed.Seconds(),
		Rate:      s.Rate(),
		Output:    output,
		Problems:  listed,
	}
	return js
}

// addResumed counts the articles --resume skipped as read and skipped.
func (js *jobSummary) addResumed(n int) {
	js.Resumed = n
	js.Read += n
	js.Skipped += n
}

// printSummary writes the summary as an aligned table.
func printSummary(w io.Writer, s jobSummary) {
	row := func(label string, n int) { fmt.Fprintf(w, "%-16s %10s\n", label, thousands(n)) }
	sub := func(label string, n int) { fmt.Fprintf(w, "  %-14s %10s\n", label, thousands(n)) }
	row("articles read", s.Read)
	sub("written", s.Written)
	if s.NotWritten > 0 {
		where := ""
		if s.NotWrittenFrom != "" {
			where = "from " + schema.QuotePath(s.NotWrittenFrom) + " on; "
		}
		fmt.Fprintf(w, "  %-14s %10s  %srerun with --resume to complete the graph\n", "not written", thousands(s.NotWritten), where)
	}
	sub("skipped", s.Skipped)
	if s.Resumed > 0 {
		fmt.Fprintf(w, "    %-13s %9s\n", "already there", thousands(s.Resumed))
	}
	sub("failed", s.Failed)
	if s.Warnings > 0 {
		sub("with warnings", s.Warnings)
	}
	var actors int
	for _, t := range schema.ActorTypes {
		actors += s.Actors[t]
	}
	row("actors", actors)
	for _, t := range schema.ActorTypes {
		sub(string(t), s.Actors[t])
	}
	var rels int
	for _, t := range schema.EventTypes {
		rels += s.Relations[t]
	}
	row("relations", rels)
	for _, t := range schema.EventTypes {
		if n := s.Relations[t]; n > 0 {
			sub(string(t), n)
		}
	}
	fmt.Fprintf(w, "%-16s %10s\n", "time", shortDuration(time.Duration(s.Seconds*float64(time.Second))))
	fmt.Fprintf(w, "%-16s %10.1f articles/s\n", "rate", s.Rate)
	output := s.Output
	if output == "" {
		output = "nothing written (--dry-run)"
	}
	fmt.Fprintf(w, "%-16s %s\n", "output", output)
	if s.Stopped != "" {
		fmt.Fprintf(w, "%-16s %s\n", "stopped", s.Stopped)
	}
	problems := s.Failed + s.Skipped - s.Resumed + s.Warnings
	if problems == 0 {
		return
	}
	fmt.Fprintf(w, "\n%s (%d failed, %d skipped, %d warnings)", plural(problems, "problem"), s.Failed, s.Skipped-s.Resumed, s.Warnings)
	switch {
	case s.ErrorsFile != "":
		fmt.Fprintf(w, "; all in %s", s.ErrorsFile)
	case problems > len(s.Problems):
		fmt.Fprintf(w, "; the first %d (--errors FILE lists all)", len(s.Problems))
	}
	fmt.Fprintln(w, ":")
	for _, p := range s.Problems {
		fmt.Fprintf(w, "  %-8s %s\n", p.Kind, oneLine(p.Message))
	}
	if more := problems - len(s.Problems); more > 0 {
		fmt.Fprintf(w, "  … and %s more\n", thousands(more))
	}
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return thousands(n) + " " + word + "s"
}

// oneLine keeps a message on one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// actorCounter is a sink wrapper that counts distinct actors by type. Its
// memory grows with the number of distinct actors, not articles.
type actorCounter struct {
	pipeline.Sink
	seen map[string]schema.ActorType
}

func countActors(s pipeline.Sink) *actorCounter {
	return &actorCounter{Sink: s, seen: map[string]schema.ActorType{}}
}

// WriteBatch counts, then writes.
func (c *actorCounter) WriteBatch(ctx context.Context, docs []schema.Doc) error {
	if err := c.Sink.WriteBatch(ctx, docs); err != nil {
		return err
	}
	for _, d := range docs {
		for _, a := range d.Actors {
			if _, ok := c.seen[a.ID]; !ok {
				c.seen[a.ID] = a.Type
			}
		}
	}
	return nil
}

func (c *actorCounter) byType() map[schema.ActorType]int {
	out := map[schema.ActorType]int{}
	for _, t := range c.seen {
		out[t]++
	}
	return out
}
