// Package source reads news articles from files and directories and
// streams them as schema.Article values.
//
// A Reader works like encoding/csv's: Next returns one article at a time
// and io.EOF at the end. A file that cannot be read gives an *Error naming
// the file (and line, for multi-article files); reading then continues
// with the next file, so one bad file never ends a job.
package source
