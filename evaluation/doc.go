// Package evaluation scores extraction results against a gold folder: a
// sample of articles annotated by hand, one NAME.txt and NAME.json per
// article, in the format of the annotation guidelines (docs/evaluation.md).
//
// It is the scorer of ../shared/eval/score.py in Go, with the same
// matching rules and the same numbers on the same prediction file (a test
// compares the two on the dev sets): precision, recall and F1 at six
// levels — actors, relation pairs, typed relations, directed relations,
// quad classes and roles — micro-averaged over the articles. Beyond
// score.py it lists, per article, what was missed and what was spurious,
// with the evidence sentences, so that a researcher validating geokg on
// their own sample sees why a number is what it is.
//
// Predictions are JSON lines as `geokg extract` writes them, or any other
// tool's output in the shapes score.py accepts. The package reads files
// and nothing else: no extractor, no graph.
package evaluation
