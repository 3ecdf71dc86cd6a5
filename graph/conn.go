package graph

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
)

// Conn is the one way into Neo4j: a connection pool to one database, its
// retries, its error mapping and its password redaction. The Writer loads
// through it, the Reader reads the graph's records through it, and the
// packages that ask questions (query) or write derived edges (alliance)
// run their statements through it. It is safe for concurrent use.
type Conn struct {
	driver    neo4j.DriverWithContext
	db        string
	uri       string // redacted
	retryTime time.Duration
}

// Record is one result row of a statement run through a Conn.
type Record = neo4j.Record

// Plain turns a value of a Record into a plain Go value: dates become
// "YYYY-MM-DD", nodes and relationships maps of their properties with
// their labels or type, paths lists of those.
func Plain(v any) any {
	switch x := v.(type) {
	case dbtype.Date:
		return x.Time().Format("2006-01-02")
	case dbtype.LocalDateTime:
		return x.Time().Format("2006-01-02T15:04:05")
	case time.Time:
		return x.Format(time.RFC3339)
	case dbtype.Duration:
		return x.String()
	case int:
		return int64(x)
	case neo4j.Node:
		m := map[string]any{"_labels": toAny(x.Labels)}
		for k, p := range x.Props {
			m[k] = Plain(p)
		}
		return m
	case neo4j.Relationship:
		m := map[string]any{"_type": x.Type}
		for k, p := range x.Props {
			m[k] = Plain(p)
		}
		return m
	case neo4j.Path:
		out := []any{}
		for i, n := range x.Nodes {
			out = append(out, Plain(n))
			if i < len(x.Relationships) {
				out = append(out, Plain(x.Relationships[i]))
			}
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = Plain(e)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = Plain(e)
		}
		return out
	}
	return v
}

func toAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// Connect creates the driver of cfg's URI, Username, Password and
// Database, and verifies the server and credentials. cfg.RetryTime bounds
// the retries of each transaction (0: DefaultRetryTime); the other fields
// are the Writer's. Errors are one line naming the URI, never the password.
func Connect(ctx context.Context, cfg Config) (*Conn, error) {
	if cfg.URI == "" {
		return nil, errors.New("neo4j: no URI (set --neo4j-uri or NEO4J_URI)")
	}
	c := &Conn{db: cfg.Database, uri: RedactURI(cfg.URI), retryTime: orDefault(cfg.RetryTime, DefaultRetryTime)}
	driver, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(cfg.Username, cfg.Password, ""),
		func(dc *config.Config) {
			// Conn.retry retries, so that a job gives up when RetryTime is
			// spent: the driver's own last pause may start just before then
			// and last twice as long.
			dc.MaxTransactionRetryTime = 0
			dc.SocketConnectTimeout = 10 * time.Second
			dc.ConnectionAcquisitionTimeout = time.Minute
			dc.UserAgent = "geokg"
		})
	if err != nil {
		// The driver's message quotes the URI, which may hold a password.
		msg := strings.ReplaceAll(oneLine(rootCause(err)), cfg.URI, c.uri)
		if strings.Contains(msg, cfg.Password) && cfg.Password != "" {
			msg = "invalid URI"
		}
		return nil, fmt.Errorf("neo4j %s: %s (want neo4j:// or bolt://HOST:PORT, +s or +ssc for TLS)", c.uri, msg)
	}
	c.driver = driver
	if err := driver.VerifyConnectivity(ctx); err != nil {
		driver.Close(context.WithoutCancel(ctx))
		return nil, c.wrap("connect", err)
	}
	return c, nil
}

// orDefault is d, or def when d is not positive.
func orDefault(d, def time.Duration) time.Duration {
	if d <= 0 {
		return def
	}
	return d
}

// Close releases the connection pool.
func (c *Conn) Close(ctx context.Context) error {
	return c.wrap("close", c.driver.Close(context.WithoutCancel(ctx)))
}

// Database is the database name ("" for the server's default).
func (c *Conn) Database() string { return c.db }

// URI is the server's address without user info, for messages.
func (c *Conn) URI() string { return c.uri }

// session opens a session on the database.
func (c *Conn) session(ctx context.Context, mode neo4j.AccessMode) neo4j.SessionWithContext {
	return c.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: c.db, AccessMode: mode})
}

// Read runs one read statement in a managed transaction, retried as
// Config.RetryTime says, and returns all its records; op names it in
// errors.
func (c *Conn) Read(ctx context.Context, op, cypher string, params map[string]any) ([]*Record, error) {
	s := c.session(ctx, neo4j.AccessModeRead)
	defer s.Close(context.WithoutCancel(ctx))
	recs, err := retried(ctx, c, s, neo4j.ExecuteRead, func(tx neo4j.ManagedTransaction) ([]*Record, error) {
		res, err := tx.Run(ctx, cypher, params)
		if err != nil {
			return nil, err
		}
		return res.Collect(ctx)
	})
	if err != nil {
		return nil, c.wrap(op, err)
	}
	return recs, nil
}

