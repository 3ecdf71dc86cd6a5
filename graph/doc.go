// Package graph loads extraction results into Neo4j: actors, articles,
// events with their provenance, and the aggregated typed edges researchers
// query, as the graph model of package graphmodel defines them
// (docs/graph-model.md).
//
// A Writer is a pipeline sink. It writes batches with UNWIND $rows … MERGE
// statements (values only ever as parameters) in the driver's managed
// transactions, which retry deadlocks and transient errors; every write is
// idempotent, so re-importing, or rerunning a job that a dead server
// stopped, gives exactly the graph a single clean import gives.
package graph
