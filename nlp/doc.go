// Package nlp finds geopolitical actors and the relations between them in
// news articles.
//
// An Extractor is built once with New — it loads the language models and
// lexicons — and is then safe for concurrent use: Extract turns one
// schema.Article into a schema.Doc.
package nlp