// Stream runs one read statement in an auto-commit transaction and hands
// each record to fn as it arrives, so results of any size stream. It is not
// retried: fn never sees a record twice. fn's error is returned as it is.
func (c *Conn) Stream(ctx context.Context, op, cypher string, params map[string]any, fn func(*Record) error) error {
	s := c.session(ctx, neo4j.AccessModeRead)
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

// Counts are the update counters of the statements a Run ran.
type Counts struct {
	NodesCreated, NodesDeleted, RelationshipsCreated, RelationshipsDeleted, PropertiesSet int
}

// Run runs one statement inside a transaction of Conn.Write and returns its
// records and update counters.
type Run func(cypher string, params map[string]any) ([]*Record, Counts, error)

// Write runs work in one managed write transaction — all of its
// statements commit together or none does — retried as Config.RetryTime
// says, so work must be safe to run again; op names it in errors.
func (c *Conn) Write(ctx context.Context, op string, work func(run Run) error) error {
	s := c.session(ctx, neo4j.AccessModeWrite)
	defer s.Close(context.WithoutCancel(ctx))
	_, err := retried(ctx, c, s, neo4j.ExecuteWrite, func(tx neo4j.ManagedTransaction) (bool, error) {
		return true, work(func(cypher string, params map[string]any) ([]*Record, Counts, error) {
			res, err := tx.Run(ctx, cypher, params)
			if err != nil {
				return nil, Counts{}, err
			}
			recs, err := res.Collect(ctx)
			if err != nil {
				return nil, Counts{}, err
			}
			sum, err := res.Consume(ctx)
			if err != nil {
				return nil, Counts{}, err
			}
			n := countersOf(sum)
			return recs, Counts{n.nodesCreated, n.nodesDeleted, n.relsCreated, n.relsDeleted, n.propsSet}, nil
		})
	})
	return c.wrap(op, err)
}

// retry runs attempt as retryFor says, for the connection's retry time.
func (c *Conn) retry(ctx context.Context, attempt func() error) error {
	return retryFor(ctx, c.retryTime, attempt)
}

// ErrUnavailable marks errors caused by a Neo4j server that cannot be
// reached or went away (connection refused, killed, restarting for longer
// than the retry time). Rerunning the job once the server is back is safe.
var ErrUnavailable = errors.New("Neo4j server not available")

// ErrUnauthorized marks errors caused by wrong credentials.
var ErrUnauthorized = errors.New("Neo4j authentication failed")

// ErrWriteQuery marks a statement that tried to change the graph in a
// read transaction (Conn.Read, Conn.Stream).
var ErrWriteQuery = errors.New("the statement writes to the graph, and the query is read-only")

// Error is a failed Neo4j operation, formatted as one line that names the
// server and, for credentials, the settings to check. It never contains
// the password.
type Error struct {
	// URI is the server's address, without any user info.
	URI string
	// Op says what was being done ("connect", "write batch of 12 articles").
	Op string
	// Kind is ErrUnavailable, ErrUnauthorized, ErrWriteQuery or nil.
	Kind error
	// Err is the driver's error.
	Err error
}

// Error formats the error on one line.
func (e *Error) Error() string {
	return fmt.Sprintf("neo4j %s: %s: %s", e.URI, e.Op, oneLine(e.detail()))
}

// detail is the reason, phrased for the person running the command.
func (e *Error) detail() string {
	switch e.Kind {
	case ErrUnauthorized:
		return "authentication failed: check the user name and password (--neo4j-username, --neo4j-password or NEO4J_USERNAME, NEO4J_PASSWORD)"
	case ErrWriteQuery:
		return ErrWriteQuery.Error()
	case ErrUnavailable:
		return "server not reachable (" + rootCause(e.Err) + "); is Neo4j running? Rerunning the job after it is back completes the graph"
	}
	return rootCause(e.Err)
}

// Unwrap returns both the kind and the driver's error, so errors.Is works
// with the sentinels.
func (e *Error) Unwrap() []error {
	if e.Kind != nil {
		return []error{e.Kind, e.Err}
	}
	return []error{e.Err}
}

// wrap classifies a driver error: the one error mapping of every
// statement geokg runs. Context cancellation passes through unchanged so
// callers can tell an interrupted job from a failed one.
func (c *Conn) wrap(op string, err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return &Error{URI: c.uri, Op: op, Kind: classify(err), Err: err}
}

// retryFor runs attempt, and again after each failure that retrying may
// cure (a server restarting or unreachable, a deadlock), with pauses
// growing from 100 ms to 5 s, until d has passed since the first attempt:
// the job gives up when the retry time says, give or take one attempt.
func retryFor(ctx context.Context, d time.Duration, attempt func() error) error {
	deadline := time.Now().Add(d)
	pause := 100 * time.Millisecond
	for {
		err := attempt()
		left := time.Until(deadline)
		if err == nil || left <= 0 || !retryable(err) {
			return err
		}
		t := time.NewTimer(min(pause, left))
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
		pause = min(2*pause, 5*time.Second)
	}
}

// retryable tells errors that a later attempt may not meet: the server
// gone or restarting (a connection refused, or dropped: "EOF"), and what
// the driver calls transient (deadlocks).
func retryable(err error) bool {
	err = lastAttempt(err)
	return classify(err) == ErrUnavailable || neo4j.IsRetryable(err)
}

// lastAttempt is the error of the last attempt of a transaction the
// driver gave up on, else err.
func lastAttempt(err error) error {
	var limit *neo4j.TransactionExecutionLimit
	if errors.As(err, &limit) && len(limit.Errors) > 0 {
		return limit.Errors[len(limit.Errors)-1]
	}
	return err
}

// classify tells connection trouble and bad credentials from other errors.
func classify(err error) error {
	err = lastAttempt(err)
	var n4j *neo4j.Neo4jError
	if errors.As(err, &n4j) {
		switch {
		case strings.HasPrefix(n4j.Code, "Neo.ClientError.Security.Unauthorized"),
			strings.HasPrefix(n4j.Code, "Neo.ClientError.Security.AuthenticationRateLimit"):
			return ErrUnauthorized
		case n4j.Code == "Neo.ClientError.Statement.AccessMode":
			return ErrWriteQuery
		case strings.HasPrefix(n4j.Code, "Neo.TransientError.General.DatabaseUnavailable"),
			strings.HasPrefix(n4j.Code, "Neo.ClientError.Cluster.NotALeader"):
			return ErrUnavailable
		}
		return nil
	}
	var auth *neo4j.InvalidAuthenticationError
	if errors.As(err, &auth) {
		return ErrUnauthorized
	}
	var conn *neo4j.ConnectivityError
	if errors.As(err, &conn) || neo4j.IsConnectivityError(err) {
		return ErrUnavailable
	}
	msg := err.Error()
	for _, s := range []string{"connection refused", "ConnectivityError", "connection reset", "broken pipe", "EOF", "i/o timeout", "no such host"} {
		if strings.Contains(msg, s) {
			return ErrUnavailable
		}
	}
	return nil
}

// rootCause is the most specific message in a driver error.
func rootCause(err error) string {
	err = lastAttempt(err)
	var n4j *neo4j.Neo4jError
	if errors.As(err, &n4j) {
		if n4j.Msg != "" {
			return n4j.Msg + " (" + n4j.Code + ")"
		}
		return n4j.Code
	}
	msg := err.Error()
	// The driver prefixes its own layers ("ConnectivityError: ...").
	for _, p := range []string{"TransactionExecutionLimit: ", "ConnectivityError: ", "InvalidAuthenticationError: "} {
		msg = strings.TrimPrefix(msg, p)
	}
	return msg
}

// oneLine folds a multi-line message onto one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// RedactURI removes user info (which may hold a password) from a URI.
func RedactURI(uri string) string {
	u, err := url.Parse(uri)
	if err != nil {
		// Keep only what is before any user info ends.
		if at := strings.LastIndex(uri, "@"); at >= 0 {
			if scheme := strings.Index(uri, "://"); scheme >= 0 && scheme < at {
				return uri[:scheme+3] + uri[at+1:]
			}
			return uri[at+1:]
		}
		return uri
	}
	if u.User == nil {
		return uri
	}
	u.User = nil
	return u.String()
}

// retrier is a Conn or a Writer: what retries, for how long.
type retrier interface {
	retry(ctx context.Context, attempt func() error) error
}

// retried runs work in a transaction of s through exec (neo4j.ExecuteRead
// or neo4j.ExecuteWrite), again as w's retry says.
func retried[T any](ctx context.Context, w retrier, s neo4j.SessionWithContext,
	exec func(context.Context, neo4j.SessionWithContext, neo4j.ManagedTransactionWorkT[T], ...func(*neo4j.TransactionConfig)) (T, error),
	work neo4j.ManagedTransactionWorkT[T]) (T, error) {
	var v T
	err := w.retry(ctx, func() (err error) {
		v, err = exec(ctx, s, work)
		return err
	})
	return v, err
}
