package outdir

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"

	"github.com/geokg/geokg/graphdata"
	"github.com/geokg/geokg/graphmodel"
	"github.com/geokg/geokg/jsonl"
	"github.com/geokg/geokg/schema"
)

// Source is the open side of an output folder: a graphdata.Source over
// its docs.jsonl — or over any JSON-lines file of schema.Doc, such as the
// output of `geokg extract`. An article given more than once (files
// appended to one another, an article extracted again after a change) is
// read in its last version only, as the Neo4j writer keeps it. Lines that
// do not parse are reported to the onError of Open, once, and skipped.
//
// Memory grows with the number of actors, dyads and article ids, and, for
// Events, with the number of reports (which make one event is known only
// once the file is read).
type Source struct {
	// EventWindow is the event window in days, as graphmodel.GraphOptions
	// takes it (0: graphmodel.DefaultEventWindow).
	EventWindow int

	path     string
	onError  func(error)
	reported int            // the last bad line reported: every pass meets it again
	latest   map[string]int // article id → ordinal of its last doc, built on first use
	docs     int            // docs in the file
	actors   []graphdata.Actor
}

// Open returns a Source over path: an output folder (its docs.jsonl is
// read) or a JSON-lines file. onError, which may be nil, receives each line
// that does not parse.
func Open(path string, onError func(error)) (*Source, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("graph folder %s: %w", path, unwrapPath(err))
	}
	if info.IsDir() {
		file := filepath.Join(path, DocsFile)
		if _, err := os.Stat(file); err != nil {
			return nil, fmt.Errorf("graph folder %s: no %s in it (write one with `geokg import --out %s`)", path, DocsFile, path)
		}
		path = file
	}
	if onError == nil {
		onError = func(error) {}
	}
	return &Source{path: path, onError: onError}, nil
}

// DocsPath is the JSON-lines file of path: an output folder's docs.jsonl,
// or path itself when it is not a folder.
func DocsPath(path string) string {
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return filepath.Join(path, DocsFile)
	}
	return path
}

// Path is the JSON-lines file read.
func (s *Source) Path() string { return s.path }

// ReadDocs calls fn for every doc of the JSON-lines stream r, named name
// in errors, in order. A line that does not parse goes to onError and is
// skipped; when the reader itself fails (a line over jsonl.MaxLineSize or
// a read error) and cannot go on, its error, naming name and the line, is
// returned.
func ReadDocs(ctx context.Context, r io.Reader, name string, onError func(*jsonl.ParseError), fn func(*schema.Doc) error) error {
	jr := jsonl.NewReader(r, name)
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		doc, err := jr.Next()
		if err == io.EOF {
			return nil
		}
		var pe *jsonl.ParseError
		if errors.As(err, &pe) {
			onError(pe)
			continue
		}
		if err != nil {
			return err
		}
		if err := fn(&doc); err != nil {
			return err
		}
	}
}

// all calls fn for every doc of the file, each version of an article.
func (s *Source) all(ctx context.Context, fn func(*schema.Doc) error) error {
	f, err := os.Open(s.path)
	if err != nil {
		return fmt.Errorf("read %s: %w", s.path, unwrapPath(err))
	}
	defer f.Close()
	return ReadDocs(ctx, f, s.path, func(pe *jsonl.ParseError) {
		if pe.Line > s.reported {
			s.reported = pe.Line
			s.onError(pe)
		}
	}, fn)
}

// each calls fn for the last version of every article, in file order.
func (s *Source) each(ctx context.Context, fn func(*schema.Doc) error) error {
	if s.latest == nil {
		latest, n := map[string]int{}, 0
		err := s.all(ctx, func(d *schema.Doc) error {
			latest[d.ID] = n
			n++
			return nil
		})
		if err != nil {
			return err
		}
		s.latest, s.docs = latest, n
	}
	n := 0
	return s.all(ctx, func(d *schema.Doc) error {
		i := n
		n++
		if len(s.latest) < s.docs && s.latest[d.ID] != i {
			return nil // an earlier version
		}
		return fn(d)
	})
}

