package query

import (
	"context"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/schema"
)

// Window bounds event dates, both inclusive; zero bounds are open. When
// either is set, undated events are left out.
type Window struct {
	Since, Until schema.Date
}

func (w Window) params(p map[string]any) map[string]any {
	p["since"], p["until"] = nil, nil
	if !w.Since.IsZero() {
		p["since"] = w.Since.String()
	}
	if !w.Until.IsZero() {
		p["until"] = w.Until.String()
	}
	return p
}

// windowClause keeps asserted events in $since..$until.
const windowClause = `e.asserted AND ($since IS NULL OR e.date >= date($since)) AND ($until IS NULL OR e.date <= date($until))`

var cooperative = []any{string(schema.VerbalCooperation), string(schema.MaterialCooperation)}
var conflictual = []any{string(schema.VerbalConflict), string(schema.MaterialConflict)}

// partnersCypher ranks the actors that share events of the given quad
// classes with $id.
const partnersCypher = `MATCH (x:Actor {id: $id})-[:ACTOR|RECIPIENT]-(e:Event)-[:ACTOR|RECIPIENT]-(y:Actor)
WHERE y <> x AND ` + windowClause + `
WITH y, e
WITH y,
     sum(CASE WHEN e.quad IN $quads THEN 1 ELSE 0 END) AS events,
     sum(CASE WHEN e.quad IN $quads AND e.source = $id AND NOT e.symmetric THEN 1 ELSE 0 END) AS initiated,
     sum(CASE WHEN e.quad IN $quads AND e.target = $id AND NOT e.symmetric THEN 1 ELSE 0 END) AS received,
     sum(CASE WHEN e.quad IN $quads THEN e.score ELSE 0 END) AS score,
     sum(e.score) AS net,
     [t IN collect(CASE WHEN e.quad IN $quads THEN e.type END) WHERE t IS NOT NULL] AS types,
     min(CASE WHEN e.quad IN $quads THEN e.date END) AS first,
     max(CASE WHEN e.quad IN $quads THEN e.date END) AS last
WHERE events > 0
WITH y, events, initiated, received, score, net, first, last,
     reduce(acc = [], t IN types | CASE WHEN t IN acc THEN acc ELSE acc + t END) AS types
RETURN y.id AS actor, y.name AS name, y.type AS type, events, initiated, received,
       round(score, 1) AS score, round(net, 1) AS net, types, first, last
ORDER BY events DESC, abs(score) DESC, actor
LIMIT $limit`

// Allies ranks the actors with the most cooperation events with the
// actor (verbal and material cooperation), with the summed PLOVER score,
// how many the actor initiated and received, the net score over all its
// events with them, and the first and last dates.
func (c *Client) Allies(ctx context.Context, id string, w Window, limit int) (*Table, error) {
	return c.partners(ctx, id, cooperative, w, limit)
}

// Rivals ranks the actors with the most conflict events with the actor.
func (c *Client) Rivals(ctx context.Context, id string, w Window, limit int) (*Table, error) {
	return c.partners(ctx, id, conflictual, w, limit)
}

func (c *Client) partners(ctx context.Context, id string, quads []any, w Window, limit int) (*Table, error) {
	limit = orDefaultLimit(limit, defaultLimit)
	recs, err := c.read(ctx, "partners of "+id, partnersCypher,
		w.params(map[string]any{"id": id, "quads": quads, "limit": int64(limit)}))
	if err != nil {
		return nil, err
	}
	return sortLists(tableOf([]string{"actor", "name", "type", "events", "initiated", "received", "score", "net", "types", "first", "last"}, recs), "types"), nil
}

// sortLists sorts the string lists of the named column in place, so that a
// list collected from the graph (whose order follows storage, not meaning)
// prints the same in every run.
func sortLists(t *Table, column string) *Table {
	i := slices.Index(t.Columns, column)
	if i < 0 {
		return t
	}
	for _, r := range t.Rows {
		if l, ok := r[i].([]any); ok {
			slices.SortFunc(l, func(a, b any) int { return strings.Compare(fmt.Sprint(a), fmt.Sprint(b)) })
		}
	}
	return t
}

// dyadCypher lists the events between two actors, either way round.
const dyadCypher = `MATCH (x:Actor {id: $x})-[:ACTOR|RECIPIENT]-(e:Event)-[:ACTOR|RECIPIENT]-(y:Actor {id: $y})
WHERE ` + windowClause + `
OPTIONAL MATCH (e)-[:REPORTED_IN]->(a:Article)
RETURN coalesce(left(toString(e.date), 7), 'undated') AS month, e.quad AS quad, e.date AS date,
       e.source AS source, e.type AS type, e.target AS target, e.score AS score, e.evidence AS evidence,
       e.references AS references, coalesce(a.title, a.id) AS article, a.url AS url
ORDER BY e.date IS NULL, e.date, quad, e.id
LIMIT $limit`

