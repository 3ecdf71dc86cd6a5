package query

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graphdata"
	"github.com/geokg/geokg/schema"
)

// Window selects the events a question counts: Since and Until bound
// event dates, both inclusive (zero bounds are open; when either is set,
// undated events are left out); Level says whose events they are (the
// actors', or at graphdata.StateLevel the states' they act for);
// MinConfidence leaves out events the extractor was less sure of.
type Window struct {
	Since, Until  schema.Date
	Level         graphdata.Level
	MinConfidence float64
}

func (w Window) params(p map[string]any) map[string]any {
	p["since"], p["until"], p["minConfidence"] = nil, nil, w.MinConfidence
	if !w.Since.IsZero() {
		p["since"] = w.Since.String()
	}
	if !w.Until.IsZero() {
		p["until"] = w.Until.String()
	}
	return p
}

// eventClause keeps the asserted events in $since..$until with a
// confidence of at least $minConfidence between two different ends s and
// t (two actors, or two states).
const eventClause = `e.asserted AND ($since IS NULL OR e.date >= date($since)) AND ($until IS NULL OR e.date <= date($until))
  AND coalesce(e.confidence, 0.0) >= $minConfidence AND s <> t`

// ends binds s and t, the ends of an (:Event) e at the level: the Cypher
// twin of graphdata.Event.Ends.
func ends(l graphdata.Level) string {
	if l == graphdata.StateLevel {
		return "coalesce(e.source_state, e.source) AS s, coalesce(e.target_state, e.target) AS t"
	}
	return "e.source AS s, e.target AS t"
}

// events matches the events of eventClause, binding e, s and t at the
// window's level.
func (w Window) events() string {
	return "MATCH (e:Event)\nWITH e, " + ends(w.Level) + "\nWHERE " + eventClause
}

// eventsOf is events with the actor of the named parameter at one end. At
// actor level it walks from the actor; at state level it scans the
// events, as a state's events are also its persons'. param is a constant
// of this package, never input.
func (w Window) eventsOf(param string) string {
	if w.Level == graphdata.StateLevel {
		return w.events() + " AND (s = $" + param + " OR t = $" + param + ")"
	}
	return "MATCH (:Actor {id: $" + param + "})-[:ACTOR|RECIPIENT]-(e:Event)\nWITH e, " + ends(w.Level) + "\nWHERE " + eventClause
}

var cooperative = []any{string(schema.VerbalCooperation), string(schema.MaterialCooperation)}
var conflictual = []any{string(schema.VerbalConflict), string(schema.MaterialConflict)}

// partnersCypher ranks the actors that share events of the given quad
// classes with $id; it follows one of Window.eventsOf.
const partnersCypher = `
WITH e, s, t, CASE WHEN s = $id THEN t ELSE s END AS other
WITH other,
     sum(CASE WHEN e.quad IN $quads THEN 1 ELSE 0 END) AS events,
     sum(CASE WHEN e.quad IN $quads AND s = $id AND NOT e.symmetric THEN 1 ELSE 0 END) AS initiated,
     sum(CASE WHEN e.quad IN $quads AND t = $id AND NOT e.symmetric THEN 1 ELSE 0 END) AS received,
     sum(CASE WHEN e.quad IN $quads THEN e.score ELSE 0 END) AS score,
     sum(e.score) AS net,
     [ty IN collect(CASE WHEN e.quad IN $quads THEN e.type END) WHERE ty IS NOT NULL] AS types,
     min(CASE WHEN e.quad IN $quads THEN e.date END) AS first,
     max(CASE WHEN e.quad IN $quads THEN e.date END) AS last
WHERE events > 0
OPTIONAL MATCH (y:Actor {id: other})
WITH other, y, events, initiated, received, score, net, first, last,
     reduce(acc = [], ty IN types | CASE WHEN ty IN acc THEN acc ELSE acc + ty END) AS types
RETURN other AS actor, coalesce(y.name, other) AS name, y.type AS type, events, initiated, received,
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
	recs, err := c.read(ctx, "partners of "+id, w.eventsOf("id")+partnersCypher,
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

// dyadClause keeps, after Window.eventsOf("x"), the events between $x
// and $y, either way round.
const dyadClause = ` AND ((s = $x AND t = $y) OR (s = $y AND t = $x))`

// dyadCypher lists the events between two actors, either way round, each
// with its first report's sentence and article.
const dyadCypher = dyadClause + `
OPTIONAL MATCH (a:Article {id: e.article})
RETURN coalesce(left(toString(e.date), 7), 'undated') AS month, e.quad AS quad, e.date AS date,
       s AS source, e.type AS type, t AS target, e.score AS score, e.evidence AS evidence,
       e.references AS references, coalesce(a.title, a.id) AS article, a.url AS url
