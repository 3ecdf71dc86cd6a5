package alliance

import (
	"context"
	"time"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graphdata"
	"github.com/geokg/geokg/schema"
)

// deleteWindowCypher removes a window's earlier ALIGNMENT, ALLIED_WITH
// and OPPOSED_TO edges, so a rerun leaves exactly the new ones.
const deleteWindowCypher = `MATCH (:Actor)-[r:ALIGNMENT|ALLIED_WITH|OPPOSED_TO {window: $window}]->(:Actor)
WHERE coalesce(r.level, 'actor') = $level DELETE r`

// Relationship types of the signed alignment, which Neo4j Browser can
// style apart (it colours by type, never by a property's sign).
const (
	Allied  = "ALLIED_WITH"
	Opposed = "OPPOSED_TO"
)

// signedCypher writes one window's alliances or rivalries as
// relationships of the given type; the type is one of the two constants,
// never input.
func signedCypher(relType string) string {
	return `UNWIND $rows AS row
MATCH (a:Actor {id: row.a})
MATCH (b:Actor {id: row.b})
CREATE (a)-[r:` + relType + ` {window: row.window, level: row.level}]->(b)
SET r.score = row.score, r.label = toString(round(row.score, 1)), r.strength = abs(row.score), r.events = row.events, r.cooperation = row.cooperation,
    r.conflict = row.conflict, r.top_types = row.top_types, r.first = date(row.first), r.last = date(row.last)`
}

// writeCypher writes ALIGNMENT edges.
const writeCypher = `UNWIND $rows AS row
MATCH (a:Actor {id: row.a})
MATCH (b:Actor {id: row.b})
MERGE (a)-[r:ALIGNMENT {window: row.window, level: row.level}]->(b)
SET r.score = row.score, r.raw = row.raw, r.events = row.events, r.cooperation = row.cooperation,
    r.conflict = row.conflict, r.undated = row.undated, r.first = date(row.first), r.last = date(row.last),
    r.since = date(row.since), r.until = date(row.until), r.half_life_days = row.half_life_days`

// ReadEvents streams the asserted events in the window between two
// different actors from src (a graph in Neo4j, graph.Reader, or an output
// folder) to fn, at the window's level (graphdata.AtLevel) and above its
// confidence bound.
func ReadEvents(ctx context.Context, src graphdata.Source, w Window, fn func(Event)) error {
	f := graphdata.Filter{Since: w.Since, Until: w.Until, MinConfidence: w.MinConfidence}
	return graphdata.AtLevel(src, w.Level).Events(ctx, f, func(e graphdata.Event) error {
		if e.Source != e.Target {
			fn(EventOf(e))
		}
		return nil
	})
}

// EventOf is what scoring needs of a graph event.
func EventOf(e graphdata.Event) Event {
	return Event{Source: e.Source, Target: e.Target, Score: e.Score, Date: e.Date, Type: e.Type}
}

