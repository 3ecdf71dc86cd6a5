package graph

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// ErrUnavailable marks errors caused by a Neo4j server that cannot be
// reached or went away (connection refused, killed, restarting for longer
// than the retry time). Rerunning the job once the server is back is safe.
var ErrUnavailable = errors.New("Neo4j server not available")

// ErrUnauthorized marks errors caused by wrong credentials.
var ErrUnauthorized = errors.New("Neo4j authentication failed")

// Error is a failed Neo4j operation, formatted as one line that names the
// server and, for credentials, the settings to check. It never contains
// the password.
type Error struct {
	// URI is the server's address, without any user info.
	URI string
	// Op says what was being done ("connect", "write batch of 12 articles").
	Op string
	// Kind is ErrUnavailable, ErrUnauthorized or nil.
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

// wrapError classifies a driver error. Context cancellation passes through
// unchanged so callers can tell an interrupted job from a failed one.
func (w *Writer) wrapError(op string, err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return &Error{URI: w.uri, Op: op, Kind: classify(err), Err: err}
}

// retry runs attempt, and again after each failure that retrying may
// cure (a server restarting or unreachable, a deadlock), with pauses
// growing from 100 ms to 5 s, until Config.RetryTime has passed since the
// first attempt: the job gives up when the retry time says, give or take
// one attempt.
func (w *Writer) retry(ctx context.Context, attempt func() error) error {
	deadline := time.Now().Add(w.cfg.RetryTime)
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
	var limit *neo4j.TransactionExecutionLimit
	if errors.As(err, &limit) && len(limit.Errors) > 0 {
		err = limit.Errors[len(limit.Errors)-1]
	}
	return classify(err) == ErrUnavailable || neo4j.IsRetryable(err)
}

// classify tells connection trouble and bad credentials from other errors.
func classify(err error) error {
	var limit *neo4j.TransactionExecutionLimit
	if errors.As(err, &limit) && len(limit.Errors) > 0 {
		err = limit.Errors[len(limit.Errors)-1]
	}
	var n4j *neo4j.Neo4jError
	if errors.As(err, &n4j) {
		switch {
		case strings.HasPrefix(n4j.Code, "Neo.ClientError.Security.Unauthorized"),
			strings.HasPrefix(n4j.Code, "Neo.ClientError.Security.AuthenticationRateLimit"):
			return ErrUnauthorized
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
	var limit *neo4j.TransactionExecutionLimit
	if errors.As(err, &limit) && len(limit.Errors) > 0 {
		err = limit.Errors[len(limit.Errors)-1]
	}
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

// retried runs work in a transaction of s through exec (neo4j.ExecuteRead
// or neo4j.ExecuteWrite), again as Writer.retry says.
func retried[T any](ctx context.Context, w *Writer, s neo4j.SessionWithContext,
	exec func(context.Context, neo4j.SessionWithContext, neo4j.ManagedTransactionWorkT[T], ...func(*neo4j.TransactionConfig)) (T, error),
	work neo4j.ManagedTransactionWorkT[T]) (T, error) {
	var v T
	err := w.retry(ctx, func() (err error) {
		v, err = exec(ctx, s, work)
		return err
	})
	return v, err
}