// Actors merges each actor over the articles that name it: the longest
// name (as the graph keeps it), the most used role and affiliation, and
// the sorted union of aliases.
func (s *Source) Actors(ctx context.Context, fn func(graphdata.Actor) error) error {
	if s.actors == nil {
		actors, err := s.mergeActors(ctx)
		if err != nil {
			return err
		}
		s.actors = actors
	}
	for _, a := range s.actors {
		if err := fn(a); err != nil {
			return err
		}
	}
	return nil
}

// actorVotes gathers one actor's forms over all articles.
type actorVotes struct {
	graphdata.Actor
	roles, affiliations counter
	seen                map[string]bool
}

func (s *Source) mergeActors(ctx context.Context) ([]graphdata.Actor, error) {
	byID := map[string]*actorVotes{}
	err := s.each(ctx, func(doc *schema.Doc) error {
		for _, a := range doc.Actors {
			v := byID[a.ID]
			if v == nil {
				v = &actorVotes{Actor: graphdata.Actor{ID: a.ID, Type: a.Type}, seen: map[string]bool{}}
				byID[a.ID] = v
			}
			name := a.Name
			if name == "" {
				name = a.ID
			}
			if v.Name == "" || graphmodel.BetterName(name, v.Name) {
				v.Name = name
			}
			v.Articles++
			v.Mentions += len(a.Mentions)
			v.roles.add(a.Role)
			v.affiliations.add(a.Affiliation)
			for _, alias := range a.Aliases {
				if !v.seen[alias] {
					v.seen[alias] = true
					v.Aliases = append(v.Aliases, alias)
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := make([]graphdata.Actor, 0, len(byID))
	for _, v := range byID {
		a := v.Actor
		slices.Sort(a.Aliases)
		a.Role = v.roles.top()
		a.Affiliation = v.affiliations.top()
		if a.Aliases == nil {
			a.Aliases = []string{}
		}
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

// Articles yields each doc's article metadata, in file order.
func (s *Source) Articles(ctx context.Context, fn func(graphdata.Article) error) error {
	return s.each(ctx, func(doc *schema.Doc) error {
		return fn(graphdata.Article{ID: doc.ID, URL: doc.URL, Title: doc.Title, Published: doc.Published, Source: doc.Source, Path: doc.Path, Hash: doc.Hash})
	})
}

// Mentions yields, per article, each actor it names with its span count
// and what the article says of a person's role and affiliation.
func (s *Source) Mentions(ctx context.Context, fn func(graphdata.Mention) error) error {
	return s.each(ctx, func(doc *schema.Doc) error {
		index := map[string]int{}
		var ms []graphdata.Mention
		for _, a := range doc.Actors {
			i, ok := index[a.ID]
			if !ok {
				i = len(ms)
				index[a.ID] = i
				ms = append(ms, graphdata.Mention{Actor: a.ID, Article: doc.ID})
			}
			m := &ms[i]
			m.Count += len(a.Mentions)
			if m.Role == "" {
				m.Role = a.Role
			}
			if m.Affiliation == "" && a.Affiliation != a.ID {
				m.Affiliation = a.Affiliation
			}
		}
		for _, m := range ms {
			if err := fn(m); err != nil {
				return err
			}
		}
		return nil
	})
}

// Events yields one event per happening (graphmodel.Cluster over every
// article's reports, with the event window EventWindow), ordered by the
// file position of its first report, as the graph stores them. Unlike the
// other records, the reports are held in memory until the file is read.
func (s *Source) Events(ctx context.Context, f graphdata.Filter, fn func(graphdata.Event) error) error {
	var reports []graphmodel.Report
	order := map[string]int{} // article → position in the file
	err := s.each(ctx, func(doc *schema.Doc) error {
		order[doc.ID] = len(order)
		dated := datedDoc(doc)
		reports = append(reports, graphmodel.ReportsOf(&dated, func(_ int, r schema.Relation) bool {
			return f.AllModes || r.Asserted()
		})...)
		return nil
	})
	if err != nil {
		return err
	}
	hs := graphmodel.Cluster(reports, graphmodel.GraphOptions{EventWindow: s.EventWindow}.Window())
	slices.SortStableFunc(hs, func(x, y graphmodel.Happening) int {
		return cmp.Or(cmp.Compare(order[x.Reports[0].Article], order[y.Reports[0].Article]),
			cmp.Compare(x.Reports[0].Sentences[0], y.Reports[0].Sentences[0]))
	})
	for _, h := range hs {
		e := eventOf(graphmodel.EventRowOf(h))
		if !f.Keep(e) {
			continue
		}
		if err := fn(e); err != nil {
			return err
		}
	}
	return nil
}

// datedDoc returns doc with its undated relations dated by the article
// when the doc does not say where its dates come from (no relation has a
// date_source: an extraction older than it, or a line written by hand);
// when it does, an undated relation is one the extractor left undated on
// purpose (told in the past perfect), as it stays in the graph.
func datedDoc(doc *schema.Doc) schema.Doc {
	d := *doc
	if doc.Published.IsZero() || slices.ContainsFunc(doc.Relations, func(r schema.Relation) bool { return r.DateSource != "" }) {
		return d
	}
	d.Relations = slices.Clone(doc.Relations)
	for i := range d.Relations {
		if r := &d.Relations[i]; r.Date.IsZero() {
			r.Date, r.DateSource, r.DatePrecision = doc.Published, schema.DateFromArticle, schema.DayPrecision
		}
	}
	return d
}

// eventOf turns an event row into an Event.
func eventOf(r graphmodel.EventRow) graphdata.Event {
	modes := make([]schema.Mode, len(r.Modes))
	for i, m := range r.Modes {
		modes[i] = schema.Mode(m)
	}
	if len(modes) == 0 {
		modes = nil
	}
	date, _ := schema.ParseDate(r.Date)
	reports := make([]graphdata.Report, len(r.Reports))
	for i, rep := range r.Reports {
		reports[i] = graphdata.Report{Article: rep.Article, Source: rep.Outlet, Sentences: slices.Clone(rep.Sentences), Evidence: slices.Clone(rep.Evidence), Stored: rep.JSON()}
	}
	return graphdata.Event{
		ID: r.ID, Source: r.Source, Target: r.Target, Type: r.Type, Quad: r.Quad, Score: r.Score, Modes: modes,
		Date: date, DateSource: r.DateSource, DatePrecision: r.DatePrecision, Evidence: r.Evidence, Sentence: r.Sentence,
		Cue: r.Cue, References: r.References, Confidence: r.Confidence, Claimant: r.Claimant, Article: r.Article,
		Mentions: r.Mentions, Articles: r.Articles, Sources: r.Sources, Reports: reports,
		SourceState: r.SourceState, TargetState: r.TargetState, SourceCountry: r.SourceCountry, TargetCountry: r.TargetCountry,
		SourceSector: r.SourceSector, TargetSector: r.TargetSector, Place: r.Place,
	}
}

// counter finds the most frequent non-empty string, the first seen on
// ties.
type counter struct {
	order []string
	n     map[string]int
}

func (c *counter) add(s string) {
	if s == "" {
		return
	}
	if c.n == nil {
		c.n = map[string]int{}
	}
	if c.n[s] == 0 {
		c.order = append(c.order, s)
	}
	c.n[s]++
}

func (c *counter) top() string {
	best := ""
	for _, s := range c.order {
		if c.n[s] > c.n[best] {
			best = s
		}
	}
	return best
}

// unwrapPath drops the *os.PathError wrapper whose path the caller names
// already.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
