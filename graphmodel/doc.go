// Package graphmodel defines the graph geokg derives from extracted docs:
// the rows of every node and relationship, the batches they are written in,
// and the Cypher statements that write them and keep the aggregated edges
// and affiliations exact. Every sink builds its rows here, so the output
// folder, the exports and Neo4j hold the same graph.
package graphmodel