ORDER BY e.date IS NULL, e.date, quad, e.id
LIMIT $limit`

// dyadMonthsCypher sums the events between two actors by month and quad
// class.
const dyadMonthsCypher = dyadClause + `
WITH coalesce(left(toString(e.date), 7), 'undated') AS month, e.quad AS quad, e, s
WITH month, quad, count(e) AS events, round(sum(e.score), 1) AS score, collect(e.type) AS types,
     sum(CASE WHEN s = $x AND NOT e.symmetric THEN 1 ELSE 0 END) AS by_x,
     sum(CASE WHEN s = $y AND NOT e.symmetric THEN 1 ELSE 0 END) AS by_y
RETURN month, quad, events, by_x, by_y, score,
       reduce(acc = [], ty IN types | CASE WHEN ty IN acc THEN acc ELSE acc + ty END) AS types
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
		recs, err := c.read(ctx, "dyad "+x+"–"+y, w.eventsOf("x")+dyadMonthsCypher, params)
		if err != nil {
			return nil, err
		}
		return sortLists(tableOf([]string{"month", "quad", "events", "by_x", "by_y", "score", "types"}, recs), "types"), nil
	}
	recs, err := c.read(ctx, "dyad "+x+"–"+y, w.eventsOf("x")+dyadCypher, params)
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

// typedDyadsCypher aggregates, after Window.events, the events of the
// given types into typed dyads: at actor level exactly the graph's
// aggregated (:Actor)-[:TYPE]->(:Actor) edges, at state level their
// roll-up, which the graph does not store.
const typedDyadsCypher = ` AND e.type IN $types
RETURN s, t, e.type AS type, count(e) AS events, min(e.date) AS first, max(e.date) AS last`

// hopExamplesCypher finds, after Window.events, the latest evidence
// sentence of each typed dyad named in $keys ("source|target|type").
const hopExamplesCypher = ` AND s + '|' + t + '|' + e.type IN $keys
WITH e, s + '|' + t + '|' + e.type AS key ORDER BY e.date IS NULL, e.date DESC, e.id
RETURN key, collect(e.evidence)[0] AS example`

// actorHopExamplesCypher is hopExamplesCypher at actor level, through the
// event_dyad index instead of a scan.
const actorHopExamplesCypher = `UNWIND $keys AS key
WITH key, split(key, '|') AS k
MATCH (e:Event {source: k[0], target: k[1], type: k[2]})
WITH key, e, e.source AS s, e.target AS t
WHERE ` + eventClause + `
WITH key, e ORDER BY e.date IS NULL, e.date DESC, e.id
RETURN key, collect(e.evidence)[0] AS example`

// unfiltered reports whether the window selects every asserted event at
// actor level: exactly what the graph's aggregated typed edges count.
func (w Window) unfiltered() bool {
	return w.Level != graphdata.StateLevel && w.Since.IsZero() && w.Until.IsZero() && w.MinConfidence <= 0
}

// typedPathsCypher finds the shortest chains over the aggregated typed
// edges, each as its hops' [source, target, type, events, first, last].
// The relationship types come from the PLOVER enum and the hop bound is an
// integer we checked: nothing from the input reaches the text.
func typedPathsCypher(types []any, maxHops int) string {
	names := make([]string, len(types))
	for i, t := range types {
		names[i] = t.(string)
	}
	return `MATCH (x:Actor {id: $x}), (y:Actor {id: $y})
MATCH p = allShortestPaths((x)-[:` + strings.Join(names, "|") + `*..` + strconv.Itoa(maxHops) + `]-(y))
RETURN [r IN relationships(p) | [startNode(r).id, endNode(r).id, type(r), r.events, r.first, r.last]] AS hops
LIMIT $scan`
}

// typedDyad is one aggregated typed edge: Source did Type to Target.
type typedDyad struct {
	Source, Target, Type string
	Events               int64
	First, Last          any
}

