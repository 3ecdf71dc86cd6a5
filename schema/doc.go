// Package schema holds the plain data types that flow through geokg's
// pipeline — articles read from sources, the actors and relations the NLP
// stage finds in them, and the PLOVER event vocabulary — together with the
// graph model's Cypher (constraints and indexes).
//
// Data flows one way: source → nlp → schema → graph. This package imports
// none of geokg's other packages, so every stage can depend on it.
package schema
