// Package schema holds the plain data types that flow through geokg's
// pipeline: articles read from sources, the actors and relations the NLP
// stage finds in them, and the PLOVER event vocabulary.
//
// It imports none of geokg's other packages, so every stage can depend on
// it. How these types become a graph is package graphmodel's business.
package schema
