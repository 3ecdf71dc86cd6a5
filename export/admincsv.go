package export

import (
	"context"
	"fmt"
	"slices"

	"github.com/geokg/geokg/export/admincsv"
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
	// The derived edges are the graph model's aggregation of what is
	// written, fed in the same passes.
	g := graphmodel.NewAggregate()
	err = src.Events(ctx, f, func(e graphdata.Event) error {
		if !e.Type.Valid() {
			return nil
		}
		st.Events++
		st.skipUndated(e, true)
		row := eventRow(e)
		g.Event(row)
		for _, end := range []string{e.Source, e.Target} {
			if _, ok := actors[end]; !ok {
				missing[end] = true
			}
		}
		if err := c.Event(row); err != nil {
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
		row := graphmodel.ActorRow{ID: a.ID, Name: a.Name, Type: a.Type, Aliases: a.Aliases}
		g.Actor(row)
		if err := c.Actor(row); err != nil {
			return st, err
		}
	}
	for _, id := range sortedKeys(missing) {
		st.Actors++
		if err := c.Actor(graphmodel.ActorRow{ID: id, Name: id}); err != nil {
			return st, err
		}
	}
	if err := writeMentions(ctx, c, g, src, actors, missing, published); err != nil {
		return st, err
	}
	for _, r := range g.Relations() {
		st.Relations++
		if err := c.Relation(r); err != nil {
			return st, err
		}
	}
	for _, a := range g.Affiliations() {
		if err := c.Affiliation(a); err != nil {
			return st, err
		}
	}
	return st, nil
}

// writeMentions writes MENTIONED_IN and adds the affiliations articles
// state to g, which derives AFFILIATED_WITH from them.
func writeMentions(ctx context.Context, c *admincsv.Writer, g *graphmodel.Aggregate, src graphdata.Source, actors map[string]graphdata.Actor, missing map[string]bool, published map[string]schema.Date) error {
	return src.Mentions(ctx, func(m graphdata.Mention) error {
		if _, ok := actors[m.Actor]; !ok && !missing[m.Actor] {
			return nil
		}
		date, ok := published[m.Article]
		if !ok {
			return nil
		}
		row := graphmodel.MentionRow{Actor: m.Actor, Article: m.Article, Count: m.Count, Role: m.Role, Affiliation: m.Affiliation}
		g.Mention(row, date.String())
		return c.Mention(row)
	})
}

func sortedKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