// dyadMonthsCypher sums the events between two actors by month and quad
// class.
const dyadMonthsCypher = `MATCH (x:Actor {id: $x})-[:ACTOR|RECIPIENT]-(e:Event)-[:ACTOR|RECIPIENT]-(y:Actor {id: $y})
WHERE ` + windowClause + `
WITH coalesce(left(toString(e.date), 7), 'undated') AS month, e.quad AS quad, e
WITH month, quad, count(e) AS events, round(sum(e.score), 1) AS score, collect(e.type) AS types,
     sum(CASE WHEN e.source = $x AND NOT e.symmetric THEN 1 ELSE 0 END) AS by_x,
     sum(CASE WHEN e.source = $y AND NOT e.symmetric THEN 1 ELSE 0 END) AS by_y
RETURN month, quad, events, by_x, by_y, score,
       reduce(acc = [], t IN types | CASE WHEN t IN acc THEN acc ELSE acc + t END) AS types
ORDER BY month = 'undated', month,
         CASE quad WHEN 'verbal cooperation' THEN 0 WHEN 'material cooperation' THEN 1 WHEN 'verbal conflict' THEN 2 ELSE 3 END
LIMIT $limit`

// defaultLimit is how many rows a named question returns when its limit is
// not positive; defaultPaths is the same for path's chains.
const (
	defaultLimit = 20
	defaultPaths = 5
)

// orDefaultLimit is limit, or def when limit is not positive.
func orDefaultLimit(limit, def int) int {
	if limit <= 0 {
		return def
	}
	return limit
}

// Dyad returns the timeline of events between x and y: one row per event
// (month, quad class, date, direction, type, score, evidence sentence,
// the references through which the sentence names an actor, article), in
// date order; with byMonth, one row per month and quad class with counts
// (by_x: initiated by x) and summed scores. At most limit rows (the first
// in that order); limit <= 0 means 20.
func (c *Client) Dyad(ctx context.Context, x, y string, w Window, byMonth bool, limit int) (*Table, error) {
	limit = orDefaultLimit(limit, defaultLimit)
	params := w.params(map[string]any{"x": x, "y": y, "limit": int64(limit)})
	if byMonth {
		recs, err := c.read(ctx, "dyad "+x+"–"+y, dyadMonthsCypher, params)
		if err != nil {
			return nil, err
		}
		return sortLists(tableOf([]string{"month", "quad", "events", "by_x", "by_y", "score", "types"}, recs), "types"), nil
	}
	recs, err := c.read(ctx, "dyad "+x+"–"+y, dyadCypher, params)
	if err != nil {
		return nil, err
	}
	t := tableOf([]string{"month", "quad", "date", "source", "type", "target", "score", "evidence", "references", "article", "url"}, recs)
	return t, nil
}

// MaxPathHops bounds `path`: longer chains say little.
const MaxPathHops = 8

