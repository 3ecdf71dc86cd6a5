// Package graphmodel defines the graph geokg derives from extracted docs,
// once: the rows of every node and relationship, the batches they are
// written in, the Cypher statements that write them and keep the
// aggregated edges and affiliations exact in Neo4j, and their Go twin,
// Aggregate (with the actor name rule, BetterName), for the sinks that
// compute the derived graph themselves. The Neo4j writer runs the Cypher;
// the output folder, every export, the neo4j-admin CSVs and the
// cypher-shell script use the rows and Aggregate, so every route holds
// the same graph (routes_test.go checks it on a real server).
package graphmodel
