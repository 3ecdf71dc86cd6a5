// Package pipeline runs an import job: it reads articles from a source,
// extracts them on a pool of workers, and hands the results, in input
// order and in batches, to a sink — Neo4j or the output folder.
//
// Memory is bounded: at most a fixed number of articles are in flight
// whatever the size of the corpus, and a slow sink slows the readers down
// (back-pressure) instead of queueing.
package pipeline