// PathTypes returns the relationship types path walks: the given PLOVER
// types, or all 16. Names are checked against the enum; Cypher is only
// ever built from these.
func PathTypes(names []string) ([]schema.EventType, error) {
	if len(names) == 0 {
		return schema.EventTypes, nil
	}
	var out []schema.EventType
	for _, n := range names {
		t, err := schema.ParseEventType(strings.ToUpper(strings.TrimSpace(n)))
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, nil
}

// Path finds the shortest chains of typed relations between x and y (in
// either direction) and explains each hop: the relation's direction and
// type, its event count, first and last dates, and its latest evidence
// sentence.
func (c *Client) Path(ctx context.Context, x, y string, types []schema.EventType, maxHops, limit int) (*Table, error) {
	if maxHops <= 0 || maxHops > MaxPathHops {
		return nil, fmt.Errorf("path: --max-hops must be 1..%d", MaxPathHops)
	}
	limit = orDefaultLimit(limit, defaultPaths)
	names := make([]string, len(types))
	for i, t := range types {
		if !t.Valid() {
			return nil, fmt.Errorf("path: %q is not a PLOVER type", t)
		}
		names[i] = string(t)
	}
	// Relationship types come from the PLOVER enum and the hop bound is an
	// integer we checked: nothing from the input reaches the text.
	cypher := `MATCH (x:Actor {id: $x}), (y:Actor {id: $y})
MATCH p = allShortestPaths((x)-[:` + strings.Join(names, "|") + `*..` + strconv.Itoa(maxHops) + `]-(y))
WITH p LIMIT $limit
WITH collect(p) AS paths
UNWIND range(0, size(paths) - 1) AS k
WITH k + 1 AS path, nodes(paths[k]) AS ns, relationships(paths[k]) AS rs
UNWIND range(0, size(rs) - 1) AS i
WITH path, i + 1 AS hop, ns[i] AS a, ns[i + 1] AS b, rs[i] AS r
CALL {
  WITH r
  OPTIONAL MATCH (e:Event {source: startNode(r).id, target: endNode(r).id, type: type(r)})
  WHERE e.asserted
  WITH e ORDER BY e.date DESC
  RETURN collect(e.evidence)[0] AS example
}
RETURN path, hop, a.name AS from,
       CASE WHEN startNode(r) = a THEN '-' + type(r) + '->' ELSE '<-' + type(r) + '-' END AS relation,
       b.name AS to, r.events AS events, r.first AS first, r.last AS last, example
ORDER BY path, hop`
	recs, err := c.read(ctx, "path "+x+"–"+y, cypher, map[string]any{"x": x, "y": y, "limit": int64(limit)})
	if err != nil {
		return nil, err
	}
	return tableOf([]string{"path", "hop", "from", "relation", "to", "events", "first", "last", "example"}, recs), nil
}

// Centrality orders `top`.
type Centrality string

// The orders of `top`.
const (
	ByPageRank Centrality = "pagerank"
	ByDegree   Centrality = "degree"
	ByEvents   Centrality = "events"
)

// dyadWeightsCypher counts the asserted events of each ordered pair in the
// window.
const dyadWeightsCypher = `MATCH (e:Event)
WHERE ` + windowClause + ` AND e.source <> e.target AND ($quads IS NULL OR e.quad IN $quads)
RETURN e.source AS s, e.target AS t, count(e) AS n`

const actorInfoCypher = `UNWIND $ids AS id MATCH (a:Actor {id: id}) RETURN a.id AS id, a.name AS name, a.type AS type`

// Top ranks the most central actors of the window: PageRank (computed
// here, on the undirected graph of who has events with whom, weighted by
// event count, damping 0.85 — no plugin needed on Community), degree
// (distinct partners) and event count. actorType, when set, keeps one
// type; quads, when set, counts only those classes.
func (c *Client) Top(ctx context.Context, w Window, by Centrality, actorType schema.ActorType, quads []schema.Quad, limit int) (*Table, error) {
	limit = orDefaultLimit(limit, defaultLimit)
	params := w.params(map[string]any{"quads": nil})
	if len(quads) > 0 {
		qs := make([]any, len(quads))
		for i, q := range quads {
			qs[i] = string(q)
		}
		params["quads"] = qs
	}
	var edges []WeightedEdge
	err := c.stream(ctx, "top", dyadWeightsCypher, params, func(r *graph.Record) error {
		s, _ := r.Get("s")
		t, _ := r.Get("t")
		n, _ := r.Get("n")
		edges = append(edges, WeightedEdge{From: s.(string), To: t.(string), Weight: float64(n.(int64))})
		return nil
	})
	if err != nil {
		return nil, err
	}
	ranks := PageRank(edges, 0.85, 1e-10, 200)
	degree := map[string]map[string]bool{}
	events := map[string]float64{}
	for _, e := range edges {
		for _, p := range [][2]string{{e.From, e.To}, {e.To, e.From}} {
			if degree[p[0]] == nil {
				degree[p[0]] = map[string]bool{}
			}
			degree[p[0]][p[1]] = true
		}
		events[e.From] += e.Weight
		events[e.To] += e.Weight
	}
	ids := make([]any, 0, len(ranks))
	for id := range ranks {
		ids = append(ids, id)
	}
	info := map[string][2]string{}
	recs, err := c.read(ctx, "top", actorInfoCypher, map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		info[r.Values[0].(string)] = [2]string{str(r.Values[1]), str(r.Values[2])}
	}
	type row struct {
		id             string
		pr             float64
		degree, events int
	}
	var rows []row
	for id, pr := range ranks {
		if actorType != "" && info[id][1] != string(actorType) {
			continue
		}
		rows = append(rows, row{id, pr, len(degree[id]), int(events[id])})
	}
	sort.Slice(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		switch by {
		case ByDegree:
			if a.degree != b.degree {
				return a.degree > b.degree
			}
		case ByEvents:
			if a.events != b.events {
				return a.events > b.events
			}
		}
		if a.pr != b.pr {
			return a.pr > b.pr
		}
		return a.id < b.id
	})
	t := &Table{Columns: []string{"rank", "actor", "name", "type", "pagerank", "degree", "events"}}
	for i, r := range rows {
		if i == limit {
			break
		}
		t.Rows = append(t.Rows, []any{int64(i + 1), r.id, info[r.id][0], info[r.id][1], math.Round(r.pr*1e4) / 1e4, int64(r.degree), int64(r.events)})
	}
	return t, nil
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

// Cypher runs any Cypher with parameters, read-only unless write, and
// returns its records as a table.
func (c *Client) Cypher(ctx context.Context, cypher string, params map[string]any, write bool) (*Table, error) {
	run := c.read
	if write {
		run = c.write
	}
	recs, err := run(ctx, "cypher", cypher, params)
	if err != nil {
		return nil, err
	}
	var cols []string
	if len(recs) > 0 {
		cols = recs[0].Keys
	}
	return tableOf(cols, recs), nil
}