// key names the dyad in hopExampleCypher.
func (d *typedDyad) key() string { return d.Source + "|" + d.Target + "|" + d.Type }

// Path finds the shortest chains of typed relations between x and y (in
// either direction, at most maxHops long, at most limit of them, in the
// order of their actors' ids) over the events of the window, and explains
// each hop: the relation's direction and type, its event count, first
// and last dates, and its latest evidence sentence.
func (c *Client) Path(ctx context.Context, x, y string, w Window, types []schema.EventType, maxHops, limit int) (*Table, error) {
	if maxHops <= 0 || maxHops > MaxPathHops {
		return nil, fmt.Errorf("path: --max-hops must be 1..%d", MaxPathHops)
	}
	limit = orDefaultLimit(limit, defaultPaths)
	names := make([]any, len(types))
	for i, t := range types {
		if !t.Valid() {
			return nil, fmt.Errorf("path: %q is not a PLOVER type", t)
		}
		names[i] = string(t)
	}
	op := "path " + x + "–" + y
	var paths [][]*typedDyad
	var err error
	if w.unfiltered() {
		paths, err = c.typedEdgePaths(ctx, op, x, y, names, maxHops, limit)
	} else {
		paths, err = c.eventPaths(ctx, op, x, y, w, names, maxHops, limit)
	}
	if err != nil {
		return nil, err
	}
	t := &Table{Columns: []string{"path", "hop", "from", "relation", "to", "events", "first", "last", "example"}}
	if len(paths) == 0 {
		return t, nil
	}
	ids, keys := map[string]bool{}, []any{}
	for _, p := range paths {
		for _, h := range p {
			ids[h.Source], ids[h.Target] = true, true
			keys = append(keys, h.key())
		}
	}
	info, err := c.actorInfo(ctx, op, slices.Sorted(maps.Keys(ids)))
	if err != nil {
		return nil, err
	}
	examples, examplesCypher := map[string]string{}, actorHopExamplesCypher
	if w.Level == graphdata.StateLevel {
		examplesCypher = w.events() + hopExamplesCypher
	}
	recs, err := c.read(ctx, op, examplesCypher, w.params(map[string]any{"keys": keys}))
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		examples[str(r.Values[0])] = str(r.Values[1])
	}
	for i, p := range paths {
		from := x
		for j, h := range p {
			to, rel := h.Target, "-"+h.Type+"->"
			if h.Target == from {
				to, rel = h.Source, "<-"+h.Type+"-"
			}
			t.Rows = append(t.Rows, []any{int64(i + 1), int64(j + 1), nameOf(info, from), rel, nameOf(info, to), h.Events, h.First, h.Last,
				examples[h.key()]})
			from = to
		}
	}
	return t, nil
}

// maxTypedPaths bounds the chains typedEdgePaths reads before it orders
// them and keeps the first: allShortestPaths yields them in no set order.
const maxTypedPaths = 1000

// typedEdgePaths finds the shortest chains over the graph's aggregated
// typed edges (the actor level of every asserted event), in the order of
// shortestPaths.
func (c *Client) typedEdgePaths(ctx context.Context, op, x, y string, types []any, maxHops, limit int) ([][]*typedDyad, error) {
	recs, err := c.read(ctx, op, typedPathsCypher(types, maxHops), map[string]any{"x": x, "y": y, "scan": int64(maxTypedPaths)})
	if err != nil {
		return nil, err
	}
	dyads := map[string]*typedDyad{}
	var paths [][]*typedDyad
	for _, r := range recs {
		hops, _ := r.Values[0].([]any)
		var p []*typedDyad
		for _, h := range hops {
			v, _ := h.([]any)
			if len(v) != 6 {
				continue
			}
			d := &typedDyad{Source: str(v[0]), Target: str(v[1]), Type: str(v[2]), First: v[4], Last: v[5]}
			d.Events, _ = v[3].(int64)
			if seen, ok := dyads[d.key()]; ok {
				d = seen
			}
			dyads[d.key()] = d
			p = append(p, d)
		}
		paths = append(paths, p)
	}
	adj := dyadGraph{}
	for _, d := range dyads {
		adj.add(d)
	}
	return shortestPaths(adj, x, y, maxHops, limit), nil
}

