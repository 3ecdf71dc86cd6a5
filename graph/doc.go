// Package graph is geokg's one way into Neo4j. Connect opens a Conn: one
// driver, one retry policy, one mapping of driver errors to one-line
// messages that name the server (Error, ErrUnavailable, ErrUnauthorized)
// and never the password (RedactURI). Everything that talks to Neo4j goes
// through a Conn:
//
//   - the Writer loads extraction results — actors, articles, events with
//     their provenance, and the aggregated typed edges researchers query,
//     as package graphmodel defines them (docs/graph-model.md);
//   - the Reader reads the graph back as graphdata records, for the view,
//     the exports and the alignment scores;
//   - packages query and alliance run their own statements with Conn.Read,
//     Conn.Stream and Conn.Write.
//
// The Writer is a pipeline sink. It writes batches with UNWIND $rows …
// MERGE statements (values only ever as parameters) in managed
// transactions, retried on deadlocks and transient errors; every write is
// idempotent, so re-importing, or rerunning a job that a dead server
// stopped, gives exactly the graph a single clean import gives.
package graph
