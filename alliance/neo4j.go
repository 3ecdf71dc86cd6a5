package alliance

import (
	"context"
	"fmt"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/geokg/geokg/schema"
)

// eventsCypher streams the asserted events with their score and date.
const eventsCypher = `MATCH (e:Event)
WHERE e.asserted AND e.source <> e.target
  AND ($since IS NULL OR e.date >= date($since)) AND ($until IS NULL OR e.date <= date($until))
RETURN e.source AS source, e.target AS target, e.score AS score, e.date AS date`

// deleteWindowCypher removes a window's earlier ALIGNMENT edges, so a
// rerun leaves exactly the new ones.
const deleteWindowCypher = `MATCH (:Actor)-[r:ALIGNMENT {window: $window}]->(:Actor) DELETE r`

// writeCypher writes ALIGNMENT edges.
const writeCypher = `UNWIND $rows AS row
MATCH (a:Actor {id: row.a})
MATCH (b:Actor {id: row.b})
MERGE (a)-[r:ALIGNMENT {window: row.window}]->(b)
SET r.score = row.score, r.raw = row.raw, r.events = row.events, r.cooperation = row.cooperation,
    r.conflict = row.conflict, r.undated = row.undated, r.first = date(row.first), r.last = date(row.last),
    r.since = date(row.since), r.until = date(row.until), r.half_life_days = row.half_life_days`

// ReadEvents streams the graph's asserted events in the window to fn.
func ReadEvents(ctx context.Context, drv neo4j.DriverWithContext, db string, w Window, fn func(Event)) error {
	s := drv.NewSession(ctx, neo4j.SessionConfig{DatabaseName: db, AccessMode: neo4j.AccessModeRead})
	defer s.Close(context.WithoutCancel(ctx))
	params := map[string]any{"since": nil, "until": nil}
	if !w.Since.IsZero() {
		params["since"] = w.Since.String()
	}
	if !w.Until.IsZero() {
		params["until"] = w.Until.String()
	}
	res, err := s.Run(ctx, eventsCypher, params)
	if err != nil {
		return err
	}
	for res.Next(ctx) {
		r := res.Record()
		e := Event{}
		e.Source, _ = r.Values[0].(string)
		e.Target, _ = r.Values[1].(string)
		e.Score, _ = r.Values[2].(float64)
		if d, ok := r.Values[3].(dbtype.Date); ok {
			e.Date = schema.NewDate(d.Time())
		}
		fn(e)
	}
	return res.Err()
}

// Write replaces the window's ALIGNMENT edges with the alignments, in one
// transaction, and returns the number of edges written.
func Write(ctx context.Context, drv neo4j.DriverWithContext, db string, w Window, halfLife time.Duration, als []Alignment) (int, error) {
	name := w.Name()
	rows := make([]any, len(als))
	for i, a := range als {
		rows[i] = map[string]any{
			"a": a.A, "b": a.B, "window": name, "score": a.Score, "raw": a.Raw, "events": int64(a.Events),
			"cooperation": int64(a.Cooperation), "conflict": int64(a.Conflict), "undated": int64(a.Undated),
			"first": dateParam(a.First), "last": dateParam(a.Last), "since": dateParam(w.Since), "until": dateParam(w.Until),
			"half_life_days": halfLife.Hours() / 24,
		}
	}
	s := drv.NewSession(ctx, neo4j.SessionConfig{DatabaseName: db, AccessMode: neo4j.AccessModeWrite})
	defer s.Close(context.WithoutCancel(ctx))
	n, err := s.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		if _, err := tx.Run(ctx, deleteWindowCypher, map[string]any{"window": name}); err != nil {
			return 0, err
		}
		written := 0
		for start := 0; start < len(rows); start += 5000 {
			end := min(start+5000, len(rows))
			res, err := tx.Run(ctx, writeCypher, map[string]any{"rows": rows[start:end]})
			if err != nil {
				return 0, err
			}
			sum, err := res.Consume(ctx)
			if err != nil {
				return 0, err
			}
			written += sum.Counters().RelationshipsCreated()
		}
		return written, nil
	})
	if err != nil {
		return 0, fmt.Errorf("write ALIGNMENT edges of window %s: %w", name, err)
	}
	return n.(int), nil
}

func dateParam(d schema.Date) any {
	if d.IsZero() {
		return nil
	}
	return d.String()
}