// eventPaths finds the shortest chains over the typed dyads the window's
// events make at its level, in the order of shortestPaths.
func (c *Client) eventPaths(ctx context.Context, op, x, y string, w Window, types []any, maxHops, limit int) ([][]*typedDyad, error) {
	adj := dyadGraph{}
	err := c.stream(ctx, op, w.events()+typedDyadsCypher, w.params(map[string]any{"types": types}), func(r *graph.Record) error {
		v := r.Values
		d := &typedDyad{Source: str(v[0]), Target: str(v[1]), Type: str(v[2]), First: v[4], Last: v[5]}
		d.Events, _ = v[3].(int64)
		adj.add(d)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return shortestPaths(adj, x, y, maxHops, limit), nil
}

// dyadGraph holds each actor's steps along typed dyads, either way.
type dyadGraph map[string][]hop

func (g dyadGraph) add(d *typedDyad) {
	g[d.Source] = append(g[d.Source], hop{d, d.Target, true})
	g[d.Target] = append(g[d.Target], hop{d, d.Source, false})
}

// hop is one step from an actor along a typed dyad, to the other end.
type hop struct {
	dyad    *typedDyad
	to      string
	forward bool
}

// shortestPaths lists the shortest chains of typed dyads from x to y,
// walked either way, at most maxHops long; at most limit of them, in the
// order of their steps (next actor's id, type, direction).
func shortestPaths(adj dyadGraph, x, y string, maxHops, limit int) [][]*typedDyad {
	// Distances to y, so that the walk from x only takes steps that stay
	// on a shortest chain.
	dist := map[string]int{y: 0}
	frontier := []string{y}
	for d := 1; d <= maxHops && len(frontier) > 0; d++ {
		var next []string
		for _, n := range frontier {
			for _, h := range adj[n] {
				if _, seen := dist[h.to]; !seen {
					dist[h.to] = d
					next = append(next, h.to)
				}
			}
		}
		frontier = next
	}
	if _, ok := dist[x]; !ok || x == y {
		return nil
	}
	for _, hs := range adj {
		slices.SortFunc(hs, func(a, b hop) int {
			return cmp.Or(cmp.Compare(a.to, b.to), cmp.Compare(a.dyad.Type, b.dyad.Type), cmp.Compare(b.dyad.Source, a.dyad.Source))
		})
	}
	var out [][]*typedDyad
	var walk func(n string, path []*typedDyad)
	walk = func(n string, path []*typedDyad) {
		if len(out) == limit {
			return
		}
		if n == y {
			out = append(out, slices.Clone(path))
			return
		}
		for _, h := range adj[n] {
			if d, ok := dist[h.to]; ok && d == dist[n]-1 {
				walk(h.to, append(path, h.dyad))
			}
		}
	}
	walk(x, nil)
	return out
}

// actorInfoCypher reads the names and types of actors.
const actorInfoCypher = `UNWIND $ids AS id MATCH (a:Actor {id: id}) RETURN a.id AS id, a.name AS name, a.type AS type`

// actorInfo reads the names and types of the actors, by id.
func (c *Client) actorInfo(ctx context.Context, op string, ids []string) (map[string][2]string, error) {
	list := make([]any, len(ids))
	for i, id := range ids {
		list[i] = id
	}
	recs, err := c.read(ctx, op, actorInfoCypher, map[string]any{"ids": list})
	if err != nil {
		return nil, err
	}
	info := map[string][2]string{}
	for _, r := range recs {
		info[str(r.Values[0])] = [2]string{str(r.Values[1]), str(r.Values[2])}
	}
	return info, nil
}

// nameOf is the actor's name, else its id.
func nameOf(info map[string][2]string, id string) string {
	if n := info[id][0]; n != "" {
		return n
	}
	return id
}

// Centrality orders `top`.
type Centrality string

// The orders of `top`.
const (
	ByPageRank Centrality = "pagerank"
	ByDegree   Centrality = "degree"
	ByEvents   Centrality = "events"
)

// dyadWeightsCypher counts, after Window.events, the events of each
// ordered pair.
const dyadWeightsCypher = ` AND ($quads IS NULL OR e.quad IN $quads)
RETURN s, t, count(e) AS n`

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
	err := c.stream(ctx, "top", w.events()+dyadWeightsCypher, params, func(r *graph.Record) error {
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
	info, err := c.actorInfo(ctx, "top", slices.Sorted(maps.Keys(ranks)))
	if err != nil {
		return nil, err
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
