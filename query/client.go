// Package query asks a geokg graph in Neo4j the questions researchers come
// with: who backs an actor, who fights it, how a dyad's relations changed
// month by month, how two actors are connected, who is central in a time
// window — and any Cypher for the rest. Every value goes to Cypher as a
// parameter; relationship types come only from the fixed PLOVER enum. A
// Client asks through the connection it is given (graph.Conn), so its
// retries and errors are those of every other command.
//
// Answers are Tables: named columns and rows of plain Go values, which the
// CLI prints as an aligned table, JSON or CSV.
package query

import (
	"context"

	"github.com/geokg/geokg/graph"
)

// Client asks questions of one Neo4j database, through the connection it
// is given.
type Client struct {
	conn *graph.Conn
}

// New asks through c, which the caller closes.
func New(c *graph.Conn) *Client { return &Client{conn: c} }

// ErrWriteQuery says a statement tried to change the graph in a read-only
// query (Cypher with write false).
var ErrWriteQuery = graph.ErrWriteQuery

// read runs one read query and returns all its records.
func (c *Client) read(ctx context.Context, op, cypher string, params map[string]any) ([]*graph.Record, error) {
	return c.conn.Read(ctx, op, cypher, params)
}

// write runs one write query and returns all its records.
func (c *Client) write(ctx context.Context, op, cypher string, params map[string]any) ([]*graph.Record, error) {
	var recs []*graph.Record
	err := c.conn.Write(ctx, op, func(run graph.Run) (err error) {
		recs, _, err = run(cypher, params)
		return err
	})
	return recs, err
}

// stream runs a read query and hands each record to fn as it arrives
// (graph.Conn.Stream).
func (c *Client) stream(ctx context.Context, op, cypher string, params map[string]any, fn func(*graph.Record) error) error {
	return c.conn.Stream(ctx, op, cypher, params, fn)
}