// Write replaces the window's ALIGNMENT edges with the alignments, and
// its ALLIED_WITH and OPPOSED_TO edges with the positive and negative
// ones (score, label: the score to one decimal for captions, strength =
// |score|, events, cooperation, conflict, top_types, first, last), in one transaction, and returns the number of
// ALIGNMENT edges written.
func Write(ctx context.Context, c *graph.Conn, w Window, halfLife time.Duration, als []Alignment) (int, error) {
	name := w.Name()
	rows := make([]any, len(als))
	for i, a := range als {
		rows[i] = map[string]any{
			"a": a.A, "b": a.B, "window": name, "level": w.level(), "score": a.Score, "raw": a.Raw, "events": int64(a.Events),
			"cooperation": int64(a.Cooperation), "conflict": int64(a.Conflict), "undated": int64(a.Undated),
			"first": dateParam(a.First), "last": dateParam(a.Last), "since": dateParam(w.Since), "until": dateParam(w.Until),
			"half_life_days": halfLife.Hours() / 24, "top_types": typeNames(a.TopTypes),
		}
	}
	var allied, opposed []any
	for i, a := range als {
		switch {
		case a.Score > 0:
			allied = append(allied, rows[i])
		case a.Score < 0:
			opposed = append(opposed, rows[i])
		}
	}
	written := 0
	err := c.Write(ctx, "write ALIGNMENT edges of window "+name, func(run graph.Run) error {
		written = 0 // of the attempt that commits
		if _, _, err := run(deleteWindowCypher, map[string]any{"window": name, "level": w.level()}); err != nil {
			return err
		}
		for start := 0; start < len(rows); start += 5000 {
			end := min(start+5000, len(rows))
			_, n, err := run(writeCypher, map[string]any{"rows": rows[start:end]})
			if err != nil {
				return err
			}
			written += n.RelationshipsCreated
		}
		for _, part := range []struct {
			relType string
			rows    []any
		}{{Allied, allied}, {Opposed, opposed}} {
			for start := 0; start < len(part.rows); start += 5000 {
				end := min(start+5000, len(part.rows))
				if _, _, err := run(signedCypher(part.relType), map[string]any{"rows": part.rows[start:end]}); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return written, nil
}

func typeNames(ts []schema.EventType) []any {
	out := make([]any, len(ts))
	for i, t := range ts {
		out[i] = string(t)
	}
	return out
}

func dateParam(d schema.Date) any {
	if d.IsZero() {
		return nil
	}
	return d.String()
}

// deleteBlocsCypher removes a window's earlier blocs.
const deleteBlocsCypher = `MATCH (b:Bloc {window: $window}) WHERE coalesce(b.level, 'actor') = $level DETACH DELETE b
WITH count(*) AS done
MATCH (a:Actor) WHERE $window = 'all' AND $level = 'actor' AND a.bloc IS NOT NULL
REMOVE a.bloc`

// writeBlocsCypher writes one (:Bloc) per bloc of two or more actors and
// links its members; in window "all" each member also carries the bloc's
// number as a.bloc, at actor level only; a state-level bloc's id starts
// with "state:". The bloc's name is its three most strongly tied
// members' names.
const writeBlocsCypher = `UNWIND $blocs AS row
CREATE (b:Bloc {id: CASE row.level WHEN 'actor' THEN '' ELSE row.level + ':' END + row.window + '#' + toString(row.number),
                window: row.window, level: row.level, number: row.number,
                size: size(row.members), members: row.members, cohesion: row.cohesion,
                opposition: row.opposition, frustration: $frustration, modularity: $modularity})
WITH b, row
CALL (b, row) {
  UNWIND range(0, size(row.members) - 1) AS i
  MATCH (a:Actor {id: row.members[i]})
  CREATE (a)-[:IN_BLOC {window: row.window, level: row.level, bloc: row.number}]->(b)
  SET a.bloc = CASE WHEN row.window = 'all' AND row.level = 'actor' THEN row.number ELSE a.bloc END
  WITH i, a ORDER BY i
  RETURN collect(a.name) AS names
}
SET b.name = reduce(s = '', n IN names[0..3] | s + CASE WHEN s = '' THEN '' ELSE ', ' END + n) +
             CASE WHEN size(names) > 3 THEN ' …' ELSE '' END`

// WriteBlocs replaces the window's blocs in Neo4j with the partition's
// blocs of two or more actors: (:Actor)-[:IN_BLOC {window, bloc}]->(:Bloc
// {id, window, number, name, size, members, cohesion, opposition,
// frustration, modularity}); in window "all" also the actor property
// bloc. It returns the number of blocs written.
func WriteBlocs(ctx context.Context, c *graph.Conn, w Window, p Partition) (int, error) {
	name := w.Name()
	var rows []any
	for _, b := range p.Blocs {
		if len(b.Members) < 2 {
			continue
		}
		members := make([]any, len(b.Members))
		for i, m := range b.Members {
			members[i] = m
		}
		rows = append(rows, map[string]any{"window": name, "level": w.level(), "number": int64(b.Number), "members": members,
			"cohesion": b.Cohesion, "opposition": b.Opposition})
	}
	err := c.Write(ctx, "write blocs of window "+name, func(run graph.Run) error {
		if _, _, err := run(deleteBlocsCypher, map[string]any{"window": name, "level": w.level()}); err != nil {
			return err
		}
		_, _, err := run(writeBlocsCypher, map[string]any{"blocs": rows,
			"frustration": p.Frustration, "modularity": p.Modularity})
		return err
	})
	if err != nil {
		return 0, err
	}
	return len(rows), nil
}
