package export

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/geokg/geokg/admincsv"
	"github.com/geokg/geokg/graphdata"
	"github.com/geokg/geokg/graphmodel"
	"github.com/geokg/geokg/schema"
)

// WriteAdminCSV writes the graph as the node and relationship CSV files of
// `neo4j-admin database import full` into dir, with import.sh, which runs
// the import: the files of package admincsv, the ones an output folder's
// csv/ holds. They hold the graph model of docs/graph-model.md: actors
// (with their type label), articles, events with their ACTOR, RECIPIENT
// and REPORTED_IN relationships, the aggregated typed edges, MENTIONED_IN,
// AFFILIATED_WITH and the schema version node. Run `geokg schema apply`
// on the imported database to add constraints and indexes.
func WriteAdminCSV(ctx context.Context, dir string, src graphdata.Source, f graphdata.Filter) (st Stats, err error) {
	c, err := admincsv.Create(dir)
	if err != nil {
		return st, fmt.Errorf("export folder %s: %w", dir, err)
	}
	defer func() {
		if cerr := c.Close(); err == nil {
			err = cerr
		}
	}()

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
		return c.Article(graphmodel.ArticleRow{ID: a.ID, URL: a.URL, Title: a.Title, Published: a.Published.String(),
			Source: a.Source, Path: a.Path, Hash: a.Hash})
	})
	if err != nil {
		return st, err
	}

	missing := map[string]bool{}
	// The typed edges count asserted events only, as the loader does; they
	// are aggregated in the same pass that writes the events.
	ds := dyads{}
	err = src.Events(ctx, f, func(e graphdata.Event) error {
		if !e.Type.Valid() {
			return nil
		}
		st.Events++
		st.skipUndated(e, true)
		if e.Asserted() {
			ds.add(e)
		}
		for _, end := range []string{e.Source, e.Target} {
			if _, ok := actors[end]; !ok {
				missing[end] = true
			}
		}
		modes := make([]string, len(e.Modes))
		for i, m := range e.Modes {
			modes[i] = string(m)
		}
		if err := c.Event(graphmodel.EventRow{ID: e.ID, Article: e.Article, Source: e.Source, Target: e.Target, Type: e.Type,
			Quad: e.Type.Quad(), Score: e.Score, Symmetric: e.Type.Symmetric(), Modes: modes, Asserted: e.Asserted(),
			Date: e.Date.String(), DateSource: e.DateSource, DatePrecision: e.DatePrecision, Evidence: e.Evidence, References: e.References, Sentence: e.Sentence, Cue: e.Cue, Claimant: e.Claimant,
			Confidence: e.Confidence, Mentions: e.Mentions, Articles: e.Articles, Sources: e.Sources,
			SourceState: e.SourceState, TargetState: e.TargetState, SourceCountry: e.SourceCountry, TargetCountry: e.TargetCountry,
			SourceSector: e.SourceSector, TargetSector: e.TargetSector, Place: e.Place, Reports: modelReports(e)}); err != nil {
			return err
		}
		if _, ok := published[e.Article]; !ok {
			// An event's article the source does not list: a bare node, so
			// that REPORTED_IN has an end.
			published[e.Article] = schema.Date{}
			st.Articles++
			return c.Article(graphmodel.ArticleRow{ID: e.Article})
		}
		return nil
	})
	if err != nil {
		return st, err
	}

	for _, id := range ids {
		a := actors[id]
		st.Actors++
		if err := c.Actor(graphmodel.ActorRow{ID: a.ID, Name: a.Name, Type: a.Type, Aliases: a.Aliases}); err != nil {
			return st, err
		}
	}
	for _, id := range sortedKeys(missing) {
		st.Actors++
		if err := c.Actor(graphmodel.ActorRow{ID: id, Name: id}); err != nil {
			return st, err
		}
	}

	for _, d := range ds.sorted() {
		st.Relations++
		if err := c.Relation(admincsv.Relation{Source: d.Source, Target: d.Target, Type: d.Type, Events: d.Events,
			Articles: d.Articles(), First: d.First.String(), Last: d.Last.String()}); err != nil {
			return st, err
		}
	}
	return st, writeMentions(ctx, c, src, actors, missing, published)
}

// modelReports returns the event's reports as the graph stores them; a
// source that does not hold them gives what it has, and an event without
// reports its article's.
func modelReports(e graphdata.Event) []graphmodel.Report {
	modes := make([]string, len(e.Modes))
	for i, m := range e.Modes {
		modes[i] = string(m)
	}
	key := graphmodel.HappeningKey{Source: e.Source, Target: e.Target, Type: e.Type, Modes: strings.Join(modes, ",")}
	if len(e.Reports) == 0 {
		return []graphmodel.Report{{Key: key, Article: e.Article, Date: e.Date.String(), DateSource: e.DateSource, DatePrecision: e.DatePrecision,
			Sentences: []int{e.Sentence}, Evidence: []string{e.Evidence}, Confidence: e.Confidence}}
	}
	out := make([]graphmodel.Report, len(e.Reports))
	for i, r := range e.Reports {
		if rep, err := graphmodel.ParseReport(r.Stored); err == nil {
			out[i] = rep
			continue
		}
		out[i] = graphmodel.Report{Key: key, Article: r.Article, Outlet: r.Source, Sentences: r.Sentences, Evidence: r.Evidence}
	}
	return out
}

// affiliation aggregates one person's AFFILIATED_WITH edge.
type affiliation struct {
	person, org string
	role        string
	roleArticle string
	roleDate    schema.Date
	first, last schema.Date
	articles    int
}

// writeMentions writes MENTIONED_IN and derives AFFILIATED_WITH from the
// affiliations articles state, as the loader does: first and last article
// dates, the number of articles, the role of the latest article giving
// one.
func writeMentions(ctx context.Context, c *admincsv.Writer, src graphdata.Source, actors map[string]graphdata.Actor, missing map[string]bool, published map[string]schema.Date) error {
	affs := map[[2]string]*affiliation{}
	err := src.Mentions(ctx, func(m graphdata.Mention) error {
		if _, ok := actors[m.Actor]; !ok && !missing[m.Actor] {
			return nil
		}
		if _, ok := published[m.Article]; !ok {
			return nil
		}
		if err := c.Mention(graphmodel.MentionRow{Actor: m.Actor, Article: m.Article, Count: m.Count, Role: m.Role,
			Affiliation: m.Affiliation}); err != nil {
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
			a.role, a.roleArticle, a.roleDate = m.Role, m.Article, d
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
		if err := c.Affiliation(admincsv.Affiliation{Person: a.person, Actor: a.org, Role: a.role, RoleArticle: a.roleArticle, First: a.first.String(),
			Last: a.last.String(), Articles: a.articles}); err != nil {
			return err
		}
	}
	return nil
}

func sortedKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
