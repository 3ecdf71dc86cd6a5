// Package query asks a geokg graph in Neo4j the questions researchers come
// with: who backs an actor, who fights it, how a dyad's relations changed
// month by month, how two actors are connected, who is central in a time
// window — and any Cypher for the rest. Every value goes to Cypher as a
// parameter; relationship types come only from the fixed PLOVER enum.
//
// Answers are Tables: named columns and rows of plain Go values, which the
// CLI prints as an aligned table, JSON or CSV.
package query

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"

	"github.com/geokg/geokg/graph"
)

// Config says which graph to ask.
type Config struct {
	URI, Username, Password, Database string
}

// Client runs queries against one Neo4j database.
type Client struct {
	driver neo4j.DriverWithContext
	db     string
	uri    string // redacted
}

// Open connects and checks the server and credentials.
func Open(ctx context.Context, cfg Config) (*Client, error) {
	if cfg.URI == "" {
		return nil, errors.New("neo4j: no URI (set --neo4j-uri or NEO4J_URI)")
	}
	uri := graph.RedactURI(cfg.URI)
	driver, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(cfg.Username, cfg.Password, ""),
		func(c *config.Config) {
			c.SocketConnectTimeout = 10 * time.Second
			c.UserAgent = "geokg"
		})
	if err != nil {
		return nil, fmt.Errorf("neo4j %s: invalid URI (want neo4j:// or bolt://HOST:PORT, +s or +ssc for TLS)", uri)
	}
	c := &Client{driver: driver, db: cfg.Database, uri: uri}
	if err := driver.VerifyConnectivity(ctx); err != nil {
		driver.Close(context.WithoutCancel(ctx))
		return nil, c.wrap("connect", err)
	}
	return c, nil
}

// NewClient wraps an existing driver (tests use neo4jtest's).
func NewClient(driver neo4j.DriverWithContext, database string) *Client {
	return &Client{driver: driver, db: database, uri: "test"}
}

// Close releases the connection pool.
func (c *Client) Close(ctx context.Context) error { return c.driver.Close(ctx) }

// Driver returns the underlying driver.
func (c *Client) Driver() neo4j.DriverWithContext { return c.driver }

// Database returns the database name ("" for the server's default).
func (c *Client) Database() string { return c.db }

// ErrWriteQuery says a statement tried to change the graph in a read-only
// query (Cypher with write false).
var ErrWriteQuery = errors.New("the statement writes to the graph, and the query is read-only")

// wrap turns a driver error into one line naming the server.
func (c *Client) wrap(op string, err error) error {
	if err == nil || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	var n4j *neo4j.Neo4jError
	switch {
	case errors.As(err, &n4j) && strings.Contains(n4j.Code, "Security.Unauthorized"):
		return fmt.Errorf("neo4j %s: %s: authentication failed: check --neo4j-username/--neo4j-password (NEO4J_USERNAME, NEO4J_PASSWORD): %w", c.uri, op, graph.ErrUnauthorized)
	case errors.As(err, &n4j) && n4j.Code == "Neo.ClientError.Statement.AccessMode":
		return fmt.Errorf("neo4j %s: %s: %w", c.uri, op, ErrWriteQuery)
	case neo4j.IsConnectivityError(err):
		return fmt.Errorf("neo4j %s: %s: server not reachable; is Neo4j running? (%w)", c.uri, op, graph.ErrUnavailable)
	case errors.As(err, &n4j):
		return fmt.Errorf("neo4j %s: %s: %s", c.uri, op, oneLine(n4j.Msg))
	}
	return fmt.Errorf("neo4j %s: %s: %s", c.uri, op, oneLine(err.Error()))
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// read runs one read query and returns all its records.
func (c *Client) read(ctx context.Context, op, cypher string, params map[string]any) ([]*neo4j.Record, error) {
	res, err := neo4j.ExecuteQuery(ctx, c.driver, cypher, params, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(c.db), neo4j.ExecuteQueryWithReadersRouting())
	if err != nil {
		return nil, c.wrap(op, err)
	}
	return res.Records, nil
}

// write runs one write query and returns all its records.
func (c *Client) write(ctx context.Context, op, cypher string, params map[string]any) ([]*neo4j.Record, error) {
	res, err := neo4j.ExecuteQuery(ctx, c.driver, cypher, params, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(c.db), neo4j.ExecuteQueryWithWritersRouting())
	if err != nil {
		return nil, c.wrap(op, err)
	}
	return res.Records, nil
}

// stream runs a read query in an auto-commit transaction and hands each
// record to fn as it arrives, so results of any size stream. It is not
// retried: fn must not see a record twice.
func (c *Client) stream(ctx context.Context, op, cypher string, params map[string]any, fn func(*neo4j.Record) error) error {
	s := c.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: c.db, AccessMode: neo4j.AccessModeRead})
	defer s.Close(context.WithoutCancel(ctx))
	res, err := s.Run(ctx, cypher, params)
	if err != nil {
		return c.wrap(op, err)
	}
	for res.Next(ctx) {
		if err := fn(res.Record()); err != nil {
			return err
		}
	}
	return c.wrap(op, res.Err())
}
